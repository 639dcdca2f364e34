using Liaison.Web.Features.Directory.People;
using Liaison.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Liaison.Web.Features.Surveys;

/// <summary>The module's tables (see QuickWinsTables).</summary>
internal static class SurveysTables
{
    extension(LiaisonDbContext db)
    {
        public DbSet<SurveyTemplate> SurveyTemplates => db.Set<SurveyTemplate>();
        public DbSet<SurveyQuestion> SurveyQuestions => db.Set<SurveyQuestion>();
        public DbSet<SurveyWave> SurveyWaves => db.Set<SurveyWave>();
        public DbSet<SurveyRecipient> SurveyRecipients => db.Set<SurveyRecipient>();
        public DbSet<SurveyLink> SurveyLinks => db.Set<SurveyLink>();
        public DbSet<SurveyReminder> SurveyReminders => db.Set<SurveyReminder>();
        public DbSet<SurveyAnswer> SurveyAnswers => db.Set<SurveyAnswer>();
        public DbSet<SurveyOptOut> SurveyOptOuts => db.Set<SurveyOptOut>();
        public DbSet<SurveyFollowUp> SurveyFollowUps => db.Set<SurveyFollowUp>();
    }
}

internal sealed class SurveyTemplateConfiguration : IEntityTypeConfiguration<SurveyTemplate>
{
    public void Configure(EntityTypeBuilder<SurveyTemplate> builder)
    {
        builder.ToTable("SurveyTemplates");
        builder.Property(t => t.Name).HasMaxLength(200).IsRequired();
        builder.Property(t => t.Introduction).HasMaxLength(2000);
        builder.Property(t => t.Version).IsConcurrencyToken();
        builder.HasMany(t => t.Questions).WithOne().HasForeignKey(q => q.TemplateId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<SurveyTemplate>().WithMany().HasForeignKey(t => t.CopiedFromId).OnDelete(DeleteBehavior.SetNull);
        builder.HasIndex(t => t.Name).IsUnique();
    }
}

internal sealed class SurveyQuestionConfiguration : IEntityTypeConfiguration<SurveyQuestion>
{
    public void Configure(EntityTypeBuilder<SurveyQuestion> builder)
    {
        builder.ToTable("SurveyQuestions");
        builder.Property(q => q.Text).HasMaxLength(500).IsRequired();
        builder.Property(q => q.Choices).HasMaxLength(2000);
        builder.Ignore(q => q.ChoiceList);
        builder.HasIndex(q => new { q.TemplateId, q.Position });
    }
}

internal sealed class SurveyWaveConfiguration : IEntityTypeConfiguration<SurveyWave>
{
    public void Configure(EntityTypeBuilder<SurveyWave> builder)
    {
        builder.ToTable("SurveyWaves");
        builder.Property(w => w.Name).HasMaxLength(200).IsRequired();
        builder.Property(w => w.ScheduleKey).HasMaxLength(7);
        builder.Property(w => w.Version).IsConcurrencyToken();
        builder.HasOne(w => w.Template).WithMany().HasForeignKey(w => w.TemplateId).OnDelete(DeleteBehavior.Restrict);
        // The schedule's wave of a month exists once, whichever instance's job creates it.
        builder.HasIndex(w => w.ScheduleKey).IsUnique();
        builder.HasIndex(w => new { w.Status, w.OpensOn });
    }
}

internal sealed class SurveyRecipientConfiguration : IEntityTypeConfiguration<SurveyRecipient>
{
    public void Configure(EntityTypeBuilder<SurveyRecipient> builder)
    {
        builder.ToTable("SurveyRecipients");
        builder.Property(r => r.Email).HasMaxLength(254).IsRequired();
        builder.Property(r => r.BounceReason).HasMaxLength(500);
        builder.Property(r => r.Version).IsConcurrencyToken();
        builder.HasOne(r => r.Wave).WithMany().HasForeignKey(r => r.WaveId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(r => r.Agency).WithMany().HasForeignKey(r => r.AgencyId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(r => r.Person).WithMany().HasForeignKey(r => r.PersonId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(r => r.Answers).WithOne().HasForeignKey(a => a.RecipientId).OnDelete(DeleteBehavior.Cascade);
        // A person once per wave; a wave's recipients by agency; a person's surveys.
        builder.HasIndex(r => new { r.WaveId, r.PersonId }).IsUnique();
        builder.HasIndex(r => new { r.WaveId, r.AgencyId });
        builder.HasIndex(r => r.PersonId);
    }
}

internal sealed class SurveyLinkConfiguration : IEntityTypeConfiguration<SurveyLink>
{
    public void Configure(EntityTypeBuilder<SurveyLink> builder)
    {
        builder.ToTable("SurveyLinks");
        builder.Property(l => l.TokenHash).HasMaxLength(64).IsRequired();
        builder.HasOne<SurveyRecipient>().WithMany().HasForeignKey(l => l.RecipientId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(l => l.TokenHash).IsUnique();
        builder.HasIndex(l => l.RecipientId);
    }
}

internal sealed class SurveyReminderConfiguration : IEntityTypeConfiguration<SurveyReminder>
{
    public void Configure(EntityTypeBuilder<SurveyReminder> builder)
    {
        builder.ToTable("SurveyReminders");
        builder.HasOne<SurveyRecipient>().WithMany().HasForeignKey(r => r.RecipientId).OnDelete(DeleteBehavior.Cascade);
        // The n-th reminder of a recipient once, whichever instance sends it.
        builder.HasIndex(r => new { r.RecipientId, r.Number }).IsUnique();
    }
}

internal sealed class SurveyAnswerConfiguration : IEntityTypeConfiguration<SurveyAnswer>
{
    public void Configure(EntityTypeBuilder<SurveyAnswer> builder)
    {
        builder.ToTable("SurveyAnswers");
        builder.Property(a => a.Text).HasMaxLength(4000);
        builder.HasOne(a => a.Question).WithMany().HasForeignKey(a => a.QuestionId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(a => a.LineOfService).WithMany().HasForeignKey(a => a.LineOfServiceId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(a => a.RecipientId);
        builder.HasIndex(a => a.QuestionId);
        // The results: a wave's submitted numbers of one kind, by agency and line of service, read from the index alone;
        // an agency's across waves (the trend of one agency, its health).
        builder.HasIndex(a => new { a.WaveId, a.Kind, a.Submitted, a.AgencyId, a.LineOfServiceId, a.Number }).HasDatabaseName("IX_SurveyAnswers_Results");
        builder.HasIndex(a => new { a.AgencyId, a.Kind, a.Submitted, a.WaveId, a.Number }).HasDatabaseName("IX_SurveyAnswers_AgencyResults");
    }
}

internal sealed class SurveyOptOutConfiguration : IEntityTypeConfiguration<SurveyOptOut>
{
    public void Configure(EntityTypeBuilder<SurveyOptOut> builder)
    {
        builder.ToTable("SurveyOptOuts");
        builder.HasKey(o => o.PersonId);
        builder.Property(o => o.PersonId).ValueGeneratedNever();
        builder.HasOne<Person>().WithMany().HasForeignKey(o => o.PersonId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class SurveyFollowUpConfiguration : IEntityTypeConfiguration<SurveyFollowUp>
{
    public void Configure(EntityTypeBuilder<SurveyFollowUp> builder)
    {
        builder.ToTable("SurveyFollowUps");
        builder.Property(f => f.LowAnswers).HasMaxLength(4000).IsRequired();
        builder.Property(f => f.ActionPlan).HasMaxLength(4000);
        builder.Property(f => f.Resolution).HasMaxLength(4000);
        builder.Property(f => f.Version).IsConcurrencyToken();
        builder.HasOne(f => f.Recipient).WithMany().HasForeignKey(f => f.RecipientId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<SurveyWave>().WithMany().HasForeignKey(f => f.WaveId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(f => f.Agency).WithMany().HasForeignKey(f => f.AgencyId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(f => f.Owner).WithMany().HasForeignKey(f => f.OwnerPersonId).OnDelete(DeleteBehavior.SetNull);
        // One per response, whichever way it was submitted.
        builder.HasIndex(f => f.RecipientId).IsUnique();
        builder.HasIndex(f => new { f.AgencyId, f.Status });
        builder.HasIndex(f => new { f.OwnerPersonId, f.Status, f.FirstContactDueOn });
        builder.HasIndex(f => f.WaveId);
    }
}
