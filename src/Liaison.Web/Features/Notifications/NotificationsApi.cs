using Liaison.Web.Platform.Web;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Liaison.Web.Features.Notifications;

internal static class NotificationsApi
{
    public static RouteGroupBuilder MapNotificationsApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/notifications").WithTags("Notifications");
        group.MapGet("/", ListAsync).WithSummary("The signed-in user's notifications, newest first (unread=true for the unread only), with the unread count");
        group.MapPost("/{id:long}/read", ReadAsync).WithSummary("Mark one of your notifications read");
        group.MapPost("/read-all", ReadAllAsync).WithSummary("Mark all your notifications read; answers how many were unread");
        var settings = api.MapGroup("/me/notification-settings").WithTags("Notifications");
        settings.MapGet("/", SettingsAsync).WithSummary("Whether your notifications also come as a daily email digest");
        settings.MapPut("/", ChangeSettingsAsync)
            .WithSummary("Switch the daily digest of notifications on or off (reminders that are your duty, such as overdue action items, come regardless)");
        return api;
    }

    internal sealed record ReadAllAnswer(int Marked);

    private static async Task<Ok<NotificationList>> ListAsync([AsParameters] NotificationListQuery query, ManageNotifications notifications,
        CancellationToken ct) =>
        TypedResults.Ok(await notifications.ListAsync(query, ct));

    private static async Task<Results<Ok<NotificationRow>, ProblemHttpResult>> ReadAsync(long id, ManageNotifications notifications, CancellationToken ct) =>
        (await notifications.ReadAsync(id, ct)).ToOk(n => n);

    private static async Task<Ok<ReadAllAnswer>> ReadAllAsync(ManageNotifications notifications, CancellationToken ct) =>
        TypedResults.Ok(new ReadAllAnswer(await notifications.ReadAllAsync(ct)));

    private static async Task<Ok<NotificationSettings>> SettingsAsync(ManageNotifications notifications, CancellationToken ct) =>
        TypedResults.Ok(await notifications.SettingsAsync(ct));

    private static async Task<Ok<NotificationSettings>> ChangeSettingsAsync(NotificationSettings settings, ManageNotifications notifications,
        CancellationToken ct) =>
        TypedResults.Ok(await notifications.ChangeSettingsAsync(settings, ct));
}
