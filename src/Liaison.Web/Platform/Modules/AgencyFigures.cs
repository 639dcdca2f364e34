using System.Text.Json;
using System.Text.Json.Serialization;
using Liaison.Web.Features.Directory.Agencies;
using Liaison.Web.Platform.Auditing;
using Liaison.Web.Platform.Data;
using Liaison.Web.Platform.Time;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Liaison.Web.Platform.Modules;

/// <summary>
/// An agency's health signals as of a day, kept so that the state-wide scoreboard reads one row per agency instead of
/// counting every module's records for 200 agencies at each request (docs/adr/0017). Kept true by versions, not by
/// expiry: every save that touches the agency's records (or, for records of no agency, any agency) adds one to
/// <see cref="Version"/> in its own transaction; the signals are current only while <see cref="CleanVersion"/> equals it
/// and <see cref="AsOf"/> is today (the signals count days). A stale row is never shown: its agency is counted live.
/// </summary>
[NotAudited]
internal sealed class AgencyFigures
{
    public int AgencyId { get; set; }

    /// <summary>Raised by each save that may move the agency's signals.</summary>
    public long Version { get; set; }

    /// <summary>The <see cref="Version"/> the signals were counted at, or null before the first count.</summary>
    public long? CleanVersion { get; set; }

    /// <summary>The organisation's day the signals were counted for.</summary>
    public DateOnly? AsOf { get; set; }

    /// <summary>The signals the scoreboard shows, as JSON (<see cref="KeptSignal"/>).</summary>
    public string Signals { get; set; } = "";

    public DateTime? ComputedAt { get; set; }
}

/// <summary>
/// Records whose changes move no agency's health signal although they name an agency (the scoreboard's own monthly
/// record), or name none and move none: a save of only these leaves every agency's kept figures as they are.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
internal sealed class AgencyHealthNeutralAttribute : Attribute;

internal sealed class AgencyFiguresConfiguration : IEntityTypeConfiguration<AgencyFigures>
{
    public void Configure(EntityTypeBuilder<AgencyFigures> builder)
    {
        builder.ToTable("AgencyFigures");
        builder.HasKey(f => f.AgencyId);
        builder.Property(f => f.AgencyId).ValueGeneratedNever();
        builder.Property(f => f.Signals).IsRequired();
        builder.HasOne<Agency>().WithMany().HasForeignKey(f => f.AgencyId).OnDelete(DeleteBehavior.Cascade);
    }
}

/// <summary>Which agencies a save may have moved: some, or (for a record of no agency) all.</summary>
internal sealed class TouchedAgencies
{
    public HashSet<int> Ids { get; } = [];
    public bool All { get; set; }
    public bool Any => All || Ids.Count > 0;
}

/// <summary>
/// A scoreboard signal as kept: only what the scoreboard shows (its key, heading, cell, level, link and measure), under
/// one-letter names. 200 agencies' worth is read and parsed at every reading, so its size is its cost.
/// </summary>
internal sealed record KeptSignal(
    [property: JsonPropertyName("k")] string Key,
    [property: JsonPropertyName("t")] string Column,
    [property: JsonPropertyName("c")] string Cell,
    [property: JsonPropertyName("l")] HealthLevel Level,
    [property: JsonPropertyName("w")] bool HigherIsWorse,
    [property: JsonPropertyName("h")] string? Link = null,
    [property: JsonPropertyName("m")] double? Measure = null)
{
    public static KeptSignal Of(HealthSignal s) => new(s.Key, s.Column, s.Cell, s.Level, s.HigherIsWorse, s.Link, s.Measure);

    public HealthSignal ToSignal() => new(Column, Cell, Level, Link)
    {
        Key = Key,
        Cell = Cell,
        Measure = Measure,
        HigherIsWorse = HigherIsWorse,
        Views = SignalViews.Scoreboard,
    };
}

[JsonSerializable(typeof(List<KeptSignal>))]
[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull, RespectNullableAnnotations = true,
    RespectRequiredConstructorParameters = true)]
internal sealed partial class KeptSignalJson : JsonSerializerContext;

