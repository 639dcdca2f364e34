using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Liaison.Web.Features.Directory.People;

/// <summary>
/// The people picker's answers for the signed-in browser (the API, <c>/api/v1/people/suggest</c>, takes bearer tokens
/// only): JSON, read-only, under the same access rule.
/// </summary>
internal sealed class SuggestModel(SuggestPeople suggest) : PageModel
{
    public async Task<IActionResult> OnGetAsync([FromQuery] string? q, [FromQuery] bool staff, [FromQuery] int[]? agencyId, [FromQuery] int? limit,
        CancellationToken ct) =>
        new JsonResult(await suggest.HandleAsync(new PeopleSuggestionQuery(q, staff, agencyId, limit ?? 10), ct));
}
