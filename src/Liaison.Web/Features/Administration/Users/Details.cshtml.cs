using System.Globalization;
using Liaison.Web.Platform.Auditing;
using Liaison.Web.Platform.Auth;
using Liaison.Web.Platform.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Liaison.Web.Features.Administration.Users;

[Authorize(Policy = Policies.Administrator)]
internal sealed class DetailsModel(ManageUsers users, UserOptions options, RecordHistory history, CurrentUser current) : PageModel
{
    public UserDetails Details { get; private set; } = null!;
    public Dictionary<string, string> RoleNames { get; private set; } = [];
    public IReadOnlyList<HistoryEntry> History { get; private set; } = [];
    public bool IsMe => Details.User.Id == current.Id;

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        var result = await users.GetAsync(id, ct);
        if (!result.IsOk)
            return NotFound();
        Details = result.Value!;
        RoleNames = (await options.RolesAsync(ct)).ToDictionary(r => r.Value, r => r.Text);
        History = await history.ForAsync(nameof(User), id.ToString(CultureInfo.InvariantCulture), ct);
        return Page();
    }

    public Task<IActionResult> OnPostDisableAsync(int id, CancellationToken ct) =>
        AnswerAsync(id, users.SetDisabledAsync(id, true, ct), "The user is disabled; their sessions and tokens stop working within a minute.");

    public Task<IActionResult> OnPostEnableAsync(int id, CancellationToken ct) =>
        AnswerAsync(id, users.SetDisabledAsync(id, false, ct), "The user can sign in again.");

    public Task<IActionResult> OnPostUnlockAsync(int id, CancellationToken ct) =>
        AnswerAsync(id, users.UnlockAsync(id, ct), "The lockout is cleared.");

    public Task<IActionResult> OnPostInviteAsync(int id, CancellationToken ct) =>
        AnswerAsync(id, users.InviteAsync(id, ct), "An invitation to choose a password is on its way.");

    private async Task<IActionResult> AnswerAsync(int id, Task<Result<User>> action, string done)
    {
        var result = await action;
        if (result.Status == ResultStatus.NotFound)
            return NotFound();
        TempData["Status"] = result.IsOk ? done : string.Join(" ", result.Errors.SelectMany(e => e.Value));
        return RedirectToPage(new { id });
    }
}
