using Liaison.Web.Platform.Auth;
using Liaison.Web.Platform.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace Liaison.Web.Features.Directory.People;

/// <summary>What the shared person form needs from the create and edit pages.</summary>
internal interface IPersonForm
{
    PersonInput Input { get; }
    List<SelectListItem> KindOptions { get; }
    List<SelectListItem> AgencyOptions { get; }
    List<SelectListItem> UnitOptions { get; }
}

internal sealed class CreateModel(SavePerson save, PeopleOptions options, AccessRule access) : PageModel, IPersonForm
{
    [BindProperty]
    public PersonInput Input { get; set; } = new();

    public List<SelectListItem> KindOptions { get; } = PeopleOptions.Kinds;
    public List<SelectListItem> AgencyOptions { get; private set; } = [];
    public List<SelectListItem> UnitOptions { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int? agencyId, CancellationToken ct)
    {
        if (!access.CanCreatePeople)
            return Forbid();
        Input.AgencyId = agencyId;
        await LoadAsync(ct);
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
            await LoadAsync(ct);
            return Page();
        }
        TempData["Status"] = $"{result.Value!.FullName} has been added.";
        return RedirectToPage("/Directory/People/Details", new { id = result.Value.Id });
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        AgencyOptions = await options.AgenciesAsync(ct);
        UnitOptions = await options.UnitsAsync(ct);
    }
}
