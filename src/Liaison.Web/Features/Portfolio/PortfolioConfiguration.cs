using Liaison.Web.Features.Portfolio.QuickWins;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Liaison.Web.Features.Portfolio;

internal sealed class InitiativeConfiguration : IEntityTypeConfiguration<Initiative>
{
    public void Configure(EntityTypeBuilder<Initiative> builder)
    {
        builder.ToTable("Initiatives");
        builder.Property(i => i.Name).HasMaxLength(200).IsRequired();
        builder.Property(i => i.Description).HasMaxLength(4000);
        builder.Property(i => i.Health).HasConversion<string>().HasMaxLength(16);
        builder.Property(i => i.Phase).HasConversion<string>().HasMaxLength(16);
        builder.Property(i => i.ManagedBy).HasConversion<string>().HasMaxLength(24);
        builder.Property(i => i.StatusOverview).HasMaxLength(4000);
        builder.Property(i => i.Accomplishments).HasMaxLength(4000);
        builder.Property(i => i.Plans).HasMaxLength(4000);
        builder.Property(i => i.Risks).HasMaxLength(4000);
        builder.Property(i => i.SearchText).HasMaxLength(4400).IsRequired();
        builder.Property(i => i.Version).IsConcurrencyToken();
        builder.HasOne(i => i.Agency).WithMany().HasForeignKey(i => i.AgencyId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(i => i.RelationshipManager).WithMany().HasForeignKey(i => i.RelationshipManagerPersonId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(i => i.Owner).WithMany().HasForeignKey(i => i.OwnerPersonId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(i => i.HandedToPmo).WithMany().HasForeignKey(i => i.HandedToPmoPersonId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(i => i.Updates).WithOne(u => u.Initiative).HasForeignKey(u => u.InitiativeId).OnDelete(DeleteBehavior.Restrict);
        // The agency page, My work, the stale lists and the health page: open initiatives by agency, owner and manager,
        // by last update; a stale one is a range of each. With MissingCount, the health page's figures and its
        // exceptions by owner are counted from the index alone.
        // Health in the agency index: the scoreboard counts each agency's open initiatives by health from the index alone.
        builder.HasIndex(i => new { i.AgencyId, i.OpenUpdatedOn, i.Health });
        builder.HasIndex(i => new { i.OwnerPersonId, i.OpenUpdatedOn, i.MissingCount });
        builder.HasIndex(i => new { i.RelationshipManagerPersonId, i.OpenUpdatedOn });
        builder.HasIndex(i => new { i.OpenUpdatedOn, i.MissingCount });
        builder.HasIndex(i => i.Name);
    }
}

internal sealed class InitiativeUpdateConfiguration : IEntityTypeConfiguration<InitiativeUpdate>
{
    public void Configure(EntityTypeBuilder<InitiativeUpdate> builder)
    {
        builder.ToTable("InitiativeUpdates");
        builder.Property(u => u.Health).HasConversion<string>().HasMaxLength(16);
        builder.Property(u => u.StatusOverview).HasMaxLength(4000);
        builder.Property(u => u.Accomplishments).HasMaxLength(4000);
        builder.Property(u => u.Plans).HasMaxLength(4000);
        builder.Property(u => u.Risks).HasMaxLength(4000);
        builder.Property(u => u.Reason).HasMaxLength(1000);
        builder.Property(u => u.AuthorName).HasMaxLength(200).IsRequired();
        builder.HasIndex(u => new { u.InitiativeId, u.AsOf });
        builder.HasIndex(u => u.CorrectsId);
    }
}

internal sealed class PortfolioSnapshotConfiguration : IEntityTypeConfiguration<PortfolioSnapshot>
{
    public void Configure(EntityTypeBuilder<PortfolioSnapshot> builder)
    {
        builder.ToTable("PortfolioSnapshots");
        builder.Property(s => s.TakenBy).HasMaxLength(200).IsRequired();
        builder.HasIndex(s => s.Month).IsUnique();
    }
}

internal sealed class QuickWinConfiguration : IEntityTypeConfiguration<QuickWin>
{
    public void Configure(EntityTypeBuilder<QuickWin> builder)
    {
        builder.ToTable("QuickWins");
        builder.Property(q => q.TaskName).HasMaxLength(200).IsRequired();
        builder.Property(q => q.Description).HasMaxLength(4000);
        builder.Property(q => q.Benefit).HasMaxLength(4000);
        builder.Property(q => q.SearchText).HasMaxLength(8400).IsRequired();
        builder.Property(q => q.Version).IsConcurrencyToken();
        builder.HasOne(q => q.Agency).WithMany().HasForeignKey(q => q.AgencyId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(q => q.RelationshipManager).WithMany().HasForeignKey(q => q.RelationshipManagerPersonId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(q => q.Contributors).WithOne(c => c.QuickWin).HasForeignKey(c => c.QuickWinId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(q => q.CompletedOn);
        builder.HasIndex(q => new { q.AgencyId, q.CompletedOn });
        builder.HasIndex(q => new { q.RelationshipManagerPersonId, q.CompletedOn });
    }
}

internal sealed class QuickWinContributorConfiguration : IEntityTypeConfiguration<QuickWinContributor>
{
    public void Configure(EntityTypeBuilder<QuickWinContributor> builder)
    {
        builder.ToTable("QuickWinContributors");
        builder.HasKey(c => new { c.QuickWinId, c.PersonId });
        builder.HasOne(c => c.Person).WithMany().HasForeignKey(c => c.PersonId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(c => c.PersonId);
    }
}
