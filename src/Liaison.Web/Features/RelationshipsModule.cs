using Liaison.Web.Features.ActionItems;
using Liaison.Web.Features.Interactions;
using Liaison.Web.Features.Meetings;
using Liaison.Web.Features.MyWork;
using Liaison.Web.Features.Relationships;
using Liaison.Web.Platform.Jobs;

namespace Liaison.Web.Features;

/// <summary>Relationships: assignments, the stakeholder matrix, interactions, meetings, action items, My work.</summary>
internal static class RelationshipsModule
{
    public static WebApplicationBuilder AddRelationships(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddScoped<ManageAssignments>();
        services.AddScoped<StakeholderMatrix>();
        services.AddScoped<ImportStakeholderCodes>();
        services.AddScoped<RecordInteraction>();
        services.AddScoped<ListInteractions>();
        services.AddScoped<ImportInteractions>();
        services.AddScoped<InteractionOptions>();
        services.AddScoped<ManageActionItems>();
        services.AddScoped<ManageMeetings>();
        services.AddScoped<CalendarFeeds>();
        services.AddScoped<EngagementCounts>();
        services.AddScoped<GetAgencyRelationships>();
        services.AddScoped<IAgencyHealthContributor, RelationshipHealth>();
        services.AddScoped<GetMyWork>();
        services.AddScoped<IMyWorkSource, ContactsDueSource>();
        services.AddScoped<IMyWorkSource, ActionItemsDueSource>();
        services.AddScoped<IMyWorkSource, UpcomingMeetingsSource>();
        services.AddSingleton<AgendaMailer>();
        if (builder.Configuration.GetValue("Meetings:SendAgendasAutomatically", true))
            services.AddRecurringJob<AgendaJob>("agendas", TimeSpan.FromMinutes(builder.Configuration.GetValue("Meetings:AgendaCheckMinutes", 10.0)));
        return builder;
    }

    public static RouteGroupBuilder MapRelationshipsApi(this RouteGroupBuilder api) =>
        api.MapAssignmentsApi().MapInteractionsApi().MapMeetingsApi().MapActionItemsApi();
}
