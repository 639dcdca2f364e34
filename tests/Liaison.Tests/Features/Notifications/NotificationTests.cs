using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Liaison.Tests.Infrastructure;
using Liaison.Web.Features.Notifications;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Liaison.Tests.Features.Notifications;

/// <summary>
/// The bell: what people are told of (an action item assigned to them, a meeting they are invited to, that moves or is
/// cancelled, an initiative handed to them), by every way in, only their own; and the one daily digest.
/// </summary>
public sealed class NotificationTests(LiaisonApp app) : IClassFixture<LiaisonApp>
{
    private static async Task<List<JsonElement>> NotificationsAsync(HttpClient api, bool unread = false) =>
        (await api.GetJsonAsync("/api/v1/notifications?pageSize=200" + (unread ? "&unread=true" : ""))).GetProperty("page").GetProperty("items").EnumerateArray().ToList();

    private static async Task<JsonElement> OneAboutAsync(HttpClient api, string words) =>
        (await NotificationsAsync(api)).Single(n => n.GetProperty("title").GetString()!.Contains(words, StringComparison.Ordinal));

    private DateTime LocalNow => TimeZoneInfo.ConvertTimeFromUtc(app.Clock.GetUtcNow().UtcDateTime, TimeZoneInfo.FindSystemTimeZoneById("America/Chicago"));

    [Fact]
    public async Task An_action_item_assigned_to_someone_tells_them_and_not_the_one_who_assigned_it()
    {
        using var manager = await app.ApiAsync(TestData.Manager);
        using var revenue = await app.ApiAsync(TestData.RevenueUser);
        var created = await manager.PostAsJsonAsync("/api/v1/action-items", new { agencyId = app.Ids.Revenue, title = "Send the network diagram", ownerPersonId = app.Ids.RevenueContact });
        var id = created.Id();

        var told = await OneAboutAsync(revenue, "Send the network diagram");
        Assert.Equal("action-assigned", told.GetProperty("kind").GetString());
        Assert.Equal($"/ActionItems/Details/{id}", told.GetProperty("link").GetString());
        Assert.Equal("Mona Manager", told.GetProperty("actorName").GetString());
        Assert.False(told.TryGetProperty("readAt", out _)); // unread: no date (nulls are left out)

        // The manager gave an item to herself: nobody is told of their own doing.
        await manager.PostAsJsonAsync("/api/v1/action-items", new { agencyId = app.Ids.Revenue, title = "Note to self", ownerPersonId = app.Ids.StaffPerson });
        Assert.DoesNotContain(await NotificationsAsync(manager), n => n.GetProperty("title").GetString()!.Contains("Note to self", StringComparison.Ordinal));

        // A bulk reassignment by the administrator is a way in like any other.
        using var admin = await app.ApiAsync(TestData.Admin);
        (await admin.PostAsJsonAsync("/api/v1/action-items/bulk-reassign", new { ids = new[] { id }, ownerPersonId = app.Ids.StaffPerson })).EnsureSuccessStatusCode();
        var reassigned = await OneAboutAsync(manager, "Send the network diagram");
        Assert.Equal("Ada Admin", reassigned.GetProperty("actorName").GetString());
    }

    [Fact]
    public async Task Someone_else_s_notification_is_not_found_and_reading_marks_only_one_s_own()
    {
        using var manager = await app.ApiAsync(TestData.Manager);
        using var revenue = await app.ApiAsync(TestData.RevenueUser);
        using var health = await app.ApiAsync(TestData.HealthUser);
        await manager.PostAsJsonAsync("/api/v1/action-items", new { agencyId = app.Ids.Revenue, title = "Confirm the cut-over window", ownerPersonId = app.Ids.RevenueContact });
        var theirs = (await OneAboutAsync(revenue, "Confirm the cut-over window")).GetProperty("id").GetInt64();

        Assert.Equal(HttpStatusCode.NotFound, (await health.PostAsync($"/api/v1/notifications/{theirs}/read", null)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await health.PostAsync("/api/v1/notifications/read-all", null)).StatusCode);
        Assert.Contains(await NotificationsAsync(revenue, unread: true), n => n.GetProperty("id").GetInt64() == theirs);
        var page = await app.SignedInAsync(TestData.HealthUser);
        Assert.Equal(HttpStatusCode.NotFound, (await page.Client.GetAsync($"/Notifications?handler=Open&id={theirs}")).StatusCode);

        var read = await revenue.PostAsync($"/api/v1/notifications/{theirs}/read", null);
        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        Assert.DoesNotContain(await NotificationsAsync(revenue, unread: true), n => n.GetProperty("id").GetInt64() == theirs);
        await manager.PostAsJsonAsync("/api/v1/action-items", new { agencyId = app.Ids.Revenue, title = "Another for Rita", ownerPersonId = app.Ids.RevenueContact });
        var all = await (await revenue.PostAsync("/api/v1/notifications/read-all", null)).JsonAsync();
        Assert.True(all.GetProperty("marked").GetInt32() >= 1);
        Assert.Equal(0, (await revenue.GetJsonAsync("/api/v1/notifications")).GetProperty("unreadCount").GetInt32());
    }

