using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Liaison.Web.Features.Renewals.Vendors;

/// <summary>The product picker's answers for the signed-in browser (the API's is <c>/api/v1/products/suggest</c>): JSON, provider users only.</summary>
internal sealed class SuggestProductsModel(ManageVendors vendors) : PageModel
{
    public async Task<IActionResult> OnGetAsync([FromQuery] string? q, [FromQuery] int? limit, CancellationToken ct) =>
        (await vendors.SuggestProductsAsync(q, limit ?? 10, ct)) is { IsOk: true } found ? new JsonResult(found.Value) : Forbid();
}
