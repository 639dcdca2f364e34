using Liaison.Web.Features.Directory.People;
using Liaison.Web.Features.Shared;
using Liaison.Web.Platform.Auth;
using Liaison.Web.Platform.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace Liaison.Web.Features.Relationships.Interactions;

internal sealed class IndexModel(ListInteractions list, PeopleOptions options, AccessRule access, TimeProvider clock) : PageModel
{
    public InteractionListQuery Query { get; private set; } = new();
    public PagedResult<InteractionRow> Results { get; private set; } = null!;
    public List<SelectListItem> AgencyOptions { get; private set; } = [];
    public List<SelectListItem> KindOptions { get; private set; } = [];
    public bool CanRecord => access.CanStartEngagementRecords;

    public async Task OnGetAsync([FromQuery] InteractionListQuery query, CancellationToken ct)
    {
        Query = query;
        Results = await list.HandleAsync(query, ct);
        AgencyOptions = (await options.AgenciesAsync(ct)).Selecting(query.AgencyId);
        KindOptions = InteractionOptions.Kinds.Selecting(query.Kind);
    }

    public Task<IActionResult> OnGetExportAsync([FromQuery] InteractionListQuery query, string? format, CancellationToken ct) =>
        this.ExportAsync(format, f => list.ExportAsync(query, f, access.CanSeeInternalNotes, clock.GetUtcNow().UtcDateTime, ct));
}
