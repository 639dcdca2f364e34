using System.Text.Encodings.Web;
using Liaison.Web.Features.Administration.Settings;
using Liaison.Web.Platform.Auth;
using Liaison.Web.Platform.Data;
using Liaison.Web.Platform.Email;
using Liaison.Web.Platform.Web;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Liaison.Web.Features.Administration.Account;

/// <summary>
/// "Forgotten your password?": emails the account behind an address a link to choose a new password. The person asking
/// learns nothing about whether the address has an account (the answer, and the work done, are the same either way);
/// a disabled account gets no mail; one account gets at most one such mail every few minutes, however often it is asked.
/// </summary>
internal sealed class SendPasswordResetLink(LiaisonDbContext db, UserManager<User> users, Outbox outbox, PublicUrls urls, SiteSettings settings,
    TimeProvider clock)
{
    public const string Subject = "Reset your Liaison password";
    public static readonly TimeSpan Interval = TimeSpan.FromMinutes(5);

    public async Task SendAsync(string? email, CancellationToken ct)
    {
        var address = (email ?? "").Trim();
        if (address.Length is 0 or > 256)
            return;
        var user = await users.FindByEmailAsync(address);
        var since = clock.GetUtcNow().UtcDateTime - Interval;
        // Asked for an unknown address too, so that the two answers take the same path through the database.
        var recentlySent = await db.OutboxMessages.AnyAsync(m => m.To == (user == null ? address : user.Email) && m.Subject == Subject && m.CreatedAt > since, ct);
        if (user is null || user.IsDisabled || recentlySent)
            return;
        var token = await users.GenerateUserTokenAsync(user, ForgottenPasswordTokenProvider.ProviderName, ForgottenPasswordTokenProvider.Purpose);
        var link = SetPasswordModel.Link(urls, user.Id, token, reset: true);
        var organisation = (await settings.GetAsync(ct)).OrganisationName;
        var hours = (int)ForgottenPasswordTokenOptions.Lifespan.TotalHours;
        outbox.Enqueue(user.Email!, Subject,
            $"Hello {user.DisplayName},\n\nSomeone (we hope you) asked to reset the password of your Liaison account at {organisation}.\n\n" +
            $"Choose a new password here (the link works once and expires in {hours} hours):\n{link}\n\n" +
            "If you did not ask, ignore this email: your password has not changed.\n",
            $"<p>Hello {HtmlEncoder.Default.Encode(user.DisplayName)},</p><p>Someone (we hope you) asked to reset the password of your Liaison account at {HtmlEncoder.Default.Encode(organisation)}.</p>" +
            $"<p><a href=\"{HtmlEncoder.Default.Encode(link)}\">Choose a new password</a> (the link works once and expires in {hours} hours).</p>" +
            "<p>If you did not ask, ignore this email: your password has not changed.</p>");
        await db.SaveChangesAsync(ct);
    }
}
