using Liaison.Web.Features.Directory.People;
using Liaison.Web.Platform.Data;
using Liaison.Web.Platform.Modules;
using Microsoft.EntityFrameworkCore;

namespace Liaison.Web.Features.Relationships;

/// <summary>
/// Keeps a stakeholder profile's derived columns (<see cref="StakeholderProfile.NextDueOn"/> and
/// <see cref="StakeholderProfile.TrackedAgencyId"/>) true on every save, whichever use case changed the profile or the
/// person behind it, so "My work" finds its due contacts with one index range per agency.
/// </summary>
internal sealed class ContactTracking : ISaveHook
{
    /// <summary>The sort key of a contact who was never touched: before any real date, so they come first.</summary>
    public static readonly DateOnly NeverTouched = DateOnly.MinValue;

    public static DateOnly? NextDueKey(Frequency? frequency, DateOnly? lastTouch) =>
        Cadence.IntervalDays(frequency) is { } days ? lastTouch?.AddDays(days) ?? NeverTouched : null;

    /// <summary>Brings the derived columns of the profiles this save touches up to date. True when it changed anything.</summary>
    public async Task<bool> BeforeSaveAsync(LiaisonDbContext db, CancellationToken ct)
    {
        var changed = false;
        var profiles = db.ChangeTracker.Entries<StakeholderProfile>().Where(e => e.State is EntityState.Added or EntityState.Modified).ToList();
        foreach (var entry in profiles)
        {
            var key = NextDueKey(entry.Entity.Frequency, entry.Entity.LastTouchOn);
            if (entry.Entity.NextDueOn != key)
            {
                entry.Entity.NextDueOn = key;
                changed = true;
            }
        }

        // A profile follows its person's agency and whether they are active.
        var people = db.ChangeTracker.Entries<Person>()
            .Where(e => e.State == EntityState.Modified && (e.Property(p => p.AgencyId).IsModified || e.Property(p => p.IsActive).IsModified))
            .Select(e => e.Entity.Id)
            .Concat(profiles.Where(e => e.State == EntityState.Added).Select(e => e.Entity.PersonId))
            .Distinct().ToList();
        if (people.Count == 0)
            return changed;
        var tracked = db.ChangeTracker.Entries<Person>().Where(e => people.Contains(e.Entity.Id)).ToDictionary(e => e.Entity.Id, e => (e.Entity.AgencyId, e.Entity.IsActive));
        var missing = people.Where(id => !tracked.ContainsKey(id)).ToList();
        if (missing.Count > 0)
        {
            foreach (var row in await db.People.IgnoreQueryFilters().AsNoTracking().Where(p => missing.Contains(p.Id))
                .Select(p => new { p.Id, p.AgencyId, p.IsActive }).ToListAsync(ct))
                tracked[row.Id] = (row.AgencyId, row.IsActive);
        }
        var local = db.ChangeTracker.Entries<StakeholderProfile>().ToDictionary(e => e.Entity.PersonId, e => e.Entity);
        var toLoad = people.Where(id => !local.ContainsKey(id)).ToList();
        if (toLoad.Count > 0)
        {
            foreach (var profile in await db.StakeholderProfiles.IgnoreQueryFilters().Where(p => toLoad.Contains(p.PersonId)).ToListAsync(ct))
                local[profile.PersonId] = profile;
        }
        foreach (var id in people)
        {
            if (!local.TryGetValue(id, out var profile) || !tracked.TryGetValue(id, out var person))
                continue;
            var agency = person.IsActive ? person.AgencyId : null;
            if (profile.TrackedAgencyId != agency)
            {
                profile.TrackedAgencyId = agency;
                changed = true;
            }
        }
        return changed;
    }

    /// <summary>
    /// The same derivation in SQL, for rows written in bulk (the migration that introduced the columns, the benchmark's
    /// loader). Dates are TEXT yyyy-MM-dd on SQLite and DATE on PostgreSQL.
    /// </summary>
    public static string RefreshAllSql(bool postgres)
    {
        string Plus(int days) => postgres ? $"\"LastTouchOn\" + {days}" : $"date(\"LastTouchOn\", '+{days} days')";
        var never = postgres ? "DATE '0001-01-01'" : "'0001-01-01'";
        var cases = string.Join(" ", Enum.GetValues<Frequency>().Where(f => Cadence.IntervalDays(f) is not null)
            .Select(f => $"WHEN '{f}' THEN {Plus(Cadence.IntervalDays(f)!.Value)}"));
        var tracked = string.Join(", ", Enum.GetValues<Frequency>().Where(f => Cadence.IntervalDays(f) is not null).Select(f => $"'{f}'"));
        return $"""
            UPDATE "StakeholderProfiles" SET
              "TrackedAgencyId" = (SELECT p."AgencyId" FROM "People" p WHERE p."Id" = "StakeholderProfiles"."PersonId" AND p."IsActive"),
              "NextDueOn" = CASE WHEN "Frequency" IN ({tracked}) AND "LastTouchOn" IS NULL THEN {never}
                                 ELSE CASE "Frequency" {cases} ELSE NULL END END
            """;
    }
}