    [Fact]
    public async Task Meeting_attendees_are_told_of_the_invitation_the_move_and_the_cancellation()
    {
        using var manager = await app.ApiAsync(TestData.Manager);
        using var revenue = await app.ApiAsync(TestData.RevenueUser);
        var start = LocalNow.Date.AddDays(12).AddHours(10);
        object Body(DateTime at, string status, int version = 0) => new
        {
            title = "Bell meeting",
            kind = "MonthlyProgram",
            startsAt = at.ToString("yyyy-MM-ddTHH:mm:ss"),
            endsAt = at.AddHours(1).ToString("yyyy-MM-ddTHH:mm:ss"),
            location = "Room 1",
            status,
            agencyIds = new[] { app.Ids.Revenue },
            attendeeIds = new[] { app.Ids.RevenueContact, app.Ids.StaffPerson },
            agenda = "Welcome",
            version,
        };
        var created = await manager.PostAsJsonAsync("/api/v1/meetings", Body(start, "Planned"));
        var id = created.Id();
        var invited = await OneAboutAsync(revenue, "Invited: Bell meeting");
        Assert.Equal($"/Meetings/Details/{id}", invited.GetProperty("link").GetString());

        var version = (await manager.GetJsonAsync($"/api/v1/meetings/{id}")).GetProperty("version").GetInt32();
        (await manager.PutAsJsonAsync($"/api/v1/meetings/{id}", Body(start.AddDays(1), "Planned", version))).EnsureSuccessStatusCode();
        Assert.Equal("meeting-changed", (await OneAboutAsync(revenue, "Changed: Bell meeting")).GetProperty("kind").GetString());

        version = (await manager.GetJsonAsync($"/api/v1/meetings/{id}")).GetProperty("version").GetInt32();
        (await manager.PutAsJsonAsync($"/api/v1/meetings/{id}", Body(start.AddDays(1), "Cancelled", version))).EnsureSuccessStatusCode();
        Assert.Equal("meeting-cancelled", (await OneAboutAsync(revenue, "Cancelled: Bell meeting")).GetProperty("kind").GetString());
        // One line per event: the invitation was not repeated by the later saves.
        Assert.Single(await NotificationsAsync(revenue), n => n.GetProperty("title").GetString()!.StartsWith("Invited: Bell meeting", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Someone_taken_off_a_meeting_to_come_is_told_and_the_others_are_not()
    {
        using var manager = await app.ApiAsync(TestData.Manager);
        using var revenue = await app.ApiAsync(TestData.RevenueUser);
        var start = LocalNow.Date.AddDays(14).AddHours(10);
        object Body(int[] attendees, int version = 0) => new
        {
            title = "Uninvite meeting",
            kind = "MonthlyProgram",
            startsAt = start.ToString("yyyy-MM-ddTHH:mm:ss"),
            endsAt = start.AddHours(1).ToString("yyyy-MM-ddTHH:mm:ss"),
            status = "Planned",
            agencyIds = new[] { app.Ids.Revenue },
            attendeeIds = attendees,
            version,
        };
        var id = (await manager.PostAsJsonAsync("/api/v1/meetings", Body([app.Ids.RevenueContact, app.Ids.StaffPerson]))).Id();
        var version = (await manager.GetJsonAsync($"/api/v1/meetings/{id}")).GetProperty("version").GetInt32();
        (await manager.PutAsJsonAsync($"/api/v1/meetings/{id}", Body([app.Ids.StaffPerson], version))).EnsureSuccessStatusCode();
        var told = await OneAboutAsync(revenue, "No longer expected: Uninvite meeting");
        Assert.Equal("meeting-uninvited", told.GetProperty("kind").GetString());
        Assert.Equal($"/Meetings/Details/{id}", told.GetProperty("link").GetString());
        Assert.DoesNotContain(await NotificationsAsync(revenue), n => n.GetProperty("title").GetString()!.StartsWith("Changed: Uninvite", StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_initiative_handed_to_someone_tells_them()
    {
        using var admin = await app.ApiAsync(TestData.Admin);
        using var manager = await app.ApiAsync(TestData.Manager);
        var created = await admin.PostAsJsonAsync("/api/v1/initiatives", new { name = "Bell initiative", agencyId = app.Ids.Revenue, ownerPersonId = app.Ids.StaffPerson });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var told = await OneAboutAsync(manager, "Bell initiative");
        Assert.Equal("initiative-handed", told.GetProperty("kind").GetString());
        Assert.Equal($"/Portfolio/Details/{created.Id()}", told.GetProperty("link").GetString());
    }

    [Fact]
    public async Task The_bell_counts_the_unread_and_opening_one_marks_it_read_and_goes_to_the_record()
    {
        using var manager = await app.ApiAsync(TestData.Manager);
        var id = (await manager.PostAsJsonAsync("/api/v1/action-items", new { agencyId = app.Ids.Revenue, title = "Bell page item", ownerPersonId = app.Ids.RevenueContact })).Id();
        var page = await app.SignedInAsync(TestData.RevenueUser);
        var unread = await page.Client.GetStringAsync("/Notifications?unread=true");
        Assert.Matches("aria-label=\"Notifications, [0-9]+ unread\"", unread);
        Assert.Contains("Bell page item", unread, StringComparison.Ordinal);

        using var revenue = await app.ApiAsync(TestData.RevenueUser);
        var notification = (await OneAboutAsync(revenue, "Bell page item")).GetProperty("id").GetInt64();
        var opened = await page.Client.GetAsync($"/Notifications?handler=Open&id={notification}");
        Assert.Equal(HttpStatusCode.Redirect, opened.StatusCode);
        Assert.Equal($"/ActionItems/Details/{id}", opened.Headers.Location!.OriginalString);
        Assert.True((await OneAboutAsync(revenue, "Bell page item")).TryGetProperty("readAt", out _));
    }

    [Fact]
    public async Task The_daily_digest_is_one_email_a_day_with_notifications_one_may_switch_off_and_reminders_one_may_not()
    {
        if (LocalNow.Hour < 8)
            app.Clock.Advance(LocalNow.Date.AddHours(8) - LocalNow);
        using var manager = await app.ApiAsync(TestData.Manager);
        using var health = await app.ApiAsync(TestData.HealthUser);
        using var revenue = await app.ApiAsync(TestData.RevenueUser);
        // Rita: a notification, and an item of hers that is late (a duty).
        await manager.PostAsJsonAsync("/api/v1/action-items", new { agencyId = app.Ids.Revenue, title = "Digest news item", ownerPersonId = app.Ids.RevenueContact });
        await manager.PostAsJsonAsync("/api/v1/action-items", new
        {
            agencyId = app.Ids.Revenue,
            title = "Digest late item",
            ownerPersonId = app.Ids.RevenueContact,
            dueOn = app.Today.AddDays(-3).ToString("yyyy-MM-dd"),
        });
        // Hugo switches notifications by email off; he has nothing due, so he gets no email.
        var off = await health.PutAsJsonAsync("/api/v1/me/notification-settings", new { dailyDigest = false });
        Assert.False((await off.JsonAsync()).GetProperty("dailyDigest").GetBoolean());
        Assert.False((await health.GetJsonAsync("/api/v1/me/notification-settings")).GetProperty("dailyDigest").GetBoolean());
        await app.WithDbAsync(db => db.NotificationPreferences.Where(p => p.LastDigestOn != null).ExecuteUpdateAsync(s => s.SetProperty(p => p.LastDigestOn, (DateOnly?)null)));
        await app.DeliverAsync(); // what earlier tests queued

        // The pickup folder lists its files in no particular order: what is new is what was not there before.
        var before = (await app.DeliverAsync()).ToHashSet();
        Assert.True(await DigestAsync() >= 1);
        var mail = (await app.DeliverAsync()).Where(m => !before.Contains(m)).ToList();
        var rita = Mail.Parse(Assert.Single(mail, m => Mail.To(m).Address == "revenue@test.gov"));
        Assert.StartsWith("Liaison, ", rita.Subject, StringComparison.Ordinal);
        Assert.Contains("Digest news item", rita.TextBody, StringComparison.Ordinal);
        Assert.Contains("Digest late item (LDR): due", rita.TextBody, StringComparison.Ordinal);
        Assert.Contains("3 days late", rita.HtmlBody, StringComparison.Ordinal);
        Assert.Contains("https://localhost/ActionItems/Details/", rita.HtmlBody, StringComparison.Ordinal);
        Assert.DoesNotContain(mail, m => Mail.To(m).Address == "health@test.gov");

        // Once a day: the same day again sends nothing.
        Assert.Equal(0, await DigestAsync());
        Assert.Equal(before.Count + mail.Count, (await app.DeliverAsync()).Count);

        // Rita switches notifications off: the next day's email still carries her late item, not the news.
        (await revenue.PutAsJsonAsync("/api/v1/me/notification-settings", new { dailyDigest = false })).EnsureSuccessStatusCode();
        await manager.PostAsJsonAsync("/api/v1/action-items", new { agencyId = app.Ids.Revenue, title = "Digest muted news", ownerPersonId = app.Ids.RevenueContact });
        app.Clock.Advance(TimeSpan.FromDays(1));
        before = (await app.DeliverAsync()).ToHashSet();
        await DigestAsync();
        var next = Mail.Parse(Assert.Single((await app.DeliverAsync()).Where(m => !before.Contains(m)), m => Mail.To(m).Address == "revenue@test.gov"));
        Assert.Contains("Digest late item", next.TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain("Digest muted news", next.TextBody, StringComparison.Ordinal);
        using var revenueAgain = await app.ApiAsync(TestData.RevenueUser); // a day later: a fresh sign-in
        (await revenueAgain.PutAsJsonAsync("/api/v1/me/notification-settings", new { dailyDigest = true })).EnsureSuccessStatusCode();
    }

    private async Task<int> DigestAsync()
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<SendDailyDigests>().HandleAsync(CancellationToken.None);
    }
}
