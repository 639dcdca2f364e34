using System.Globalization;
using Liaison.Web.Platform.Auditing;
using Liaison.Web.Platform.Time;
using Liaison.Web.Platform.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Liaison.Web.Features.Renewals;

/// <summary>One renewal beside the term before it, the cost change, the product's cost history, and "Start next year's renewal".</summary>
internal sealed class DetailsModel(ManageRenewals renewals, RecordHistory history, OrganisationClock clock) : PageModel
{
    public RenewalView View { get; private set; } = null!;
    public bool CanEdit { get; private set; }
    public DateOnly Today => clock.Today;
    public IReadOnlyList<HistoryEntry> History { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        var found = await renewals.GetAsync(id, ct);
        if (this.Refusal(found) is { } refusal)
            return refusal;
        View = found.Value!;
        CanEdit = await renewals.CanEditAsync(View.Renewal.AgencyId, ct);
        History = await history.ForAsync(nameof(Renewal), id.ToString(CultureInfo.InvariantCulture), ct);
        return Page();
    }

    public async Task<IActionResult> OnPostNextAsync(int id, CancellationToken ct)
    {
        var started = await renewals.StartNextAsync(id, ct);
        if (started.IsOk)
        {
            TempData["Status"] = $"Next term's renewal has been started: {started.Value!.TermStart:yyyy-MM-dd} to {started.Value.TermEnd:yyyy-MM-dd}.";
            return RedirectToPage("/Renewals/Details", new { id = started.Value.Id });
        }
        if (this.Refusal(started) is { } refusal)
            return refusal;
        TempData["Status"] = started.Errors!.Values.First()[0];
        return RedirectToPage("/Renewals/Details", new { id });
    }
}
