using Liaison.Web.Platform.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Liaison.Web.Features.Surveys.Waves;

/// <summary>A wave: its dates and status, its recipients (invited, reminded, bounced, answered), and what may be done with it.</summary>
internal sealed class DetailsModel(ManageWaves waves) : PageModel
{
    public WaveView View { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        var found = await waves.GetAsync(id, ct);
        if (this.Refusal(found) is { } refusal)
            return refusal;
        View = found.Value!;
        return Page();
    }

    public Task<IActionResult> OnPostSendAsync(int id, CancellationToken ct) =>
        DoAsync(id, waves.SendAsync(id, ct), n => n > 0 ? $"{n} invitations are on their way." : "The wave will be sent on its opening day.");

    public Task<IActionResult> OnPostRemindAsync(int id, CancellationToken ct) =>
        DoAsync(id, waves.RemindNowAsync(id, ct), n => n == 0 ? "Nobody is due a reminder: everyone has answered, bounced or had the most reminders allowed." : $"{n} reminders are on their way.");

    public Task<IActionResult> OnPostCloseAsync(int id, CancellationToken ct) => DoAsync(id, waves.CloseAsync(id, ct), _ => "The wave is closed.");

    public Task<IActionResult> OnPostPublishAsync(int id, bool toStaff, bool toAgencies, CancellationToken ct) =>
        DoAsync(id, waves.PublishAsync(id, toStaff, toAgencies, ct), _ => "Who sees the results has been saved.");

    public Task<IActionResult> OnPostAddAsync(int id, int? personId, CancellationToken ct) =>
        DoAsync(id, waves.AddRecipientAsync(id, personId, ct), r => r.InvitedAt is null ? "The recipient has been added." : "The recipient has been added and invited.");

    public Task<IActionResult> OnPostRemoveAsync(int id, int recipientId, CancellationToken ct) =>
        DoAsync(id, waves.RemoveRecipientAsync(id, recipientId, ct), _ => "The recipient has been removed.");

    public Task<IActionResult> OnPostBouncedAsync(int id, int recipientId, CancellationToken ct) =>
        DoAsync(id, waves.MarkBouncedAsync(id, recipientId, null, ct), _ => "The invitation is marked as bounced; add another contact of the agency if you can.");

    private async Task<IActionResult> DoAsync<T>(int id, Task<Result<T>> action, Func<T, string> done)
    {
        var result = await action;
        if (result.IsOk)
            TempData["Status"] = done(result.Value!);
        else if (result.Status == ResultStatus.Invalid)
            TempData["Error"] = string.Join(" ", result.Errors.SelectMany(e => e.Value));
        else if (this.Refusal(result) is { } refusal)
            return refusal;
        return Redirect($"/Surveys/Waves/{id}");
    }
}
