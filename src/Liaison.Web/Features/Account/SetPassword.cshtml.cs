using System.ComponentModel.DataAnnotations;
using System.Text;
using Liaison.Web.Platform.Auth;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.WebUtilities;

namespace Liaison.Web.Features.Account;

/// <summary>Where an invitation email leads: the user chooses their password.</summary>
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

    [BindProperty]
    public PasswordInput Input { get; set; } = new();

    public string? Email { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        var user = await users.FindByIdAsync(UserId.ToString(System.Globalization.CultureInfo.InvariantCulture));
        if (user is null || Token.Length == 0)
            return NotFound();
        Email = user.Email;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var user = await users.FindByIdAsync(UserId.ToString(System.Globalization.CultureInfo.InvariantCulture));
        if (user is null)
            return NotFound();
        Email = user.Email;
        if (Input.Password != Input.ConfirmPassword)
        {
            ModelState.AddModelError("Input.ConfirmPassword", "The two passwords are not the same.");
            return Page();
        }
        string token;
        try
        {
            token = Encoding.UTF8.GetString(WebEncoders.Base64UrlDecode(Token));
        }
        catch (FormatException)
        {
            token = "";
        }
        var result = await users.ResetPasswordAsync(user, token, Input.Password);
        if (!result.Succeeded)
        {
            foreach (var error in result.Errors)
            {
                var field = error.Code == "InvalidToken" ? "" : "Input.Password";
                ModelState.AddModelError(field, error.Code == "InvalidToken"
                    ? "This link has expired or has been used. Ask an administrator to send a new invitation."
                    : error.Description);
            }
            return Page();
        }
        await users.ResetAccessFailedCountAsync(user);
        TempData["Status"] = "Your password is set. Sign in with your email address and your new password.";
        return RedirectToPage("/Account/Login");
    }
}
