using Liaison.Web.Features.Directory.LinesOfService;
using Liaison.Web.Platform.Auth;
using Liaison.Web.Platform.Data;
using Liaison.Web.Platform.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;

namespace Liaison.Web.Features.Directory.Agencies;

/// <summary>What the shared agency form needs from the create and edit pages.</summary>
internal interface IAgencyForm
{
    AgencyInput Input { get; }
    List<SelectListItem> LineOptions { get; }
}

internal sealed class EditModel(SaveAgency save, ManageLinesOfService lines, LiaisonDbContext db, AccessRule access) : PageModel, IAgencyForm
{
    [BindProperty]
    public AgencyInput Input { get; set; } = new();

    public List<SelectListItem> LineOptions { get; private set; } = [];
    public string AgencyName { get; private set; } = "";
    public ConflictInfo? Conflict { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        var agency = await access.FindAsync(db.Agencies.AsNoTracking().Include(a => a.LinesOfService), id, ct);
        if (agency is null)
            return NotFound();
        if (!await access.CanEditAgencyRecordsAsync(id, ct))
            return Forbid();
        Input = AgencyInput.From(agency);
        AgencyName = agency.Name;
        LineOptions = await CreateModel.LineOptionsAsync(lines, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken ct)
    {
        var result = await save.UpdateAsync(id, Input, ct);
        if (result.IsOk)
        {
            TempData["Status"] = $"Your changes to {result.Value!.Name} have been saved.";
            return RedirectToPage("/Directory/Agencies/Details", new { id });
        }
        if (this.Refusal(result) is { } refusal)
            return refusal;
        Conflict = this.ShowProblems(result, Input);
        AgencyName = await db.Agencies.Where(a => a.Id == id).Select(a => a.Name).FirstAsync(ct);
        LineOptions = await CreateModel.LineOptionsAsync(lines, ct);
        return Page();
    }
}
