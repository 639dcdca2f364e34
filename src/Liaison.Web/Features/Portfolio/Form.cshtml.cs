using Liaison.Web.Platform.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Liaison.Web.Features.Portfolio;

/// <summary>The portfolio form as people know it: each initiative's fields in the form's order, agency by agency, for printing.</summary>
internal sealed class FormModel(ListInitiatives initiatives, PortfolioRules rules) : PageModel
{
    public IReadOnlyList<InitiativeFormRow> Rows { get; private set; } = [];
    public InitiativeListQuery Query { get; private set; } = new();
    public PortfolioRules Rules => rules;

    public async Task<IActionResult> OnGetAsync([FromQuery] InitiativeListQuery query, CancellationToken ct)
    {
        Query = query;
        var rows = await initiatives.FormAsync(query, ct);
        if (this.Refusal(rows) is { } refusal)
            return refusal;
        Rows = rows.Value!;
        return Page();
    }
}
