using Liaison.Web.Features.Relationships.ActionItems;
using Liaison.Web.Features.Relationships.Interactions;
using Liaison.Web.Features.Relationships.Meetings;
using Liaison.Web.Features.Relationships.MyWork;
using Liaison.Web.Platform.Auth;
using Liaison.Web.Platform.Calendars;
using Liaison.Web.Platform.Jobs;
using Liaison.Web.Platform.Modules;
using Liaison.Web.Platform.Search;

namespace Liaison.Web.Features.Relationships;

/// <summary>Relationships: assignments, the stakeholder matrix, interactions, meetings, action items, My work.</summary>
internal sealed class RelationshipsModule : ILiaisonModule
{
    public void AddServices(WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddPageAlias("/Relationships/Interactions/Edit", "Interactions/Create");
        services.AddPageAlias("/Relationships/Meetings/Edit", "Meetings/Create");
        services.AddPageAlias("/Relationships/ActionItems/Edit", "ActionItems/Create");
        services.AddSingleton<IAgencyAssignments, HeldAssignments>();
        services.AddSingleton<ISaveHook, ContactTracking>();
        services.AddSingleton<ISaveHook, RelationshipNotifications>();
        services.AddScoped<Platform.Notifications.IDigestSource, RelationshipReminders>();
        services.AddScoped<ManageAssignments>();
        services.AddScoped<ReadStakeholderMatrix>();
        services.AddScoped<EditStakeholderProfile>();
        services.AddScoped<ImportStakeholderCodes>();
        services.AddScoped<RecordInteraction>();
        services.AddScoped<ListInteractions>();
        services.AddScoped<ImportInteractions>();
        services.AddScoped<InteractionOptions>();
        services.AddScoped<ManageActionItems>();
        services.AddScoped<ChangeActionItemsInBulk>();
        services.AddScoped<AddActionItems>();
        services.AddScoped<CommentOnActionItems>();
        services.AddScoped<ManageMeetings>();
        services.AddScoped<ListMeetings>();
        services.AddScoped<SendMeetingAgenda>();
        services.AddScoped<MeetingMail>();
        services.AddScoped<ISearchSource, MeetingSearch>();
        services.AddScoped<ISearchSource, InteractionSearch>();
        services.AddScoped<ISearchSource, ActionItemSearch>();
        services.AddSingleton<MeetingCalendar>();
        services.AddScoped<ICalendarSource, MeetingsCalendarSource>();
        services.AddScoped<CountEngagement>();
        services.AddScoped<GetAgencyRelationships>();
        services.AddScoped<IAgencyHealthContributor, RelationshipHealth>();
        services.AddScoped<IDemoSeeder, RelationshipsDemo>();
        services.AddScoped<IAgencySection, AgencyPage.RelationshipsSection>();
        services.AddScoped<IAgencySection, AgencyPage.MeetingsSection>();
        services.AddScoped<IMyWorkSource, ContactsDueSource>();
        services.AddScoped<IMyWorkSource, ActionItemsDueSource>();
        services.AddScoped<IMyWorkSource, UpcomingMeetingsSource>();
        services.AddSingleton<AgendaMailer>();
        if (builder.Configuration.GetValue("Meetings:SendAgendasAutomatically", true))
            services.AddRecurringJob<AgendaJob>("agendas", TimeSpan.FromMinutes(builder.Configuration.GetValue("Meetings:AgendaCheckMinutes", 10.0)));
    }

    public IEnumerable<MenuEntry> Menu(CurrentUser user)
    {
        if (user.IsAgencyUser)
        {
            yield return MenuEntry.Link(30, "My action items", "/ActionItems");
            yield return MenuEntry.Link(31, "Meetings", "/Meetings");
            yield break;
        }
        yield return MenuEntry.Link(10, "My work", "/MyWork");
        yield return MenuEntry.Group(30, "Engagement", new("Interactions", "/Interactions"), new("Meetings", "/Meetings"), new("Action items", "/ActionItems"),
            new("Coverage", "/Coverage"), new("Engagement counts", "/Meetings/Engagement"));
    }

    public void MapApi(RouteGroupBuilder api) =>
        api.MapAssignmentsApi().MapInteractionsApi().MapMeetingsApi().MapActionItemsApi();
}
