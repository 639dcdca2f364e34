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
        // Last month's figures for the movement: read from the index alone (1,800 cells at the benchmark's size).
        builder.HasIndex(m => new { m.Month, m.AgencyId, m.Key, m.Measure }, "IX_ScoreboardMonths_Month_Measure");
    }
}

/// <summary>
/// How many agencies each column flagged (not "good") at the end of a month: the trend, kept when the month is recorded,
/// so that the scoreboard reads 13 rows per column instead of counting a year of cells (21,600 at the benchmark's size).
/// </summary>
[NotAudited]
[AgencyHealthNeutral]
internal sealed class ScoreboardTrendCount
{
    /// <summary>The first day of the month.</summary>
    public DateOnly Month { get; set; }

    /// <summary>The health signal's key.</summary>
    public string Key { get; set; } = "";

    public int NeedingAttention { get; set; }

    /// <summary>
    /// Which recount wrote the month's rows (a new one at each): while last month's stays the same, its cells have not
    /// changed, so an instance may keep them in memory (<see cref="LastMonthCells"/>).
    /// </summary>
    public Guid Recording { get; set; }
}

internal sealed class ScoreboardTrendCountConfiguration : IEntityTypeConfiguration<ScoreboardTrendCount>
{
    public void Configure(EntityTypeBuilder<ScoreboardTrendCount> builder)
    {
        builder.ToTable("ScoreboardTrendCounts");
        builder.HasKey(m => new { m.Month, m.Key });
        builder.Property(m => m.Key).HasMaxLength(64);
        // Rows counted before recordings were told apart (M0016) share the empty one.
        builder.Property(m => m.Recording).HasDefaultValue(Guid.Empty);
    }
}

/// <summary>The module's tables (see PortfolioTables).</summary>
internal static class ReportingTables
{
    extension(LiaisonDbContext db)
    {
        public DbSet<ScoreboardMonth> ScoreboardMonths => db.Set<ScoreboardMonth>();
        public DbSet<ScoreboardTrendCount> ScoreboardTrendCounts => db.Set<ScoreboardTrendCount>();

        /// <summary>Counts <paramref name="month"/>'s flagged agencies per column again from its cells (in the caller's transaction).</summary>
        public async Task RecountTrendAsync(DateOnly month, CancellationToken ct)
        {
            await db.ScoreboardTrendCounts.Where(t => t.Month == month).ExecuteDeleteAsync(ct);
            var counts = await db.ScoreboardMonths.AsNoTracking().Where(m => m.Month == month)
                .GroupBy(m => m.Key)
                .Select(g => new { g.Key, NeedingAttention = g.Count(m => m.Level != HealthLevel.Good) })
                .ToListAsync(ct);
            var recording = Guid.NewGuid();
            db.ScoreboardTrendCounts.AddRange(counts.Select(c =>
                new ScoreboardTrendCount { Month = month, Key = c.Key, NeedingAttention = c.NeedingAttention, Recording = recording }));
            await db.SaveChangesAsync(ct);
        }
    }
}