/// <summary>Counts the signals of every agency whose kept figures are stale and keeps them (<see cref="AgencyFiguresJob"/>).</summary>
internal sealed class RefreshAgencyFigures(LiaisonDbContext db, AgencyHealth health, OrganisationClock clock)
{
    public static string Serialize(IEnumerable<HealthSignal> signals) =>
        JsonSerializer.Serialize(signals.Where(s => s.Views.HasFlag(SignalViews.Scoreboard)).DistinctBy(s => s.Key).Select(KeptSignal.Of).ToList(),
            KeptSignalJson.Default.ListKeptSignal);

    /// <summary>The kept signals, or null (the agency is then counted live) for anything that is not a list of whole ones.</summary>
    public static List<HealthSignal>? Deserialize(string json)
    {
        try
        {
            return JsonSerializer.Deserialize(json, KeptSignalJson.Default.ListKeptSignal)?.Select(k => k.ToSignal()).ToList();
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>Answers how many agencies' figures it kept.</summary>
    public async Task<int> HandleAsync(CancellationToken ct)
    {
        // Every active agency gets its row first, committed, so that a save from now on marks it (a row counted before it
        // existed could miss a save made meanwhile).
        await db.Database.ExecuteSqlRawAsync("""
            INSERT INTO "AgencyFigures" ("AgencyId", "Version", "Signals")
            SELECT a."Id", 1, '' FROM "Agencies" AS a
            WHERE a."IsActive" AND NOT EXISTS (SELECT 1 FROM "AgencyFigures" AS f WHERE f."AgencyId" = a."Id")
            ON CONFLICT DO NOTHING
            """, ct);
        var today = clock.Today;
        var stale = await db.Set<AgencyFigures>().AsNoTracking()
            .Where(f => f.AsOf != today || f.AsOf == null || f.CleanVersion == null || f.CleanVersion != f.Version)
            .Select(f => new { f.AgencyId, f.Version }).ToListAsync(ct);
        if (stale.Count == 0)
            return 0;
        // Counted after the versions were read: a save that commits after this read raises the version, and the row stays stale.
        var signals = await health.ForAgenciesLiveAsync(stale.Select(s => s.AgencyId).ToList(), ct);
        var now = clock.UtcNow;
        var kept = 0;
        await using var write = await db.BeginWriteAsync(ct);
        foreach (var row in stale)
        {
            var json = Serialize(signals[row.AgencyId]);
            kept += await db.Set<AgencyFigures>().Where(f => f.AgencyId == row.AgencyId && f.Version == row.Version)
                .ExecuteUpdateAsync(s => s.SetProperty(f => f.Signals, json).SetProperty(f => f.CleanVersion, row.Version)
                    .SetProperty(f => f.AsOf, today).SetProperty(f => f.ComputedAt, now), ct);
        }
        await write.CommitAsync(ct);
        return kept;
    }
}

/// <summary>
/// Kept figures as parsed, per agency, for the version and day they were counted at: a row's text never changes for a
/// given version and day (the job writes a row only at the version it read, and a save raises the version), so the
/// parsed signals stand for it as long as the database says that version is current, which every reading asks. One
/// entry per agency, replaced when its version moves; nothing here decides what is current. Correct on any number of
/// instances: each asks the database.
/// </summary>
internal sealed class ParsedAgencyFigures
{
    private readonly System.Collections.Concurrent.ConcurrentDictionary<int, (long Version, DateOnly AsOf, IReadOnlyList<HealthSignal> Signals)> _rows = new();

    public IReadOnlyList<HealthSignal>? TryGet(int agencyId, long version, DateOnly asOf) =>
        _rows.TryGetValue(agencyId, out var row) && row.Version == version && row.AsOf == asOf ? row.Signals : null;

    public IReadOnlyList<HealthSignal> Keep(int agencyId, long version, DateOnly asOf, IReadOnlyList<HealthSignal> signals)
    {
        _rows[agencyId] = (version, asOf, signals);
        return signals;
    }
}

/// <summary>Keeps the agencies' figures current (every minute, Performance:AgencyFiguresSeconds), on one instance at a time.</summary>
[Quartz.DisallowConcurrentExecution]
internal sealed class AgencyFiguresJob(IServiceScopeFactory scopes) : Quartz.IJob
{
    public async ValueTask Execute(Quartz.IJobExecutionContext context, CancellationToken cancellationToken = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<RefreshAgencyFigures>().HandleAsync(cancellationToken);
    }
}
