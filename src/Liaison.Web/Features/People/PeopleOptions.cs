using Liaison.Web.Platform.Data;
using Liaison.Web.Platform.Web;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;

namespace Liaison.Web.Features.People;

/// <summary>The choices the people pages offer: agencies, units, kinds.</summary>
internal sealed class PeopleOptions(LiaisonDbContext db)
{
    public async Task<List<SelectListItem>> AgenciesAsync(CancellationToken ct) =>
        Shared.Options.Of(await db.Agencies.AsNoTracking().Where(a => a.IsActive).OrderBy(a => a.Name)
            .Select(a => new NamedRef(a.Id, a.Name)).ToListAsync(ct)).ToList();

    public async Task<List<SelectListItem>> UnitsAsync(CancellationToken ct) =>
        Shared.Options.Of(await db.OperationalUnits.AsNoTracking().Where(u => u.IsActive).OrderBy(u => u.Name)
            .Select(u => new NamedRef(u.Id, u.Name)).ToListAsync(ct)).ToList();

    public static List<SelectListItem> Kinds =>
    [
        new(PersonKinds.Label(PersonKind.AgencyContact), nameof(PersonKind.AgencyContact)),
        new(PersonKinds.Label(PersonKind.ProviderStaff), nameof(PersonKind.ProviderStaff)),
    ];
}
