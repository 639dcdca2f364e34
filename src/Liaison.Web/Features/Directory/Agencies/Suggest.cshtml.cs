using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Liaison.Web.Features.Directory.Agencies;

/// <summary>The agency picker's answers for the signed-in browser (the API's is <c>/api/v1/agencies/suggest</c>): JSON, under the access rule.</summary>
internal sealed class SuggestModel(SuggestAgencies suggest) : PageModel
{
    public async Task<IActionResult> OnGetAsync([FromQuery] string? q, [FromQuery] int? limit, CancellationToken ct) =>
        new JsonResult(await suggest.HandleAsync(q, limit ?? 10, ct));
}
