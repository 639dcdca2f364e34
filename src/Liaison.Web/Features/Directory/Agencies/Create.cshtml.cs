using Liaison.Web.Features.Directory.LinesOfService;
using Liaison.Web.Features.Shared;
using Liaison.Web.Platform.Auth;
using Liaison.Web.Platform.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace Liaison.Web.Features.Directory.Agencies;

internal sealed class CreateModel(SaveAgency save, ManageLinesOfService lines, AccessRule access) : PageModel, IAgencyForm
{
    [BindProperty]
    public AgencyInput Input { get; set; } = new();

    public List<SelectListItem> LineOptions { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!access.CanManageReferenceData)
            return Forbid();
        LineOptions = await LineOptionsAsync(lines, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var result = await save.CreateAsync(Input, ct);
        if (result.Status == ResultStatus.Forbidden)
            return Forbid();
        if (!result.IsOk)
        {
            ModelState.AddErrors(result.Errors);
            LineOptions = await LineOptionsAsync(lines, ct);
            return Page();
        }
        TempData["Status"] = $"{result.Value!.Name} has been added.";
        return RedirectToPage("/Directory/Agencies/Details", new { id = result.Value.Id });
    }

    internal static async Task<List<SelectListItem>> LineOptionsAsync(ManageLinesOfService lines, CancellationToken ct) =>
        SelectLists.Grouped(await lines.CatalogueAsync(ct), l => l.UnitName, l => l.Id, l => l.Name);
}
