using Liaison.Web.Platform.Auth;
using Liaison.Web.Platform.Calendars;
using Liaison.Web.Platform.Web;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;

namespace Liaison.Web.Features.Administration.Account;

/// <summary>Who you are, and your personal access tokens for the API.</summary>
internal sealed class ProfileModel(Tokens tokens, UserManager<User> users, CurrentUser current, CalendarFeeds feeds, PublicUrls urls) : PageModel
{
    public User Me { get; private set; } = null!;
    public IList<string> MyRoles { get; private set; } = [];
    public string? AgencyName { get; private set; }
    public IReadOnlyList<PersonalTokenRow> PersonalTokens { get; private set; } = [];

    /// <summary>A token just created: shown once, never again.</summary>
    public IssuedToken? NewToken { get; private set; }
    public string? NewTokenName { get; private set; }

    [BindProperty]
    public PersonalTokenInput Input { get; set; } = new();

    public bool HasCalendarFeed { get; private set; }

    /// <summary>A calendar feed URL just created: shown once, never again.</summary>
    public string? NewCalendarUrl { get; private set; }

    public static IEnumerable<SelectListItem> ExpiryOptions =>
    [
        new("7 days", "7"), new("30 days", "30"), new("90 days", "90"), new("1 year", "365"), new("Never", "0"),
    ];

    public async Task OnGetAsync() => await LoadAsync();

    public async Task<IActionResult> OnPostCreateTokenAsync()
    {
        var created = await tokens.CreatePersonalAsync(Input, HttpContext.RequestAborted);
        if (created.IsOk)
        {
            NewToken = created.Value;
            NewTokenName = Input.Name.Trim();
            Input = new PersonalTokenInput();
            ModelState.Clear();
        }
        else
            ModelState.AddErrors(created.Errors);
        await LoadAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostRevokeAsync(int id)
    {
        var revoked = await tokens.RevokeAsync(id, HttpContext.RequestAborted);
        if (!revoked.IsOk)
            return NotFound();
        TempData["Status"] = "The token is revoked; anything using it can no longer reach Liaison.";
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostCalendarFeedAsync()
    {
        var secret = await feeds.CreateAsync(HttpContext.RequestAborted);
        NewCalendarUrl = urls.Link($"calendar/{secret}.ics");
        await LoadAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostRevokeCalendarFeedAsync()
    {
        await feeds.RevokeAsync(HttpContext.RequestAborted);
        TempData["Status"] = "Your calendar feed URL no longer works. Calendars subscribed to it will stop updating.";
        return RedirectToPage();
    }

    private async Task LoadAsync()
    {
        HasCalendarFeed = await feeds.ExistsAsync(HttpContext.RequestAborted);
        Me = await users.Users.AsNoTracking().Include(u => u.Agency).FirstAsync(u => u.Id == current.Id);
        MyRoles = await users.GetRolesAsync(Me);
        AgencyName = Me.Agency?.Name;
        PersonalTokens = await tokens.ListPersonalAsync(HttpContext.RequestAborted);
    }
}
