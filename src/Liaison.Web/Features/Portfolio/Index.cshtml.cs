using Liaison.Web.Features.Directory.People;
using Liaison.Web.Features.Shared;
using Liaison.Web.Platform.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace Liaison.Web.Features.Portfolio;

internal sealed class IndexModel(ListInitiatives initiatives, PeopleOptions options, PortfolioRules rules) : PageModel
{
    public InitiativeListQuery Query { get; private set; } = new();
    public PagedResult<InitiativeRow> Results { get; private set; } = null!;
    public List<SelectListItem> AgencyOptions { get; private set; } = [];
    public List<SelectListItem> StateOptions { get; private set; } = [];
    public List<SelectListItem> HealthOptions { get; private set; } = [];
    public PortfolioRules Rules => rules;

    public async Task<IActionResult> OnGetAsync([FromQuery] InitiativeListQuery query, CancellationToken ct)
    {
        if (!initiatives.IsInternalUser)
            return Forbid();
        Query = query;
        Results = await initiatives.ListAsync(query, ct);
        AgencyOptions = (await options.AgenciesAsync(ct)).Selecting(query.AgencyId);
        StateOptions = new List<SelectListItem>
        {
            new("Open", "open"), new($"Stale (no update in {rules.StaleAfterDays} days)", "stale"), new("Missing required fields", "incomplete"),
            new("Closed or done", "closed"), new("All", "all"),
        }.Selecting(query.State ?? "open");
        HealthOptions = Enum.GetValues<InitiativeHealth>().Select(h => new SelectListItem(InitiativeLabels.Health(h), h.ToString())).ToList().Selecting(query.Health?.ToString());
        return Page();
    }

    public async Task<IActionResult> OnGetExportAsync([FromQuery] InitiativeListQuery query, string? format, CancellationToken ct)
    {
        if (!initiatives.IsInternalUser)
            return Forbid();
        return await this.ExportAsync(format, async f => (await initiatives.ExportAsync(query, f, ct)).Value!);
    }
}
