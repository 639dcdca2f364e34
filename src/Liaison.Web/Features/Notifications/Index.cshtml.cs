using Liaison.Web.Platform.Time;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Liaison.Web.Features.Notifications;

internal sealed class IndexModel(ManageNotifications notifications, OrganisationClock clock) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public bool Unread { get; set; }

    [BindProperty(SupportsGet = true, Name = "page")]
    public int PageNumber { get; set; } = 1;

    [BindProperty]
    public bool DailyDigest { get; set; }

    public NotificationList List { get; private set; } = null!;

    public string When(DateTime utc) => clock.Format(utc);

    public async Task OnGetAsync(CancellationToken ct)
    {
        List = await notifications.ListAsync(new NotificationListQuery(Unread, PageNumber), ct);
        DailyDigest = (await notifications.SettingsAsync(ct)).DailyDigest;
    }

    /// <summary>Opens a notification: marks it read and goes to what it is about.</summary>
    public async Task<IActionResult> OnGetOpenAsync(long id, CancellationToken ct)
    {
        var opened = await notifications.ReadAsync(id, ct);
        if (!opened.IsOk)
            return NotFound();
        return LocalRedirect(opened.Value!.Link ?? "/Notifications");
    }

    public async Task<IActionResult> OnPostReadAllAsync(CancellationToken ct)
    {
        var marked = await notifications.ReadAllAsync(ct);
        TempData["Status"] = marked == 0 ? "Nothing was unread." : marked == 1 ? "1 notification marked read." : $"{marked} notifications marked read.";
        return RedirectToPage(new { unread = Unread ? true : (bool?)null });
    }

    public async Task<IActionResult> OnPostSettingsAsync(CancellationToken ct)
    {
        var saved = await notifications.ChangeSettingsAsync(new NotificationSettings(DailyDigest), ct);
        TempData["Status"] = saved.DailyDigest
            ? "Your notifications will also come in your morning email."
            : "Your notifications will no longer come by email; reminders of what is due to you still will.";
        return RedirectToPage();
    }
}
