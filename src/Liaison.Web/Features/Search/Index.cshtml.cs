using Liaison.Web.Platform.Search;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Liaison.Web.Features.Search;

internal sealed class IndexModel(SiteSearch search) : PageModel
{
    public int Limit => SiteSearch.MaxResults;
    public SearchResults Results { get; private set; } = new("", []);

    public async Task OnGetAsync(string? q, CancellationToken ct) => Results = await search.SearchAsync(q, Limit, ct);
}
