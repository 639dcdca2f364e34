using Liaison.Web.Platform.Auth;
using Liaison.Web.Platform.Time;
using Liaison.Web.Platform.Web;
using Microsoft.EntityFrameworkCore;

namespace Liaison.Web.Platform.Modules;

/// <summary>The agency the agency page shows, and what the signed-in user may do with it.</summary>
internal sealed record AgencyPageContext(int AgencyId, string Name, string? Acronym, bool IsActive, bool CanEdit, DateOnly Today)
{
    /// <summary>The agency's short name: its acronym, or its name.</summary>
    public string ShortName => Acronym ?? Name;
}

/// <summary>A button at the top of the agency page ("Record an interaction").</summary>
internal sealed record AgencyPageAction(int Order, string Text, string Href, bool Primary = false);

/// <summary>
/// A section of the agency page a module contributes (register with <c>services.AddScoped&lt;IAgencySection, ...&gt;()</c>).
/// The directory's page shows the agency's own details and asks every section, in <see cref="Order"/> (10 relationship
/// managers and contacts, 30 action items, 50 initiatives, 60 meetings; a new module picks a number between), for its model,
/// which the section's partial view renders. No module edits the agency page to add to it.
/// </summary>
internal interface IAgencySection
{
    int Order { get; }

    /// <summary>The partial view that renders the section: its path from the application root (<c>/Features/.../_Section.cshtml</c>).</summary>
    string View { get; }

    /// <summary>The section's model for this agency and user, or null to leave the section out (a role it has nothing for).</summary>
    Task<object?> LoadAsync(AgencyPageContext page, CancellationToken ct);

    /// <summary>The section's buttons at the top of the page, if any.</summary>
    IEnumerable<AgencyPageAction> Actions(AgencyPageContext page) => [];
}

internal enum HealthLevel
{
    Good,
    Attention,
    Concern,
}

/// <summary>Where a health signal shows: the agency page's health summary, the state-wide scoreboard, or both.</summary>
[Flags]
internal enum SignalViews
{
    AgencyPage = 1,
    Scoreboard = 2,
    Both = AgencyPage | Scoreboard,
}

/// <summary>
/// One line of an agency's relationship health: what it says, and how worrying it is. The agency page shows
/// <see cref="Label"/> and <see cref="Value"/>; the scoreboard makes a column of each <see cref="Key"/> (headed
/// <see cref="Column"/>), shows <see cref="Cell"/> in it and sorts and trends by <see cref="Measure"/>. Both colour it
/// by <see cref="Level"/>, which the contributor decides by the signal's own thresholds, and link it to the list behind it.
/// </summary>
internal sealed record HealthSignal(string Label, string Value, HealthLevel Level, string? Link = null)
{
    /// <summary>The signal's stable name, the same for every agency ("contacts-overdue"): the scoreboard's column.</summary>
    public string Key { get; init; } = Label;

    /// <summary>The scoreboard column's heading; the label unless a shorter one reads better.</summary>
    public string Column { get; init; } = Label;

    /// <summary>The scoreboard cell's text ("3", "Mona Manager"); the value unless a shorter one reads better.</summary>
    public string Cell { get; init; } = Value;

    /// <summary>The figure the scoreboard sorts by and keeps month by month; none for a name.</summary>
    public double? Measure { get; init; }

    /// <summary>Whether a rise of <see cref="Measure"/> is bad news (late items) or good (quick wins).</summary>
    public bool HigherIsWorse { get; init; } = true;

    public SignalViews Views { get; init; } = SignalViews.Both;
}

/// <summary>
/// A module's part of an agency's health (register with <c>services.AddScoped&lt;IAgencyHealthContributor, ...&gt;()</c>):
/// coverage and cadence, initiatives at risk, and later renewals about to lapse and unhappy survey answers.
/// </summary>
internal interface IAgencyHealthContributor
{
    /// <summary>Signals appear in this order (10 relationships, 30 portfolio).</summary>
    int Order { get; }

    /// <summary>
    /// The signals of every agency in <paramref name="agencyIds"/>, asked for all of them at once: one query per kind of
    /// signal, never one per agency. The agency page asks for one agency; a state-wide scoreboard asks for every agency
    /// the user may see. The caller has checked that the user may see each agency.
    /// </summary>
    Task<ILookup<int, HealthSignal>> SignalsAsync(IReadOnlyCollection<int> agencyIds, DateOnly today, CancellationToken ct);
}

