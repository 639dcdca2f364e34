using System.ComponentModel.DataAnnotations;
using Liaison.Web.Features.Administration.Settings;
using Liaison.Web.Platform.Auth;
using Liaison.Web.Platform.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Liaison.Web.Features.Administration.Account;

/// <summary>
/// The first-run page: while the database has no user at all, it creates the first administrator.
/// Once anyone exists it is gone (404). The command "create-admin" does the same from a shell.
/// </summary>
[AllowAnonymous]
internal sealed class SetupModel(LiaisonDbContext db, UserManager<User> users, SignInManager<User> signIn, SiteSettings settings, TimeProvider clock) : PageModel
{
    internal sealed class SetupInput
    {
        [Display(Name = "Organisation name")]
        public string OrganisationName { get; set; } = "";

        [Display(Name = "Your full name")]
        public string DisplayName { get; set; } = "";

        [Display(Name = "Your email address")]
        public string Email { get; set; } = "";

        [Display(Name = "Choose a password")]
        public string Password { get; set; } = "";

        [Display(Name = "Type the password again")]
        public string ConfirmPassword { get; set; } = "";
    }

    [BindProperty]
    public SetupInput Input { get; set; } = new();

    public async Task<IActionResult> OnGetAsync()
    {
        if (await db.Users.AnyAsync())
            return NotFound();
        Input.OrganisationName = (await settings.GetAsync()).OrganisationName;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (await db.Users.AnyAsync())
            return NotFound();
        if (string.IsNullOrWhiteSpace(Input.OrganisationName))
            ModelState.AddModelError("Input.OrganisationName", "Enter your organisation's name.");
        if (string.IsNullOrWhiteSpace(Input.DisplayName))
            ModelState.AddModelError("Input.DisplayName", "Enter your full name.");
        if (!System.Net.Mail.MailAddress.TryCreate(Input.Email?.Trim(), out _))
            ModelState.AddModelError("Input.Email", "Enter an email address like name@example.gov.");
        if (Input.Password != Input.ConfirmPassword)
            ModelState.AddModelError("Input.ConfirmPassword", "The two passwords are not the same.");
        foreach (var validator in users.PasswordValidators)
        {
            var check = await validator.ValidateAsync(users, new User(), Input.Password ?? "");
            foreach (var error in check.Errors)
                ModelState.AddModelError("Input.Password", error.Description);
        }
        if (!ModelState.IsValid)
            return Page();

        var email = Input.Email!.Trim().ToLowerInvariant();
        await using var write = await db.BeginWriteAsync(HttpContext.RequestAborted);
        if (await db.Users.AnyAsync())
            return NotFound();
        var user = new User
        {
            UserName = email,
            Email = email,
            EmailConfirmed = true,
            DisplayName = Input.DisplayName.Trim(),
            CreatedAt = clock.GetUtcNow().UtcDateTime,
        };
        var created = await users.CreateAsync(user, Input.Password!);
        if (!created.Succeeded)
        {
            foreach (var error in created.Errors)
                ModelState.AddModelError("", error.Description);
            return Page();
        }
        await users.AddToRoleAsync(user, Roles.Administrator);
        var organisation = await db.OrganisationSettings.FirstAsync(s => s.Id == OrganisationSettings.SingletonId);
        organisation.OrganisationName = Input.OrganisationName.Trim();
        await db.SaveChangesAsync();
        await write.CommitAsync(HttpContext.RequestAborted);

        await signIn.SignInAsync(user, isPersistent: false);
        TempData["Status"] = "Liaison is ready. Start by adding your agencies, or invite your colleagues under Administration › Users.";
        return RedirectToPage("/Index");
    }
}
