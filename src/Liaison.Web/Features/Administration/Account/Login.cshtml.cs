using System.ComponentModel.DataAnnotations;
using Liaison.Web.Platform.Auth;
using Liaison.Web.Platform.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Liaison.Web.Features.Administration.Account;

[AllowAnonymous]
internal sealed class LoginModel(SignInManager<User> signIn, PasswordCheck passwords, LiaisonDbContext db, TimeProvider clock) : PageModel
{
    internal sealed class LoginInput
    {
        [Display(Name = "Email address")]
        public string Email { get; set; } = "";

        [Display(Name = "Password")]
        public string Password { get; set; } = "";

        [Display(Name = "Keep me signed in on this device")]
        public bool RememberMe { get; set; }
    }

    [BindProperty]
    public LoginInput Input { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public async Task<IActionResult> OnGetAsync()
    {
        if (!await db.Users.AnyAsync())
            return RedirectToPage("/Administration/Account/Setup");
        if (User.Identity?.IsAuthenticated == true)
            return LocalRedirect(SafeReturnUrl);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (string.IsNullOrWhiteSpace(Input.Email))
            ModelState.AddModelError("Input.Email", "Enter your email address.");
        if (string.IsNullOrEmpty(Input.Password))
            ModelState.AddModelError("Input.Password", "Enter your password.");
        if (!ModelState.IsValid)
            return Page();

        var email = Input.Email.Trim();
        var user = await passwords.FindCandidateAsync(email, Input.Password);
        var result = user is null ? Microsoft.AspNetCore.Identity.SignInResult.Failed : await signIn.PasswordSignInAsync(user, Input.Password, Input.RememberMe, lockoutOnFailure: true);
        if (result.Succeeded)
        {
            await RecordSignInAsync(db, email, clock);
            return LocalRedirect(SafeReturnUrl);
        }
        if (result.RequiresTwoFactor)
            return RedirectToPage("/Administration/Account/LoginWith2fa", new { ReturnUrl, Input.RememberMe });
        // The same words whatever went wrong (no such address, a wrong password, locked, disabled): see PasswordCheck.
        ModelState.AddModelError("Input.Password", PasswordCheck.Refused);
        return Page();
    }

    internal string SafeReturnUrl => ReturnUrl is { Length: > 0 } url && Url.IsLocalUrl(url) ? url : "/";

    internal static Task RecordSignInAsync(LiaisonDbContext db, string email, TimeProvider clock)
    {
        var normalized = email.Trim().ToUpperInvariant();
        var now = clock.GetUtcNow().UtcDateTime;
        return db.Users.Where(u => u.NormalizedEmail == normalized).ExecuteUpdateAsync(s => s.SetProperty(u => u.LastSignInAt, now));
    }
}
