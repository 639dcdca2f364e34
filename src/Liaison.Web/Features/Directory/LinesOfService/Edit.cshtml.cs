using Liaison.Web.Features.Directory.People;
using Liaison.Web.Platform.Auth;
using Liaison.Web.Platform.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace Liaison.Web.Features.Directory.LinesOfService;

/// <summary>Creates a line of service (no id) or edits one.</summary>
internal sealed class EditModel(ManageLinesOfService lines, PeopleOptions options, AccessRule access) : PageModel
{
    [BindProperty]
    public LineOfServiceInput Input { get; set; } = new();

    public int? Id { get; private set; }
    public string OriginalName { get; private set; } = "";
    public string Heading => Id is null ? "Add a line of service" : $"Edit {OriginalName}";
    public List<SelectListItem> UnitOptions { get; private set; } = [];
    public ConflictInfo? Conflict { get; private set; }

    public async Task<IActionResult> OnGetAsync(int? id, int? unitId, CancellationToken ct)
    {
        if (!access.CanManageReferenceData)
            return Forbid();
        Id = id;
        if (id is { } existing)
        {
            var line = await lines.GetAsync(existing, ct);
            if (!line.IsOk)
                return NotFound();
            Input = LineOfServiceInput.From(line.Value!);
            OriginalName = line.Value!.Name;
        }
        else
            Input.OperationalUnitId = unitId;
        UnitOptions = await options.UnitsAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int? id, CancellationToken ct)
    {
        Id = id;
        var result = id is { } existing ? await lines.UpdateAsync(existing, Input, ct) : await lines.CreateAsync(Input, ct);
        if (result.IsOk)
        {
            TempData["Status"] = id is null ? $"{result.Value!.Name} has been added." : $"Your changes to {result.Value!.Name} have been saved.";
            return RedirectToPage("/Directory/LinesOfService/Details", new { id = result.Value.Id });
        }
        if (this.Refusal(result) is { } refusal)
            return refusal;
        Conflict = this.ShowProblems(result, Input);
        if (id is { } lineId)
            OriginalName = (await lines.GetAsync(lineId, ct)).Value?.Name ?? "";
        UnitOptions = await options.UnitsAsync(ct);
        return Page();
    }
}
