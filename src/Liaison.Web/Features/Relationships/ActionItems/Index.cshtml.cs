using Liaison.Web.Features.Directory.People;
using Liaison.Web.Features.Shared;
using Liaison.Web.Platform.Auth;
using Liaison.Web.Platform.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace Liaison.Web.Features.Relationships.ActionItems;

internal sealed class IndexModel(ManageActionItems items, ChangeActionItemsInBulk changes, PeopleOptions options, AccessRule access) : PageModel
{
    public ActionItemListQuery Query { get; private set; } = new();
    public PagedResult<ActionItemRow> Results { get; private set; } = null!;
    public List<SelectListItem> AgencyOptions { get; private set; } = [];
    public List<SelectListItem> StatusOptions { get; private set; } = [];
    public List<SelectListItem> DueOptions { get; private set; } = [];
    public List<SelectListItem> StaffOptions { get; private set; } = [];
    public bool CanChangeInBulk => access.CanStartEngagementRecords;
    public bool IsAgencyUser => !access.CanSeeProviderRecords;
    public int? MyPersonId => access.User.PersonId;

    public async Task OnGetAsync([FromQuery] ActionItemListQuery query, CancellationToken ct)
    {
        Query = query;
        Results = await items.ListAsync(query, ct);
        AgencyOptions = (await options.AgenciesAsync(ct)).Selecting(query.AgencyId);
        StatusOptions = new List<SelectListItem> { new("Open", "open"), new("Done", "done"), new("Cancelled", "cancelled"), new("All", "all") }.Selecting(query.Status ?? "open");
        DueOptions = new List<SelectListItem> { new("Any time", ""), new("Late", "late"), new("Due this week", "week"), new("No due date", "none") }.Selecting(query.Due ?? "");
        if (CanChangeInBulk)
            StaffOptions = await options.StaffAsync(ct);
    }

    /// <summary>"Close selected" or "Reassign selected": each item under its own rule; back to the list as it was filtered.</summary>
    public async Task<IActionResult> OnPostBulkAsync(string? bulk, List<int>? ids, int? ownerPersonId, string? returnQuery, CancellationToken ct)
    {
        var input = new BulkActionInput(ids, ownerPersonId);
        var result = bulk == "reassign" ? await changes.ReassignAsync(input, ct) : await changes.CloseAsync(input, ct);
        if (result.IsOk)
        {
            var outcome = result.Value!;
            var verb = bulk == "reassign" ? "reassigned" : "closed";
            TempData["Status"] = $"{outcome.Changed} action item{(outcome.Changed == 1 ? "" : "s")} {verb}."
                + (outcome.Refused.Count == 0 ? "" : $" {outcome.Refused.Count} left alone: {string.Join("; ", outcome.Refused.Take(5).Select(r => $"#{r.Id} {r.Reason}"))}");
        }
        else
        {
            TempData["Error"] = string.Join(" ", result.Errors.Values.SelectMany(e => e)) + " Nothing was changed.";
        }
        var query = returnQuery is { Length: > 0 } q && q.StartsWith('?') && !q.Contains("//", StringComparison.Ordinal) ? q : "";
        return Redirect("/ActionItems" + query);
    }

    public Task<IActionResult> OnGetExportAsync([FromQuery] ActionItemListQuery query, string? format, CancellationToken ct) =>
        this.ExportAsync(format, f => items.ExportAsync(query, f, ct));
}
