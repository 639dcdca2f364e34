using System.ComponentModel.DataAnnotations;
using System.Text;
using Liaison.Web.Platform.Auth;
using Liaison.Web.Platform.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.WebUtilities;

namespace Liaison.Web.Features.Administration.Account;

/// <summary>
/// Where an invitation email leads (the user chooses their password), and a "forgotten password" email
/// (<c>reset=true</c>: the shorter-lived token of <see cref="ForgottenPasswordTokenProvider"/>). Either link works once:
/// setting the password changes the security stamp both tokens are bound to, and ends the account's other sessions.
/// </summary>
[AllowAnonymous]
internal sealed class SetPasswordModel(UserManager<User> users) : PageModel
{
    internal sealed class PasswordInput
    {
        [Display(Name = "Choose a password")]
        public string Password { get; set; } = "";

        [Display(Name = "Type the password again")]
        public string ConfirmPassword { get; set; } = "";
    }

    [BindProperty(SupportsGet = true, Name = "user")]
    public int UserId { get; set; }

    [BindProperty(SupportsGet = true)]
    public string Token { get; set; } = "";

    /// <summary>A "forgotten password" link rather than an invitation.</summary>
    [BindProperty(SupportsGet = true)]
    public bool Reset { get; set; }

    [BindProperty]
    public PasswordInput Input { get; set; } = new();

    /// <summary>Shown only once the link's token is known to be good: a guessed link learns nothing, not even the address.</summary>
    public string? Email { get; private set; }

    /// <summary>False when the link is not (or no longer) good; the page then says so and shows no form.</summary>
    public bool LinkIsValid { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        await CheckLinkAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var user = await CheckLinkAsync();
        if (user is null)
            return Page();
        if (Input.Password != Input.ConfirmPassword)
        {
            ModelState.AddModelError("Input.ConfirmPassword", "The two passwords are not the same.");
            return Page();
        }
        // A forgotten-password token was checked above; Identity's reset (password rules, new security stamp) takes its own.
        var token = Reset ? await users.GeneratePasswordResetTokenAsync(user) : DecodedToken();
        var result = await users.ResetPasswordAsync(user, token, Input.Password);
        if (!result.Succeeded)
        {
            foreach (var error in result.Errors)
            {
                var field = error.Code == "InvalidToken" ? "" : "Input.Password";
                ModelState.AddModelError(field, error.Code == "InvalidToken"
                    ? Reset ? "This link has expired or has been used. Ask for a new one." : "This link has expired or has been used. Ask an administrator to send a new invitation."
                    : error.Description);
            }
            return Page();
        }
        await users.ResetAccessFailedCountAsync(user);
        // Proving the mailbox is the account's ends a lock-out from failed attempts.
        await users.SetLockoutEndDateAsync(user, null);
        TempData["Status"] = "Your password is set. Sign in with your email address and your new password.";
        return RedirectToPage("/Administration/Account/Login");
    }

    /// <summary>The link's user, when its token is one Identity issued for them and still good; null otherwise, whatever the reason.</summary>
    private async Task<User?> CheckLinkAsync()
    {
        var user = UserId > 0 && Token.Length is > 0 and <= 2000
            ? await users.FindByIdAsync(UserId.ToString(System.Globalization.CultureInfo.InvariantCulture))
            : null;
        LinkIsValid = user is not null && !user.IsDisabled
            && await users.VerifyUserTokenAsync(user,
                Reset ? ForgottenPasswordTokenProvider.ProviderName : users.Options.Tokens.PasswordResetTokenProvider,
                Reset ? ForgottenPasswordTokenProvider.Purpose : UserManager<User>.ResetPasswordTokenPurpose, DecodedToken());
        if (!LinkIsValid)
            return null;
        Email = user!.Email;
        return user;
    }

    /// <summary>The link an email carries to this page: an invitation's, or (<paramref name="reset"/>) a forgotten password's.</summary>
    internal static string Link(PublicUrls urls, int userId, string token, bool reset = false) =>
        urls.Link($"Account/SetPassword?user={userId}{(reset ? "&reset=true" : "")}&token={WebEncoders.Base64UrlEncode(Encoding.UTF8.GetBytes(token))}");

    private string DecodedToken()
    {
        try
        {
            return Encoding.UTF8.GetString(WebEncoders.Base64UrlDecode(Token));
        }
        catch (FormatException)
        {
            return "";
        }
    }
}
