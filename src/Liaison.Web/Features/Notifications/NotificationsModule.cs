using Liaison.Web.Platform.Auth;
using Liaison.Web.Platform.Jobs;
using Liaison.Web.Platform.Modules;

namespace Liaison.Web.Features.Notifications;

/// <summary>
/// The bell in the header, <c>/Notifications</c> and the daily digest. Modules write notifications from their save hooks
/// (<see cref="Platform.Notifications.Notifier"/>) and add reminders to the digest (<see cref="Platform.Notifications.IDigestSource"/>);
/// this module shows and sends them.
/// </summary>
internal sealed class NotificationsModule : ILiaisonModule
{
    public void AddServices(WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddScoped<ManageNotifications>();
        services.AddScoped<SendDailyDigests>();
        services.AddScoped<IDemoSeeder, NotificationsDemo>();
        services.AddRecurringJob<DailyDigestJob>("daily-digest",
            TimeSpan.FromMinutes(builder.Configuration.GetValue("Notifications:DigestCheckMinutes", 15.0)));
    }

    /// <summary>None: the bell in the header leads to the list.</summary>
    public IEnumerable<MenuEntry> Menu(CurrentUser user) => [];

    public void MapApi(RouteGroupBuilder api) => api.MapNotificationsApi();
}
