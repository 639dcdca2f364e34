using Liaison.Web.Platform.Auth;
using Liaison.Web.Platform.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Liaison.Web.Features.Directory.Units;

/// <summary>Creates a unit (no id) or edits one.</summary>
internal sealed class EditModel(ManageUnits units, AccessRule access) : PageModel
{
    [BindProperty]
    public UnitInput Input { get; set; } = new();

    public int? Id { get; private set; }
    public string Heading => Id is null ? "Add an operational unit" : $"Edit {OriginalName}";
    public string OriginalName { get; private set; } = "";
    public ConflictInfo? Conflict { get; private set; }

    public async Task<IActionResult> OnGetAsync(int? id, CancellationToken ct)
    {
        if (!access.CanManageReferenceData)
            return Forbid();
        Id = id;
        if (id is { } existing)
        {
            var unit = await units.GetAsync(existing, ct);
            if (!unit.IsOk)
                return NotFound();
            Input = UnitInput.From(unit.Value!);
            OriginalName = unit.Value!.Name;
        }
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int? id, CancellationToken ct)
    {
        Id = id;
        var result = id is { } existing ? await units.UpdateAsync(existing, Input, ct) : await units.CreateAsync(Input, ct);
        if (result.IsOk)
        {
            TempData["Status"] = id is null ? $"{result.Value!.Name} has been added." : $"Your changes to {result.Value!.Name} have been saved.";
            return RedirectToPage("/Directory/Units/Details", new { id = result.Value.Id });
        }
        if (this.Refusal(result) is { } refusal)
            return refusal;
        Conflict = this.ShowProblems(result, Input);
        if (id is { } unitId)
            OriginalName = (await units.GetAsync(unitId, ct)).Value?.Name ?? "";
        return Page();
    }
}
