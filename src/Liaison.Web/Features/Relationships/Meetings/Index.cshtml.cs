using Liaison.Web.Features.Directory.People;
using Liaison.Web.Features.Shared;
using Liaison.Web.Platform.Auth;
using Liaison.Web.Platform.Time;
using Liaison.Web.Platform.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace Liaison.Web.Features.Relationships.Meetings;

internal sealed class IndexModel(ListMeetings meetings, PeopleOptions options, AccessRule access, OrganisationClock time) : PageModel
{
    public MeetingListQuery Query { get; private set; } = new();
    public PagedResult<MeetingRow> Results { get; private set; } = null!;
    public List<SelectListItem> AgencyOptions { get; private set; } = [];
    public List<SelectListItem> KindOptions { get; private set; } = [];
    public List<SelectListItem> WhenOptions { get; private set; } = [];
    public bool CanPlan => access.CanStartEngagementRecords;
    public OrganisationClock Time => time;

    public async Task OnGetAsync([FromQuery] MeetingListQuery query, CancellationToken ct)
    {
        Query = query;
        Results = await meetings.ListAsync(query, ct);
        AgencyOptions = (await options.AgenciesAsync(ct)).Selecting(query.AgencyId);
        KindOptions = Enum.GetValues<MeetingKind>().Select(k => new SelectListItem(MeetingKinds.Label(k), k.ToString())).Selecting(query.Kind);
        WhenOptions = new List<SelectListItem> { new("Upcoming", "upcoming"), new("Past", "past"), new("All", "all") }.Selecting(query.When ?? "upcoming");
    }

    public Task<IActionResult> OnGetExportAsync([FromQuery] MeetingListQuery query, string? format, CancellationToken ct) =>
        this.ExportAsync(format, f => meetings.ExportAsync(query, f, ct));
}