/// <summary>Every module's health signals for a set of agencies, in the contributors' order.</summary>
internal sealed class AgencyHealth(IEnumerable<IAgencyHealthContributor> contributors, OrganisationClock clock, AccessRule access, DerivedCache cache,
    Data.LiaisonDbContext db, IConfiguration config, ParsedAgencyFigures parsed)
{
    /// <summary>
    /// One agency's signals for its page, kept for the user until the next save (or a minute): the agency page is the
    /// page a manager returns to most.
    /// </summary>
    public async Task<IReadOnlyList<HealthSignal>> ForAgencyAsync(int agencyId, CancellationToken ct)
    {
        var today = clock.Today;
        return await cache.GetAsync($"agency-health:{agencyId}:{access.User.Id}:{today:yyyy-MM-dd}",
            async () => (await ForAgenciesLiveAsync([agencyId], ct))[agencyId].Where(s => s.Views.HasFlag(SignalViews.AgencyPage)).ToList());
    }

    /// <summary>
    /// The scoreboard's cells of each agency of <paramref name="agencyIds"/>: its signals that show there, one per key
    /// (what the scoreboard shows and what the month's record keeps). Read from each agency's kept figures
    /// (<see cref="AgencyFigures"/>) where they are current, counted live where they are not.
    /// </summary>
    public async Task<IReadOnlyDictionary<int, IReadOnlyList<HealthSignal>>> ForScoreboardAsync(IReadOnlyCollection<int> agencyIds, CancellationToken ct) =>
        (await ForAgenciesKeptAsync(agencyIds, ct)).ToDictionary(a => a.Key,
            IReadOnlyList<HealthSignal> (a) => a.Value.Where(s => s.Views.HasFlag(SignalViews.Scoreboard)).DistinctBy(s => s.Key).ToList());

    /// <summary>
    /// The kept figures that are current (as of today, not marked by a save since), and the rest counted live. Only for
    /// the provider's view (the one they were counted in): anyone else's is counted live.
    /// </summary>
    private async Task<IReadOnlyDictionary<int, IReadOnlyList<HealthSignal>>> ForAgenciesKeptAsync(IReadOnlyCollection<int> agencyIds, CancellationToken ct)
    {
        if (!config.GetValue("Performance:AgencyFigures", true) || !(access.CanSeeProviderRecords || access.User.IsSystem))
            return await ForAgenciesLiveAsync(agencyIds, ct);
        var today = clock.Today;
        var wanted = agencyIds.ToHashSet();
        var kept = new Dictionary<int, IReadOnlyList<HealthSignal>>();
        // Which rows are current, as numbers only (the whole table, a row per agency); a row already parsed at that
        // version and day is taken as parsed, the others are read and parsed (ADR 0017).
        var current = await db.Set<AgencyFigures>().AsNoTracking()
            .Where(f => f.AsOf == today && f.CleanVersion == f.Version)
            .Select(f => new { f.AgencyId, f.Version }).ToListAsync(ct);
        var unparsed = new List<int>();
        foreach (var row in current.Where(r => wanted.Contains(r.AgencyId)))
        {
            if (parsed.TryGet(row.AgencyId, row.Version, today) is { } signals)
                kept[row.AgencyId] = signals;
            else
                unparsed.Add(row.AgencyId);
        }
        if (unparsed.Count > 0)
        {
            var rows = await db.Set<AgencyFigures>().AsNoTracking()
                .Where(f => unparsed.Contains(f.AgencyId) && f.AsOf == today && f.CleanVersion == f.Version)
                .Select(f => new { f.AgencyId, f.Version, f.Signals }).ToListAsync(ct);
            foreach (var row in rows)
            {
                if (RefreshAgencyFigures.Deserialize(row.Signals) is { } signals)
                    kept[row.AgencyId] = parsed.Keep(row.AgencyId, row.Version, today, signals);
            }
        }
        var missing = wanted.Where(id => !kept.ContainsKey(id)).ToList();
        if (missing.Count > 0)
        {
            foreach (var (id, signals) in await ForAgenciesLiveAsync(missing, ct))
                kept[id] = signals;
        }
        return kept;
    }

    /// <summary>The signals of each agency of <paramref name="agencyIds"/> (which the user may see), counted now: one query per contributor's kind of signal.</summary>
    public async Task<IReadOnlyDictionary<int, IReadOnlyList<HealthSignal>>> ForAgenciesLiveAsync(IReadOnlyCollection<int> agencyIds, CancellationToken ct)
    {
        var today = clock.Today;
        var parts = new List<ILookup<int, HealthSignal>>();
        foreach (var contributor in contributors.OrderBy(c => c.Order))
            parts.Add(await contributor.SignalsAsync(agencyIds, today, ct));
        return agencyIds.Distinct().ToDictionary(id => id, IReadOnlyList<HealthSignal> (id) => parts.SelectMany(p => p[id]).ToList());
    }
}
