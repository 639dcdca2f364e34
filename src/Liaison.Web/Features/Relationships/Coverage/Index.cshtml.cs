using Liaison.Web.Platform.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Liaison.Web.Features.Relationships.Coverage;

/// <summary>Each relationship manager's agencies and load; agencies with no manager or only one deep.</summary>
internal sealed class IndexModel(ManageAssignments assignments) : PageModel
{
    public CoverageReport Coverage { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var result = await assignments.CoverageAsync(ct);
        if (this.Refusal(result) is { } refusal)
            return refusal;
        Coverage = result.Value!;
        return Page();
    }
}
