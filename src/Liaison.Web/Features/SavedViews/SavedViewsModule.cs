using Liaison.Web.Platform.Auth;
using Liaison.Web.Platform.Modules;

namespace Liaison.Web.Features.SavedViews;

/// <summary>
/// Saved views: any list that shows the shared count line (<c>_ListSummary</c>) offers "Saved views" — the user's views
/// of that list, and "Save this view" for the filters and sort in front of them. A list needs nothing more to take part.
/// </summary>
internal sealed class SavedViewsModule : ILiaisonModule
{
    public void AddServices(WebApplicationBuilder builder) => builder.Services.AddScoped<ManageSavedViews>();

    /// <summary>None: each list's own menu leads to its views.</summary>
    public IEnumerable<MenuEntry> Menu(CurrentUser user) => [];

    public void MapApi(RouteGroupBuilder api) => api.MapSavedViewsApi();
}
