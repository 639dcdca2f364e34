using Liaison.Web.Features.Portfolio.QuickWins;
using Liaison.Web.Platform.Auth;
using Liaison.Web.Platform.Modules;
using Liaison.Web.Platform.Search;

namespace Liaison.Web.Features.Portfolio;

/// <summary>Portfolio (CAPTIVE) and the quick wins log.</summary>
internal sealed class PortfolioModule : ILiaisonModule
{
    public void AddServices(WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddSingleton<PortfolioRules>();
        services.AddScoped<InitiativePolicy>();
        services.AddScoped<ManageInitiatives>();
        services.AddScoped<ListInitiatives>();
        services.AddScoped<ISearchSource, InitiativeSearch>();
        services.AddScoped<ISearchSource, QuickWinSearch>();
        services.AddScoped<ReviewPortfolioHealth>();
        services.AddScoped<ImportPortfolio>();
        services.AddScoped<ManageQuickWins>();
        services.AddScoped<ListQuickWins>();
        services.AddScoped<ImportQuickWins>();
        services.AddScoped<IMyWorkSource, StaleInitiativesSource>();
        services.AddScoped<IAgencyHealthContributor, PortfolioAgencyHealth>();
        services.AddScoped<IDemoSeeder, PortfolioDemo>();
        services.AddScoped<IAgencySection, AgencyInitiativesSection>();
        services.AddSingleton<ISaveHook, PortfolioNotifications>();
    }

    public IEnumerable<MenuEntry> Menu(CurrentUser user)
    {
        if (!user.IsAgencyUser)
            yield return MenuEntry.Group(40, "Portfolio", new("Initiatives", "/Portfolio"), new("Portfolio health", "/Portfolio/Health"), new("Quick wins", "/QuickWins"),
                new("Quick wins summary", "/QuickWins/Summary"));
    }

    public void MapApi(RouteGroupBuilder api) => api.MapPortfolioApi().MapQuickWinsApi();
}
