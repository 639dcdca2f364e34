using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Liaison.Web.Features.Surveys.Templates;

internal sealed class IndexModel(ManageTemplates templates) : PageModel
{
    public IReadOnlyList<TemplateRow> Rows { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var list = await templates.ListAsync(ct);
        if (!list.IsOk)
            return NotFound();
        Rows = list.Value!;
        return Page();
    }
}
