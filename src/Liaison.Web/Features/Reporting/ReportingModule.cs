using Liaison.Web.Platform.Auth;
using Liaison.Web.Platform.Jobs;
using Liaison.Web.Platform.Modules;

namespace Liaison.Web.Features.Reporting;

/// <summary>
/// Performance and reporting (PRODUCT.md's tenth module): the state-wide agency scoreboard, built from every module's
/// health signals; later the strategic plan's indicators and saved reports.
/// </summary>
internal sealed class ReportingModule : ILiaisonModule
{
    public void AddServices(WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddScoped<ReadScoreboard>();
        services.AddSingleton<LastMonthCells>();
        services.AddScoped<RecordScoreboardMonth>();
        services.AddScoped<IDemoSeeder, ReportingDemo>();
        services.AddRecurringJob<ScoreboardMonthJob>("scoreboard-month",
            TimeSpan.FromHours(builder.Configuration.GetValue("Reporting:ScoreboardRecordHours", 6.0)));
    }

    public IEnumerable<MenuEntry> Menu(CurrentUser user)
    {
        if (user.IsProviderUser)
            yield return MenuEntry.Link(5, "Scoreboard", "/Scoreboard");
    }

    public void MapApi(RouteGroupBuilder api) => api.MapScoreboardApi();
}
