using Liaison.Web.Features.Directory.Agencies;
using Liaison.Web.Platform.Auth;
using Liaison.Web.Platform.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace Liaison.Web.Features.Relationships.AgencyPage;

/// <summary>
/// Changing an agency's relationship managers: the agency page's form posts here and comes back to the agency page; a
/// refused change is shown here, with the error next to the field.
/// </summary>
internal sealed class ManagersModel(ManageAssignments assignments, GetAgency agencies, AccessRule access) : PageModel
{
    public string AgencyName { get; private set; } = "";
    public List<SelectListItem> ManagerOptions { get; private set; } = [];

    [BindProperty]
    public AssignmentInput Managers { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        var current = await assignments.ForAgencyAsync(id, ct);
        if (this.Refusal(current) is { } refusal)
            return refusal;
        Managers = new AssignmentInput { PrimaryUserId = current.Value!.Primary?.Id, BackupUserId = current.Value.Backup?.Id };
        return await ShowAsync(id, ct);
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken ct)
    {
        var result = await assignments.AssignAsync(id, Managers, ct);
        if (result.IsOk)
        {
            TempData["Status"] = "The relationship managers have been updated.";
            return Redirect($"/Agencies/Details/{id}");
        }
        if (this.Refusal(result) is { } refusal)
            return refusal;
        ModelState.AddErrors(result.Errors, nameof(Managers));
        return await ShowAsync(id, ct);
    }

    private async Task<IActionResult> ShowAsync(int id, CancellationToken ct)
    {
        var agency = await agencies.HandleAsync(id, ct);
        if (!agency.IsOk)
            return NotFound();
        if (!access.CanManageReferenceData)
            return Forbid();
        AgencyName = agency.Value!.Agency.Name;
        ManagerOptions = Shared.Options.Of(await assignments.RelationshipManagersAsync(ct)).ToList();
        return Page();
    }
}
