using Liaison.Web.Features.Directory.People;
using Liaison.Web.Platform.Auth;
using Liaison.Web.Platform.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace Liaison.Web.Features.Relationships.People;

/// <summary>A contact's line of the stakeholder matrix: the engagement plan's codes and role flags.</summary>
internal sealed class EngagementModel(EditStakeholderProfile matrix, AccessRule access) : PageModel
{
    [BindProperty]
    public StakeholderInput Input { get; set; } = new();

    public Person Person { get; private set; } = null!;
    public ConflictInfo? Conflict { get; private set; }

    public static List<SelectListItem> Priorities => Enum.GetValues<Priority>().Select(p => new SelectListItem($"{p} — {StakeholderCodes.Describe(p)}", p.ToString())).ToList();
    public static List<SelectListItem> Impacts => Enum.GetValues<Impact>().Select(i => new SelectListItem($"{i} — {StakeholderCodes.Describe(i)}", i.ToString())).ToList();
    public static List<SelectListItem> Frequencies => Enum.GetValues<Frequency>().Select(f => new SelectListItem($"{f} — {StakeholderCodes.Describe(f)}", f.ToString())).ToList();
    public static List<SelectListItem> MethodOptions => StakeholderCodes.AllMethods.Select(m => new SelectListItem($"{m} — {StakeholderCodes.Describe(m)}", m.ToString())).ToList();

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        var profile = await matrix.GetAsync(id, ct);
        if (this.Refusal(profile) is { } refusal)
            return refusal;
        Person = profile.Value!.Person!;
        if (Person.AgencyId is not { } agencyId || !await access.CanEditAgencyRecordsAsync(agencyId, ct))
            return Forbid();
        Input = StakeholderInput.From(profile.Value);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken ct)
    {
        var result = await matrix.SaveAsync(id, Input, ct);
        if (result.IsOk)
        {
            TempData["Status"] = "The stakeholder matrix has been updated.";
            return RedirectToPage("/Directory/People/Details", new { id });
        }
        if (this.Refusal(result) is { } refusal)
            return refusal;
        Conflict = this.ShowProblems(result, Input);
        Person = (await matrix.GetAsync(id, ct)).Value!.Person!;
        return Page();
    }
}
