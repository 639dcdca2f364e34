using Liaison.Web.Features.Directory.People;
using Liaison.Web.Platform.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace Liaison.Web.Features.Portfolio;

/// <summary>Adds an initiative (no id) or edits one's own fields; its status goes through updates.</summary>
internal sealed class EditModel(ManageInitiatives initiatives, PeopleOptions people) : PageModel
{
    [BindProperty]
    public InitiativeInput Input { get; set; } = new();

    public int? Id { get; private set; }
    public string Heading => Id is null ? "Add an initiative" : "Edit initiative";
    public List<SelectListItem> AgencyOptions { get; private set; } = [];
    public List<SelectListItem> StaffOptions { get; private set; } = [];
    public ConflictInfo? Conflict { get; private set; }

    public static List<SelectListItem> Healths => Enum.GetValues<InitiativeHealth>().Select(h => new SelectListItem(InitiativeLabels.Health(h), h.ToString())).ToList();

    public static List<SelectListItem> Phases => Enum.GetValues<InitiativePhase>().Select(p => new SelectListItem(p.ToString(), p.ToString())).ToList();

    public async Task<IActionResult> OnGetAsync(int? id, int? agencyId, CancellationToken ct)
    {
        if (!initiatives.IsInternalUser)
            return Forbid();
        Id = id;
        if (id is { } existing)
        {
            var item = await initiatives.GetAsync(existing, ct);
            if (this.Refusal(item) is { } refusal)
                return refusal;
            if (!await initiatives.CanEditAsync(item.Value!, ct))
                return Forbid();
            Input = InitiativeInput.From(item.Value!);
        }
        else
            Input.AgencyId = agencyId;
        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int? id, CancellationToken ct)
    {
        Id = id;
        var result = id is { } existing ? await initiatives.UpdateAsync(existing, Input, ct) : await initiatives.CreateAsync(Input, ct);
        if (result.IsOk)
        {
            TempData["Status"] = id is null ? $"“{result.Value!.Name}” has been added. Add its first status update so it is not stale." : "Your changes have been saved.";
            return RedirectToPage("/Portfolio/Details", new { id = result.Value!.Id });
        }
        if (this.Refusal(result) is { } refusal)
            return refusal;
        Conflict = this.ShowProblems(result, Input);
        await LoadAsync(ct);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        AgencyOptions = await people.AgenciesAsync(ct);
        StaffOptions = await people.StaffAsync(ct);
    }
}
