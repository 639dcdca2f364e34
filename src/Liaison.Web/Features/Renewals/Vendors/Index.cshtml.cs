using Liaison.Web.Platform.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Liaison.Web.Features.Renewals.Vendors;

internal sealed class IndexModel(ManageVendors vendors) : PageModel
{
    public VendorListQuery Query { get; private set; } = new();
    public PagedResult<VendorRow> Results { get; private set; } = null!;
    public bool MayEdit => vendors.MayEdit;

    public async Task<IActionResult> OnGetAsync([FromQuery] VendorListQuery query, CancellationToken ct)
    {
        var results = await vendors.ListAsync(query, ct);
        if (this.Refusal(results) is { } refusal)
            return refusal;
        Query = query;
        Results = results.Value!;
        return Page();
    }

    public async Task<IActionResult> OnGetExportAsync([FromQuery] VendorListQuery query, string? format, CancellationToken ct)
    {
        if (!vendors.MaySee)
            return Forbid();
        return await this.ExportAsync(format, async f => (await vendors.ExportAsync(query, f, ct)).Value!);
    }
}
