using Liaison.Web.Features.Directory.People;
using Liaison.Web.Features.Shared;
using Liaison.Web.Platform.Time;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace Liaison.Web.Features.Renewals;

/// <summary>The renewal calendar: a month of last safe dates and term ends, by agency or responsible manager.</summary>
internal sealed class CalendarModel(RenewalCalendar calendar, PeopleOptions options, OrganisationClock clock) : PageModel
{
    public DateOnly Today => clock.Today;
    public RenewalCalendarQuery Query { get; private set; } = new();
    public RenewalMonth Month { get; private set; } = null!;
    public List<SelectListItem> AgencyOptions { get; private set; } = [];
    public List<SelectListItem> ManagerOptions { get; private set; } = [];
    public string? Problem { get; private set; }

    public async Task<IActionResult> OnGetAsync([FromQuery] RenewalCalendarQuery query, CancellationToken ct)
    {
        if (!calendar.MaySee)
            return Forbid();
        if (calendar.MonthOf(query.Month) is null)
        {
            Problem = RenewalCalendar.MonthMessage;
            query = query with { Month = null };
        }
        Query = query;
        Month = (await calendar.MonthAsync(query, ct)).Value!;
        AgencyOptions = (await options.AgenciesAsync(ct)).Selecting(query.AgencyId);
        ManagerOptions = (await options.ManagersAsync(ct)).Selecting(query.ManagerPersonId);
        return Page();
    }

    /// <summary>This page for another month or day, keeping the filters.</summary>
    public string Link(DateOnly month, DateOnly? day = null) =>
        "/Renewals/Calendar" + QueryString.Create(new Dictionary<string, string?>
        {
            ["month"] = month.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture),
            ["agencyId"] = Query.AgencyId?.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["managerPersonId"] = Query.ManagerPersonId?.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["day"] = day?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        }.Where(p => p.Value is not null)) + (day is null ? "" : "#day");
}
