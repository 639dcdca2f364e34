using Liaison.Web.Platform.Auth;
using Liaison.Web.Platform.Jobs;

namespace Liaison.Web.Platform.Modules;

/// <summary>
/// What a module contributes to Liaison. <c>Program.cs</c> lists the modules; the host registers what each declares and
/// builds the navigation from their menus. A module's other contributions are services it registers in
/// <see cref="AddServices"/> against Platform's small contracts, so no module edits another's files or Platform's:
/// <list type="bullet">
/// <item><see cref="ISaveHook"/>: work inside every save;</item>
/// <item><see cref="IDemoSeeder"/>: its demo data; <see cref="ICommandLineTool"/>: a command-line command;</item>
/// <item><see cref="IAgencyAssignments"/>: the access rule's "which agencies does this manager hold";</item>
/// <item>scheduled jobs (<c>services.AddRecurringJob&lt;T&gt;</c>);</item>
/// <item>the agency page's health signals (<c>IAgencyHealthContributor</c>) and My work's sections (<c>IMyWorkSource</c>),
/// which the Relationships module exposes for other modules to implement.</item>
/// </list>
/// See docs/architecture.md, "Adding a module".
/// </summary>
internal interface ILiaisonModule
{
    /// <summary>Registers the module's use cases and its contributions to the contracts above.</summary>
    void AddServices(WebApplicationBuilder builder);

    /// <summary>Maps the module's API endpoints under <c>/api/v1</c>.</summary>
    void MapApi(RouteGroupBuilder api);

    /// <summary>Maps endpoints outside the API (a calendar feed, a public form). Most modules have none.</summary>
    void MapRoutes(IEndpointRouteBuilder app)
    {
    }

    /// <summary>The module's entries in the primary navigation for this user (none for a role it has nothing for).</summary>
    IEnumerable<MenuEntry> Menu(CurrentUser user);
}

/// <summary>A link in the navigation.</summary>
internal sealed record MenuLink(string Text, string Href);

/// <summary>
/// An entry of the primary navigation: a link, or a group of links under a button. Entries of every module are shown in
/// <see cref="Order"/> (10 My work, 20 Agencies, 30 Engagement, 40 Portfolio, 50 People, 60 Service catalogue, 90
/// Administration; a new module picks a number between, or adds its links to a group of that name).
/// </summary>
internal sealed record MenuEntry(int Order, string Text, IReadOnlyList<MenuLink> Links, bool IsGroup)
{
    public static MenuEntry Link(int order, string text, string href) => new(order, text, [new MenuLink(text, href)], false);

    public static MenuEntry Group(int order, string text, params MenuLink[] links) => new(order, text, links, true);

    /// <summary>The element id of a group's list.</summary>
    public string Id => "nav-" + new string(Text.ToLowerInvariant().Where(char.IsLetterOrDigit).ToArray());

    /// <summary>Whether the page at <paramref name="path"/> belongs to this entry: it is under the first segment of one of its links.</summary>
    public bool IsCurrent(string path) => Links.Any(l => Under(path, "/" + l.Href.TrimStart('/').Split('/', '?')[0]));

    private static bool Under(string path, string prefix) =>
        path.StartsWith(prefix, StringComparison.OrdinalIgnoreCase) && (path.Length == prefix.Length || path[prefix.Length] is '/' or '?');
}

/// <summary>Registers the modules Program.cs lists, maps what they map, and builds the navigation from their menus.</summary>
internal static class ModuleHost
{
    public static WebApplicationBuilder AddModules(this WebApplicationBuilder builder, params ILiaisonModule[] modules)
    {
        foreach (var module in modules)
        {
            builder.Services.AddSingleton(module);
            module.AddServices(builder);
        }
        builder.Services.AddScoped<Navigation>();
        builder.Services.AddScoped<AgencyHealth>();
        builder.Services.AddScoped<RefreshAgencyFigures>();
        builder.Services.AddSingleton<ParsedAgencyFigures>();
        builder.Services.AddRecurringJob<AgencyFiguresJob>("agency-figures",
            TimeSpan.FromSeconds(builder.Configuration.GetValue("Performance:AgencyFiguresSeconds", 60.0)));
        builder.Services.AddScoped<GetMyWork>();
        return builder;
    }

    /// <summary>
    /// Gives a module's page a second URL (a record created and edited on one page answers at <c>/Units/Create</c> as
    /// well as <c>/Units/Edit</c>). <paramref name="page"/> is the page's path under Features, without .cshtml.
    /// </summary>
    public static void AddPageAlias(this IServiceCollection services, string page, string route) =>
        services.Configure<Microsoft.AspNetCore.Mvc.RazorPages.RazorPagesOptions>(o => o.Conventions.AddPageRoute(page, route));

    public static WebApplication MapModules(this WebApplication app, RouteGroupBuilder api)
    {
        foreach (var module in app.Services.GetServices<ILiaisonModule>())
        {
            module.MapApi(api);
            module.MapRoutes(app);
        }
        return app;
    }
}

/// <summary>
/// The primary navigation for the signed-in user, from every module's menu. Groups of the same name are one group: a
/// module adds its page to another's group ("Engagement") by naming it, the group's links in the modules' order.
/// </summary>
internal sealed class Navigation(IEnumerable<ILiaisonModule> modules, CurrentUser user)
{
    public IReadOnlyList<MenuEntry> Entries { get; } = Merge(modules.SelectMany(m => m.Menu(user)));

    internal static List<MenuEntry> Merge(IEnumerable<MenuEntry> entries)
    {
        var merged = new List<MenuEntry>();
        foreach (var entry in entries)
        {
            var index = entry.IsGroup ? merged.FindIndex(e => e.IsGroup && e.Text == entry.Text) : -1;
            if (index < 0)
                merged.Add(entry);
            else
                merged[index] = merged[index] with { Order = Math.Min(merged[index].Order, entry.Order), Links = [.. merged[index].Links, .. entry.Links] };
        }
        return merged.OrderBy(e => e.Order).ToList();
    }
}
