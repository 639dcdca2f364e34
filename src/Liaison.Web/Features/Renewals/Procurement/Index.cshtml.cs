using Liaison.Web.Features.Directory.People;
using Liaison.Web.Features.Shared;
using Liaison.Web.Platform.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace Liaison.Web.Features.Renewals.Procurement;

/// <summary>The procurement board: a column per status, each request with its age and how long it has waited there.</summary>
internal sealed class IndexModel(ManageProcurement procurement, PeopleOptions options) : PageModel
{
    public IReadOnlyList<ProcurementColumn> Columns { get; private set; } = [];
    public List<SelectListItem> AgencyOptions { get; private set; } = [];
    public int? AgencyId { get; private set; }
    public bool Closed { get; private set; }
    public bool MayRaise { get; private set; }
    public bool Internal => procurement.IsInternalReader;

    public async Task<IActionResult> OnGetAsync(int? agencyId, bool closed, CancellationToken ct)
    {
        var board = await procurement.BoardAsync(agencyId, closed, ct);
        if (this.Refusal(board) is { } refusal)
            return refusal;
        (Columns, AgencyId, Closed) = (board.Value!, agencyId, closed);
        MayRaise = await procurement.MayRaiseAsync(ct);
        if (Internal)
            AgencyOptions = (await options.AgenciesAsync(ct)).Selecting(agencyId);
        return Page();
    }
}
