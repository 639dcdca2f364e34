using Liaison.Web.Platform.Auth;
using Liaison.Web.Platform.Modules;
using Liaison.Web.Platform.Search;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Liaison.Web.Features.Search;

/// <summary>
/// The header's search box, its results page and <c>/api/v1/search</c>: every module's records found by words, through
/// the modules' <see cref="ISearchSource"/>s (docs/adr/0016).
/// </summary>
internal sealed class SearchModule : ILiaisonModule
{
    public void AddServices(WebApplicationBuilder builder) => builder.Services.AddScoped<SiteSearch>();

    public void MapApi(RouteGroupBuilder api) =>
        api.MapGet("/search", SearchAsync).WithTags("Search")
            .WithSummary("Records whose words begin with those of q (agencies, people, initiatives, meetings, interactions, quick wins, action items), best first, as the signed-in user may see them; limit 1–50, 20 by default");

    public IEnumerable<MenuEntry> Menu(CurrentUser user) => [];

    private static async Task<Ok<SearchResults>> SearchAsync(string? q, int? limit, SiteSearch search, CancellationToken ct) =>
        TypedResults.Ok(await search.SearchAsync(q, limit ?? 20, ct));
}
