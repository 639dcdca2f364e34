using System.ComponentModel.DataAnnotations;
using Liaison.Web.Platform.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace Liaison.Web.Features.Administration.Account;

/// <summary>Asks for a link to choose a new password; answers the same whether the address has an account or not.</summary>
[AllowAnonymous]
[EnableRateLimiting(RateLimits.AnonymousForms)]
internal sealed class ForgotPasswordModel(SendPasswordResetLink links) : PageModel
{
    internal sealed class ForgotInput
    {
        [Display(Name = "Email address")]
        public string Email { get; set; } = "";
    }

    [BindProperty]
    public ForgotInput Input { get; set; } = new();

    /// <summary>True once asked: the page then says what happens next, for any address.</summary>
    public bool Sent { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var email = Input.Email.Trim();
        if (email.Length == 0 || email.Length > 256 || !new EmailAddressAttribute().IsValid(email))
        {
            ModelState.AddModelError("Input.Email", "Enter the email address you sign in with, like name@agency.gov.");
            return Page();
        }
        await links.SendAsync(email, ct);
        Sent = true;
        return Page();
    }
}
