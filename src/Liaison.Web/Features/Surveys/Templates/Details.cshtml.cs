using Liaison.Web.Platform.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Liaison.Web.Features.Surveys.Templates;

internal sealed class DetailsModel(ManageTemplates templates) : PageModel
{
    public TemplateView View { get; private set; } = null!;
    public bool MayManage => templates.MayManage;

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        var found = await templates.GetAsync(id, ct);
        if (this.Refusal(found) is { } refusal)
            return refusal;
        View = found.Value!;
        return Page();
    }

    public async Task<IActionResult> OnPostCopyAsync(int id, CancellationToken ct)
    {
        var copied = await templates.CopyAsync(id, ct);
        if (this.Refusal(copied) is { } refusal)
            return refusal;
        TempData["Status"] = "The template has been copied. Change the copy's name and questions here.";
        return Redirect($"/Surveys/Templates/Edit/{copied.Value!.Id}");
    }
}
