using Liaison.Web.Features.Directory.Agencies;
using Liaison.Web.Features.Directory.Units;
using Liaison.Web.Platform.Data;
using Liaison.Web.Platform.Web;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;

namespace Liaison.Web.Features.Directory.People;

/// <summary>
/// The choices the directory's filters and forms offer: agencies, units, kinds. Agency and unit
/// names are read on every list page but change rarely, so they are cached for a minute per
/// visibility scope, and dropped at once when anything is saved on any instance (the data generation).
/// </summary>
internal sealed class PeopleOptions(LiaisonDbContext db, IMemoryCache cache)
{
    public async Task<List<SelectListItem>> AgenciesAsync(CancellationToken ct) =>
        Shared.Options.Of(await cache.GetOrCreateAsync($"names:{nameof(Agency)}:{db.AgencyScope}:{await db.DataGenerationAsync(ct)}", entry =>
        {
            entry.AbsoluteExpirationRelativeToNow = TimeSpan.FromMinutes(1);
            return db.Agencies.AsNoTracking().Where(a => a.IsActive).OrderBy(a => a.Name).Select(a => new NamedRef(a.Id, a.Name)).ToListAsync(ct);
        }) ?? []).ToList();

    /// <summary>The provider's active staff, for owner and contributor pickers.</summary>
    public async Task<List<SelectListItem>> StaffAsync(CancellationToken ct) =>
        Shared.Options.Of(await cache.GetOrCreateAsync($"names:staff:{await db.DataGenerationAsync(ct)}", entry =>
        {
            entry.AbsoluteExpirationRelativeToNow = TimeSpan.FromMinutes(1);
            return db.People.AsNoTracking().Where(p => p.IsActive && p.Kind == PersonKind.ProviderStaff).OrderBy(p => p.LastName).ThenBy(p => p.FirstName)
                .Select(p => new NamedRef(p.Id, p.FirstName + " " + p.LastName)).ToListAsync(ct);
        }) ?? []).ToList();

    /// <summary>
    /// The people who are relationship managers (their directory entries, through their accounts), for filters "by
    /// manager": a few dozen, where all staff are thousands at ten times a state's size.
    /// </summary>
    public async Task<List<SelectListItem>> ManagersAsync(CancellationToken ct) =>
        Shared.Options.Of(await cache.GetOrCreateAsync($"names:managers:{await db.DataGenerationAsync(ct)}", async entry =>
        {
            entry.AbsoluteExpirationRelativeToNow = TimeSpan.FromMinutes(1);
            var role = db.Roles.Where(r => r.Name == Platform.Auth.Roles.RelationshipManager).Select(r => r.Id);
            var people = db.Users.Where(u => u.PersonId != null && u.UserRoles.Any(r => role.Contains(r.RoleId))).Select(u => u.PersonId!.Value);
            return await db.People.AsNoTracking().Where(p => people.Contains(p.Id)).OrderBy(p => p.LastName).ThenBy(p => p.FirstName)
                .Select(p => new NamedRef(p.Id, p.FirstName + " " + p.LastName)).ToListAsync(ct);
        }) ?? []).ToList();

    public async Task<List<SelectListItem>> UnitsAsync(CancellationToken ct) =>
        Shared.Options.Of(await cache.GetOrCreateAsync($"names:{nameof(OperationalUnit)}:{await db.DataGenerationAsync(ct)}", entry =>
        {
            entry.AbsoluteExpirationRelativeToNow = TimeSpan.FromMinutes(1);
            return db.OperationalUnits.AsNoTracking().Where(u => u.IsActive).OrderBy(u => u.Name).Select(u => new NamedRef(u.Id, u.Name)).ToListAsync(ct);
        }) ?? []).ToList();

    public static List<SelectListItem> Kinds =>
    [
        new(PersonKinds.Label(PersonKind.AgencyContact), nameof(PersonKind.AgencyContact)),
        new(PersonKinds.Label(PersonKind.ProviderStaff), nameof(PersonKind.ProviderStaff)),
    ];
}
