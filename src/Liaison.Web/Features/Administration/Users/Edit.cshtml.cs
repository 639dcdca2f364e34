using Liaison.Web.Platform.Auth;
using Liaison.Web.Platform.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace Liaison.Web.Features.Administration.Users;

/// <summary>Creates or invites a user (no id), or edits one.</summary>
[Authorize(Policy = Policies.Administrator)]
internal sealed class EditModel(ManageUsers users, UserOptions options) : PageModel
{
    [BindProperty]
    public UserInput Input { get; set; } = new();

    public int? Id { get; private set; }
    public string OriginalName { get; private set; } = "";
    public string Heading => Id is null ? "Add or invite a user" : $"Edit {OriginalName}";
    public List<SelectListItem> RoleOptions { get; private set; } = [];
    public List<SelectListItem> AgencyOptions { get; private set; } = [];
    public List<SelectListItem> PersonOptions { get; private set; } = [];
    public ConflictInfo? Conflict { get; private set; }

    public async Task<IActionResult> OnGetAsync(int? id, CancellationToken ct)
    {
        Id = id;
        if (id is { } existing)
        {
            var user = await users.GetAsync(existing, ct);
            if (!user.IsOk)
                return NotFound();
            var d = user.Value!;
            Input = new UserInput
            {
                Email = d.User.Email ?? "",
                DisplayName = d.User.DisplayName,
                Roles = d.Roles.ToList(),
                AgencyId = d.User.AgencyId,
                PersonId = d.User.PersonId,
                Version = d.User.Version,
            };
            OriginalName = d.User.DisplayName;
        }
        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int? id, CancellationToken ct)
    {
        Id = id;
        var result = id is { } existing ? await users.UpdateAsync(existing, Input, ct) : await users.CreateAsync(Input, ct);
        if (result.IsOk)
        {
            TempData["Status"] = id is not null ? $"Your changes to {result.Value!.DisplayName} have been saved."
                : string.IsNullOrWhiteSpace(Input.Password) ? $"{result.Value!.DisplayName} has been invited by email to choose a password."
                : $"{result.Value!.DisplayName} can now sign in with the password you chose.";
            return RedirectToPage("/Administration/Users/Details", new { id = result.Value.Id });
        }
        if (this.Refusal(result) is { } refusal)
            return refusal;
        Conflict = this.ShowProblems(result, Input);
        if (id is { } userId)
            OriginalName = (await users.GetAsync(userId, ct)).Value?.User.DisplayName ?? "";
        await LoadAsync(ct);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        RoleOptions = await options.RolesAsync(ct);
        AgencyOptions = await options.AgenciesAsync(ct);
        PersonOptions = await options.PeopleAsync(ct);
    }
}
