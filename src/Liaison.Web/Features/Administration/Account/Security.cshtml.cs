using System.ComponentModel.DataAnnotations;
using System.Text.Encodings.Web;
using Liaison.Web.Features.Administration.Settings;
using Liaison.Web.Platform.Auth;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using QRCoder;

namespace Liaison.Web.Features.Administration.Account;

/// <summary>Change your password; turn two-factor authentication (TOTP) on or off; recovery codes.</summary>
internal sealed class SecurityModel(UserManager<User> users, SignInManager<User> signIn, SiteSettings settings) : PageModel
{
    internal sealed class PasswordInput
    {
        [Display(Name = "Current password")]
        public string CurrentPassword { get; set; } = "";

        [Display(Name = "New password")]
        public string NewPassword { get; set; } = "";

        [Display(Name = "Type the new password again")]
        public string ConfirmPassword { get; set; } = "";
    }

    internal sealed class TwoFactorInput
    {
        [Display(Name = "Code from your authenticator app")]
        public string Code { get; set; } = "";
    }

    [BindProperty]
    public PasswordInput Password { get; set; } = new();

    [BindProperty]
    public TwoFactorInput TwoFactor { get; set; } = new();

    public bool TwoFactorEnabled { get; private set; }
    public int RecoveryCodesLeft { get; private set; }

    /// <summary>While setting up: the shared key, formatted for typing, and its QR code.</summary>
    public string? SharedKey { get; private set; }
    public string? QrCodeDataUri { get; private set; }
    public string? AuthenticatorUri { get; private set; }

    /// <summary>Recovery codes just generated: shown once.</summary>
    public IReadOnlyList<string>? RecoveryCodes { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        await LoadAsync(await CurrentAsync());
        return Page();
    }

    public async Task<IActionResult> OnPostChangePasswordAsync()
    {
        var user = await CurrentAsync();
        if (string.IsNullOrEmpty(Password.CurrentPassword))
            ModelState.AddModelError("Password.CurrentPassword", "Enter your current password.");
        if (Password.NewPassword != Password.ConfirmPassword)
            ModelState.AddModelError("Password.ConfirmPassword", "The two new passwords are not the same.");
        if (ModelState.IsValid)
        {
            var result = await users.ChangePasswordAsync(user, Password.CurrentPassword, Password.NewPassword);
            if (result.Succeeded)
            {
                await signIn.RefreshSignInAsync(user);
                TempData["Status"] = "Your password has been changed.";
                return RedirectToPage();
            }
            foreach (var error in result.Errors)
                ModelState.AddModelError(error.Code == "PasswordMismatch" ? "Password.CurrentPassword" : "Password.NewPassword",
                    error.Code == "PasswordMismatch" ? "Your current password is not right." : error.Description);
        }
        await LoadAsync(user);
        return Page();
    }

    public async Task<IActionResult> OnPostStartTwoFactorAsync()
    {
        var user = await CurrentAsync();
        // A new key changes the security stamp: refresh this session's cookie so the re-check does not sign the user out.
        await users.ResetAuthenticatorKeyAsync(user);
        await signIn.RefreshSignInAsync(user);
        await LoadAsync(user, setup: true);
        return Page();
    }

    public async Task<IActionResult> OnPostEnableTwoFactorAsync()
    {
        var user = await CurrentAsync();
        var code = TwoFactor.Code.Replace(" ", "", StringComparison.Ordinal).Replace("-", "", StringComparison.Ordinal);
        if (code.Length == 0 || !await users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, code))
        {
            ModelState.AddModelError("TwoFactor.Code", "The code is not right. Enter the 6-digit code the app shows now.");
            await LoadAsync(user, setup: true);
            return Page();
        }
        await users.SetTwoFactorEnabledAsync(user, true);
        RecoveryCodes = (await users.GenerateNewTwoFactorRecoveryCodesAsync(user, 10))?.ToList();
        await signIn.RefreshSignInAsync(user);
        await LoadAsync(user);
        return Page();
    }

    public async Task<IActionResult> OnPostDisableTwoFactorAsync()
    {
        var user = await CurrentAsync();
        await users.SetTwoFactorEnabledAsync(user, false);
        await users.ResetAuthenticatorKeyAsync(user);
        await signIn.RefreshSignInAsync(user);
        TempData["Status"] = "Two-factor authentication is off. Your password alone now signs you in.";
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostRecoveryCodesAsync()
    {
        var user = await CurrentAsync();
        if (!user.TwoFactorEnabled)
            return RedirectToPage();
        RecoveryCodes = (await users.GenerateNewTwoFactorRecoveryCodesAsync(user, 10))?.ToList();
        await LoadAsync(user);
        return Page();
    }

    private async Task<User> CurrentAsync() => await users.GetUserAsync(User) ?? throw new InvalidOperationException("The signed-in user no longer exists.");

    private async Task LoadAsync(User user, bool setup = false)
    {
        TwoFactorEnabled = await users.GetTwoFactorEnabledAsync(user);
        RecoveryCodesLeft = TwoFactorEnabled ? await users.CountRecoveryCodesAsync(user) : 0;
        if (!setup)
            return;
        var key = await users.GetAuthenticatorKeyAsync(user) ?? "";
        SharedKey = string.Join(' ', key.ToLowerInvariant().Chunk(4).Select(c => new string(c)));
        var issuer = (await settings.GetAsync()).OrganisationName + " Liaison";
        AuthenticatorUri = $"otpauth://totp/{UrlEncoder.Default.Encode(issuer)}:{UrlEncoder.Default.Encode(user.Email!)}?secret={key}&issuer={UrlEncoder.Default.Encode(issuer)}&digits=6";
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(AuthenticatorUri, QRCodeGenerator.ECCLevel.Q);
        QrCodeDataUri = "data:image/png;base64," + Convert.ToBase64String(new PngByteQRCode(data).GetGraphic(5));
    }
}
