using Liaison.Web.Platform.Auth;
using Liaison.Web.Platform.Data;
using Liaison.Web.Platform.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;

namespace Liaison.Web.Features.Directory.People;

internal sealed class EditModel(SavePerson save, PeopleOptions options, LiaisonDbContext db, AccessRule access) : PageModel, IPersonForm
{
    [BindProperty]
    public PersonInput Input { get; set; } = new();

    public List<SelectListItem> KindOptions { get; } = PeopleOptions.Kinds;
    public List<SelectListItem> AgencyOptions { get; private set; } = [];
    public List<SelectListItem> UnitOptions { get; private set; } = [];
    public string PersonName { get; private set; } = "";
    public ConflictInfo? Conflict { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        var person = await access.FindAsync(db.People.AsNoTracking(), id, ct);
        if (person is null)
            return NotFound();
        if (!await access.CanEditPersonAsync(person, ct))
            return Forbid();
        Input = PersonInput.From(person);
        PersonName = person.FullName;
        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken ct)
    {
        var result = await save.UpdateAsync(id, Input, ct);
        if (result.IsOk)
        {
            TempData["Status"] = $"Your changes to {result.Value!.FullName} have been saved.";
            return RedirectToPage("/Directory/People/Details", new { id });
        }
        if (this.Refusal(result) is { } refusal)
            return refusal;
        Conflict = this.ShowProblems(result, Input);
        PersonName = await db.People.Where(p => p.Id == id).Select(p => p.FirstName + " " + p.LastName).FirstAsync(ct);
        await LoadAsync(ct);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        AgencyOptions = await options.AgenciesAsync(ct);
        UnitOptions = await options.UnitsAsync(ct);
    }
}
