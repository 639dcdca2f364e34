using Liaison.Web.Features.Directory.Agencies;
using Liaison.Web.Platform.Auditing;
using Liaison.Web.Platform.Data;
using Liaison.Web.Platform.Modules;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Liaison.Web.Features.Reporting;

/// <summary>
/// One cell of the scoreboard as it stood at the end of a month (the job records the current month's every six hours,
/// so the last recording of a month is its end): what the trend and the movement since last month read. Nobody's
/// edit, so not audited.
/// </summary>
[NotAudited]
[Liaison.Web.Platform.Modules.AgencyHealthNeutral]
internal sealed class ScoreboardMonth
{
    /// <summary>The first day of the month.</summary>
    public DateOnly Month { get; set; }

    public int AgencyId { get; set; }

    /// <summary>The health signal's key ("contacts-overdue").</summary>
    public string Key { get; set; } = "";

    public double? Measure { get; set; }
    public HealthLevel Level { get; set; }
    public string Cell { get; set; } = "";
    public DateTime RecordedAt { get; set; }
}

internal sealed class ScoreboardMonthConfiguration : IEntityTypeConfiguration<ScoreboardMonth>
{
    public void Configure(EntityTypeBuilder<ScoreboardMonth> builder)
    {
        builder.ToTable("ScoreboardMonths");
        builder.HasKey(m => new { m.Month, m.AgencyId, m.Key });
        builder.Property(m => m.Key).HasMaxLength(64);
        builder.Property(m => m.Cell).HasMaxLength(200).IsRequired();
        builder.HasOne<Agency>().WithMany().HasForeignKey(m => m.AgencyId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(m => m.AgencyId);
    }
}

/// <summary>The module's tables (see PortfolioTables).</summary>
internal static class ReportingTables
{
    extension(LiaisonDbContext db)
    {
        public DbSet<ScoreboardMonth> ScoreboardMonths => db.Set<ScoreboardMonth>();
    }
}
