using System.ComponentModel.DataAnnotations;
using Liaison.Web.Platform.Auth;
using Liaison.Web.Platform.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Liaison.Web.Features.Administration.Account;

[AllowAnonymous]
internal sealed class LoginWith2faModel(SignInManager<User> signIn, LiaisonDbContext db, TimeProvider clock) : PageModel
{
    internal sealed class CodeInput
    {
        [Display(Name = "Code from your authenticator app")]
        public string Code { get; set; } = "";

        [Display(Name = "Don't ask for a code on this device again")]
        public bool RememberMachine { get; set; }

        [Display(Name = "Recovery code")]
        public string? RecoveryCode { get; set; }
    }

    [BindProperty]
    public CodeInput Input { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    [BindProperty(SupportsGet = true)]
    public bool RememberMe { get; set; }

    public async Task<IActionResult> OnGetAsync() =>
        await signIn.GetTwoFactorAuthenticationUserAsync() is null ? RedirectToPage("/Administration/Account/Login") : Page();

    public async Task<IActionResult> OnPostAsync()
    {
        var user = await signIn.GetTwoFactorAuthenticationUserAsync();
        if (user is null)
            return RedirectToPage("/Administration/Account/Login");
        var code = Input.Code.Replace(" ", "", StringComparison.Ordinal).Replace("-", "", StringComparison.Ordinal);
        if (code.Length == 0)
        {
            ModelState.AddModelError("Input.Code", "Enter the 6-digit code your authenticator app shows.");
            return Page();
        }
        var result = await signIn.TwoFactorAuthenticatorSignInAsync(code, RememberMe, Input.RememberMachine);
        return await AnswerAsync(result, user.Email!, "Input.Code", "The code is not right. Codes change every 30 seconds; enter the current one.");
    }

    public async Task<IActionResult> OnPostRecoveryAsync()
    {
        var user = await signIn.GetTwoFactorAuthenticationUserAsync();
        if (user is null)
            return RedirectToPage("/Administration/Account/Login");
        var code = (Input.RecoveryCode ?? "").Replace(" ", "", StringComparison.Ordinal);
        if (code.Length == 0)
        {
            ModelState.AddModelError("Input.RecoveryCode", "Enter one of your recovery codes.");
            return Page();
        }
        var result = await signIn.TwoFactorRecoveryCodeSignInAsync(code);
        return await AnswerAsync(result, user.Email!, "Input.RecoveryCode", "That recovery code is not right, or has been used.");
    }

    private async Task<IActionResult> AnswerAsync(Microsoft.AspNetCore.Identity.SignInResult result, string email, string field, string wrong)
    {
        if (result.Succeeded)
        {
            await LoginModel.RecordSignInAsync(db, email, clock);
            return LocalRedirect(ReturnUrl is { Length: > 0 } url && Url.IsLocalUrl(url) ? url : "/");
        }
        if (result.IsLockedOut)
            ModelState.AddModelError("", "This account is locked after too many failed attempts. Try again in 15 minutes.");
        else
            ModelState.AddModelError(field, wrong);
        return Page();
    }
}
