using Liaison.Web.Features.Shared;
using Liaison.Web.Platform.Auth;
using Liaison.Web.Platform.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace Liaison.Web.Features.Administration.Users;

[Authorize(Policy = Policies.Administrator)]
internal sealed class IndexModel(ListUsers users, UserOptions options) : PageModel
{
    public UserListQuery Query { get; private set; } = new();
    public PagedResult<UserRow> Results { get; private set; } = null!;
    public List<SelectListItem> StatusOptions { get; private set; } = [];
    public List<SelectListItem> RoleOptions { get; private set; } = [];
    public List<SelectListItem> AgencyOptions { get; private set; } = [];
    public Dictionary<string, string> RoleNames { get; private set; } = [];

    public async Task OnGetAsync([FromQuery] UserListQuery query, CancellationToken ct)
    {
        Query = query;
        Results = (await users.ListAsync(query, ct)).Value!;
        StatusOptions = Options.Status("Active", "Disabled").Select(o => o.Value == "inactive" ? new SelectListItem("Disabled", "disabled") : o).Selecting(query.Status ?? "active");
        var roles = await options.RolesAsync(ct);
        RoleNames = roles.ToDictionary(r => r.Value, r => r.Text);
        RoleOptions = roles.Selecting(query.Role);
        AgencyOptions = (await options.AgenciesAsync(ct)).Selecting(query.AgencyId);
    }

    public Task<IActionResult> OnGetExportAsync([FromQuery] UserListQuery query, string? format, CancellationToken ct) =>
        this.ExportAsync(format, async f => (await users.ExportAsync(query, f, ct)).Value!);
}
