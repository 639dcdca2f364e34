using Liaison.Web.Features.Relationships.ActionItems;
using Liaison.Web.Features.Relationships.Interactions;
using Liaison.Web.Features.Relationships.Meetings;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Liaison.Web.Features.Relationships;

internal sealed class AgencyAssignmentConfiguration : IEntityTypeConfiguration<AgencyAssignment>
{
    public void Configure(EntityTypeBuilder<AgencyAssignment> builder)
    {
        builder.ToTable("AgencyAssignments");
        builder.Property(a => a.Role).HasConversion<string>().HasMaxLength(16);
        builder.Property(a => a.Version).IsConcurrencyToken();
        builder.HasOne(a => a.Agency).WithMany().HasForeignKey(a => a.AgencyId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(a => a.User).WithMany().HasForeignKey(a => a.UserId).OnDelete(DeleteBehavior.Restrict);
        // At most one current primary and one current backup per agency.
        builder.HasIndex(a => new { a.AgencyId, a.Role }).IsUnique().HasFilter("\"EndedOn\" IS NULL").HasDatabaseName("IX_AgencyAssignments_Current");
        builder.HasIndex(a => new { a.UserId, a.EndedOn });
        builder.HasIndex(a => a.AgencyId);
    }
}

internal sealed class StakeholderProfileConfiguration : IEntityTypeConfiguration<StakeholderProfile>
{
    public void Configure(EntityTypeBuilder<StakeholderProfile> builder)
    {
        builder.ToTable("StakeholderProfiles");
        builder.HasKey(p => p.PersonId);
        builder.Property(p => p.PersonId).ValueGeneratedNever();
        builder.Property(p => p.Priority).HasConversion<string>().HasMaxLength(2);
        builder.Property(p => p.Impact).HasConversion<string>().HasMaxLength(2);
        builder.Property(p => p.Frequency).HasConversion<string>().HasMaxLength(4);
        builder.Property(p => p.Version).IsConcurrencyToken();
        builder.HasOne(p => p.Person).WithOne().HasForeignKey<StakeholderProfile>(p => p.PersonId).OnDelete(DeleteBehavior.Cascade);
        // "My agencies' contacts due by a day", counted and ranked without reading a row.
        builder.HasIndex(p => new { p.TrackedAgencyId, p.NextDueOn });
    }
}

internal sealed class InteractionConfiguration : IEntityTypeConfiguration<Interaction>
{
    public void Configure(EntityTypeBuilder<Interaction> builder)
    {
        builder.ToTable("Interactions");
        builder.Property(i => i.Kind).HasConversion<string>().HasMaxLength(24);
        builder.Property(i => i.Subject).HasMaxLength(200).IsRequired();
        builder.Property(i => i.Summary).HasMaxLength(8000);
        builder.Property(i => i.FollowUp).HasMaxLength(4000);
        builder.Property(i => i.InternalNotes).HasMaxLength(4000);
        builder.Property(i => i.SearchText).HasMaxLength(8400).IsRequired();
        builder.Property(i => i.Version).IsConcurrencyToken();
        builder.HasOne(i => i.Agency).WithMany().HasForeignKey(i => i.AgencyId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(i => i.Meeting).WithMany().HasForeignKey(i => i.MeetingId).OnDelete(DeleteBehavior.SetNull);
        builder.HasIndex(i => new { i.AgencyId, i.OccurredOn });
        builder.HasIndex(i => i.OccurredOn);
        builder.HasIndex(i => i.MeetingId);
    }
}

internal sealed class InteractionAttendeeConfiguration : IEntityTypeConfiguration<InteractionAttendee>
{
    public void Configure(EntityTypeBuilder<InteractionAttendee> builder)
    {
        builder.ToTable("InteractionAttendees");
        builder.HasKey(a => new { a.InteractionId, a.PersonId });
        builder.HasOne(a => a.Interaction).WithMany(i => i.Attendees).HasForeignKey(a => a.InteractionId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(a => a.Person).WithMany().HasForeignKey(a => a.PersonId).OnDelete(DeleteBehavior.Restrict);
        // A contact's last touch is the first entry of this index.
        builder.HasIndex(a => new { a.PersonId, a.OccurredOn });
    }
}

internal sealed class MeetingConfiguration : IEntityTypeConfiguration<Meeting>
{
    public void Configure(EntityTypeBuilder<Meeting> builder)
    {
        builder.ToTable("Meetings");
        builder.Property(m => m.Title).HasMaxLength(200).IsRequired();
        builder.Property(m => m.Kind).HasConversion<string>().HasMaxLength(24);
        builder.Property(m => m.Status).HasConversion<string>().HasMaxLength(16);
        builder.Property(m => m.Location).HasMaxLength(300);
        builder.Property(m => m.Minutes).HasMaxLength(20000);
        builder.Property(m => m.Decisions).HasMaxLength(8000);
        builder.Property(m => m.SearchText).HasMaxLength(600).IsRequired().HasDefaultValue("");
        builder.Property(m => m.Version).IsConcurrencyToken();
        builder.HasIndex(m => m.StartsAt);
        builder.HasMany(m => m.Agencies).WithOne().HasForeignKey(a => a.MeetingId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(m => m.AgendaItems).WithOne().HasForeignKey(a => a.MeetingId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(m => m.Attendees).WithOne().HasForeignKey(a => a.MeetingId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class MeetingAgencyConfiguration : IEntityTypeConfiguration<MeetingAgency>
{
    public void Configure(EntityTypeBuilder<MeetingAgency> builder)
    {
        builder.ToTable("MeetingAgencies");
        builder.HasKey(a => new { a.MeetingId, a.AgencyId });
        builder.HasOne(a => a.Agency).WithMany().HasForeignKey(a => a.AgencyId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(a => a.AgencyId);
    }
}

internal sealed class MeetingAgendaItemConfiguration : IEntityTypeConfiguration<MeetingAgendaItem>
{
    public void Configure(EntityTypeBuilder<MeetingAgendaItem> builder)
    {
        builder.ToTable("MeetingAgendaItems");
        builder.Property(a => a.Text).HasMaxLength(1000).IsRequired();
        builder.HasIndex(a => new { a.MeetingId, a.Position });
    }
}

internal sealed class MeetingAttendeeConfiguration : IEntityTypeConfiguration<MeetingAttendee>
{
    public void Configure(EntityTypeBuilder<MeetingAttendee> builder)
    {
        builder.ToTable("MeetingAttendees");
        builder.HasKey(a => new { a.MeetingId, a.PersonId });
        builder.HasOne(a => a.Person).WithMany().HasForeignKey(a => a.PersonId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(a => a.PersonId);
    }
}

internal sealed class ActionItemConfiguration : IEntityTypeConfiguration<ActionItem>
{
    public void Configure(EntityTypeBuilder<ActionItem> builder)
    {
        builder.ToTable("ActionItems");
        builder.Property(a => a.Title).HasMaxLength(300).IsRequired();
        builder.Property(a => a.Details).HasMaxLength(4000);
        builder.Property(a => a.Status).HasConversion<string>().HasMaxLength(16);
        builder.Property(a => a.SearchText).HasMaxLength(4400).IsRequired();
        builder.Property(a => a.Version).IsConcurrencyToken();
        builder.Ignore(a => a.IsOpen);
        builder.HasOne(a => a.Agency).WithMany().HasForeignKey(a => a.AgencyId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(a => a.Owner).WithMany().HasForeignKey(a => a.OwnerPersonId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(a => a.Meeting).WithMany().HasForeignKey(a => a.MeetingId).OnDelete(DeleteBehavior.SetNull);
        builder.HasOne(a => a.Interaction).WithMany().HasForeignKey(a => a.InteractionId).OnDelete(DeleteBehavior.SetNull);
        // DueOn last: "an agency's (or an owner's) open items due before a date" follows one index, where SQLite would
        // otherwise prefer (Status, DueOn) and walk every agency's late items.
        builder.HasIndex(a => new { a.AgencyId, a.Status, a.DueOn });
        builder.HasIndex(a => new { a.OwnerPersonId, a.Status, a.DueOn });
        builder.HasIndex(a => new { a.Status, a.DueOn });
        builder.HasIndex(a => a.MeetingId);
        builder.HasIndex(a => a.InteractionId);
    }
}

internal sealed class ActionItemCommentConfiguration : IEntityTypeConfiguration<ActionItemComment>
{
    public void Configure(EntityTypeBuilder<ActionItemComment> builder)
    {
        builder.ToTable("ActionItemComments");
        builder.Property(c => c.AuthorName).HasMaxLength(200).IsRequired();
        builder.Property(c => c.Text).HasMaxLength(ActionItemComment.MaxLength).IsRequired();
        builder.HasOne(c => c.ActionItem).WithMany().HasForeignKey(c => c.ActionItemId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(c => new { c.ActionItemId, c.CreatedAt });
    }
}
