using Liaison.Web.Features.Administration.Settings;
using Liaison.Web.Features.Directory.People;
using Liaison.Web.Platform.Auth;
using Liaison.Web.Platform.Data;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;

namespace Liaison.Web.Features.Administration.Users;

/// <summary>The choices of the user pages: roles (named as this organisation names them), agencies, directory entries.</summary>
internal sealed class UserOptions(SiteSettings settings, PeopleOptions people, LiaisonDbContext db)
{
    public async Task<List<SelectListItem>> RolesAsync(CancellationToken ct)
    {
        var title = (await settings.GetAsync(ct)).RelationshipManagerTitle;
        return Roles.All.Select(r => new SelectListItem(Roles.DisplayName(r, title), r)).ToList();
    }

    public Task<List<SelectListItem>> AgenciesAsync(CancellationToken ct) => people.AgenciesAsync(ct);

    public async Task<List<SelectListItem>> PeopleAsync(CancellationToken ct) =>
        (await db.People.AsNoTracking().Where(p => p.IsActive)
            .OrderBy(p => p.LastName).ThenBy(p => p.FirstName)
            .Select(p => new { p.Id, p.FirstName, p.LastName, p.Email, Org = p.Kind == PersonKind.AgencyContact ? p.Agency!.Acronym : "staff" })
            .ToListAsync(ct))
        .Select(p => new SelectListItem($"{p.LastName}, {p.FirstName} ({p.Org}{(p.Email is null ? "" : ", " + p.Email)})", p.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)))
        .ToList();
}
