using Liaison.Web.Features.Directory.People;
using Liaison.Web.Platform.Auth;
using Liaison.Web.Platform.Data;
using Liaison.Web.Platform.Modules;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Liaison.Web.Features;

/// <summary>The home page: where to go next, and the directory at a glance.</summary>
internal sealed class IndexModel(LiaisonDbContext db, AccessRule access, GetMyWork work) : PageModel
{
    public int ActiveAgencies { get; private set; }
    public int AgencyContacts { get; private set; }
    public int ProviderStaff { get; private set; }
    public int LinesOfService { get; private set; }
    public IReadOnlyList<MyWorkSection> Work { get; private set; } = [];
    public bool CanManageReferenceData => access.CanManageReferenceData;

    public async Task<IActionResult> OnGetAsync()
    {
        // An agency's people start on their agency's page: what the provider's home page lists is not theirs to see.
        if (!access.CanSeeProviderRecords && access.User.AgencyId is { } agencyId)
            return RedirectToPage("/Directory/Agencies/Details", new { id = agencyId });
        ActiveAgencies = await db.Agencies.CountAsync(a => a.IsActive);
        // Executives and administrators oversee every agency: their home is the scoreboard (My work stays in the menu), once
        // there is an agency to show; before that, this page's first steps.
        if (access.StartsOnScoreboard && ActiveAgencies > 0)
            return Redirect("/Scoreboard");
        AgencyContacts = await db.People.CountAsync(p => p.IsActive && p.Kind == PersonKind.AgencyContact);
        ProviderStaff = await db.People.CountAsync(p => p.IsActive && p.Kind == PersonKind.ProviderStaff);
        LinesOfService = await db.LinesOfService.CountAsync(l => l.IsActive);
        Work = await work.HandleAsync(null, HttpContext.RequestAborted);
        return Page();
    }
}
