using Liaison.Web.Platform.Auth;
using Liaison.Web.Platform.Jobs;
using Liaison.Web.Platform.Modules;

namespace Liaison.Web.Features.Surveys;

/// <summary>
/// Surveys (PRODUCT.md's sixth module): the Partner Agency Service Assessment each January and July to every agency's key
/// stakeholders, personal links that need no sign-in, reminders, results against the strategic plan's targets (4.0
/// satisfaction, NPS above 30), and a follow-up of every unhappy answer.
/// </summary>
internal sealed class SurveysModule : ILiaisonModule
{
    public void AddServices(WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddScoped<ManageTemplates>();
        services.AddScoped<ManageWaves>();
        services.AddScoped<SurveyMail>();
        services.AddScoped<AnswerSurvey>();
        services.AddScoped<SurveyResults>();
        services.AddSingleton<ClosedWaveFigures>();
        services.AddScoped<ManageFollowUps>();
        services.AddScoped<MySurveys>();
        services.AddScoped<SurveySchedule>();
        services.AddScoped<IDemoSeeder, SurveysDemo>();
        services.AddScoped<IMyWorkSource, FollowUpsDueSource>();
        services.AddScoped<IMyWorkSource, BouncedInvitationsSource>();
        services.AddScoped<IAgencyHealthContributor, SurveysAgencyHealth>();
        services.AddRecurringJob<SurveysJob>("surveys", TimeSpan.FromMinutes(builder.Configuration.GetValue("Surveys:CheckMinutes", 60.0)));
    }

    public IEnumerable<MenuEntry> Menu(CurrentUser user)
    {
        // Surveys are part of engaging the agencies: the staff's "Engagement" group (the header has no room for more at 1280 px).
        if (user.IsProviderUser)
            yield return MenuEntry.Group(30, "Engagement", new MenuLink("Surveys", "/Surveys"));
        else if (user.IsAgencyUser)
            yield return MenuEntry.Link(47, "Surveys", "/Surveys/Mine");
    }

    public void MapApi(RouteGroupBuilder api) => api.MapSurveysApi();
}
