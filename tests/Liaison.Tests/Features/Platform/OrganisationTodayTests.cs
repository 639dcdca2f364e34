using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Liaison.Tests.Infrastructure;

namespace Liaison.Tests.Features.Platform;

/// <summary>
/// "Today" is the organisation's (America/Chicago by default), not UTC's: at 23:30 in Central time on 24 November it is
/// already the 25th in UTC, and a clock in UTC would make contacts overdue, action items late and initiatives stale a
/// day early.
/// </summary>
public sealed class OrganisationTodayTests(LiaisonApp app) : IClassFixture<LiaisonApp>
{
    private static readonly DateOnly LocalToday = new(2026, 11, 24);

    /// <summary>23:30 Central Standard Time (UTC−6) on 24 November 2026.</summary>
    private static readonly DateTimeOffset LateEvening = new(2026, 11, 25, 5, 30, 0, TimeSpan.Zero);

    [Fact]
    public async Task At_half_past_eleven_at_night_what_is_due_today_is_due_not_late()
    {
        app.Clock.Set(LateEvening);
        using var api = await app.ApiAsync(TestData.Manager);

        // A weekly contact last touched a week ago is due today.
        var contact = (await (await api.PostAsJsonAsync("/api/v1/people", new { firstName = "Dana", lastName = "Duetoday", kind = "AgencyContact", agencyId = app.Ids.Revenue })).JsonAsync()).GetProperty("id").GetInt32();
        (await api.PutJsonAsync($"/api/v1/people/{contact}/stakeholder", new { frequency = "W", version = 0 })).EnsureSuccessStatusCode();
        (await api.PostAsJsonAsync("/api/v1/interactions", new { agencyId = app.Ids.Revenue, occurredOn = Iso(LocalToday.AddDays(-7)), kind = "Call", subject = "Weekly call", attendeeIds = new[] { contact } })).EnsureSuccessStatusCode();
        // An action item due today.
        Assert.Equal(HttpStatusCode.Created, (await api.PostAsJsonAsync("/api/v1/action-items", new { agencyId = app.Ids.Revenue, title = "Send the quote today", ownerPersonId = app.Ids.RevenueContact, dueOn = Iso(LocalToday) })).StatusCode);
        // An initiative updated thirty days ago: not yet stale.
        var initiative = await api.PostAsJsonAsync("/api/v1/initiatives", new { name = "Updated thirty local days ago", agencyId = app.Ids.Revenue, description = "Kept up to date", ownerPersonId = app.Ids.StaffPerson });
        Assert.Equal(HttpStatusCode.Created, initiative.StatusCode);
        (await api.PostAsJsonAsync($"/api/v1/initiatives/{initiative.Id()}/updates", new { asOf = Iso(LocalToday.AddDays(-30)), statusOverview = "On plan", accomplishments = "Design", plans = "Build" })).EnsureSuccessStatusCode();

        var work = await api.GetJsonAsync("/api/v1/me/work");
        Assert.Equal("Due", Item(work, "contacts", "Dana Duetoday").GetProperty("urgency").GetString());
        Assert.Equal(Iso(LocalToday), Item(work, "contacts", "Dana Duetoday").GetProperty("when").GetString());
        Assert.Equal("Due", Item(work, "actions", "Send the quote today").GetProperty("urgency").GetString());
        Assert.DoesNotContain("Updated thirty local days ago", await StaleNamesAsync(api));

        // Midnight passes in Chicago: now they are late.
        app.Clock.Advance(TimeSpan.FromHours(1));
        work = await api.GetJsonAsync("/api/v1/me/work");
        Assert.Equal("Late", Item(work, "contacts", "Dana Duetoday").GetProperty("urgency").GetString());
        Assert.Equal("Late", Item(work, "actions", "Send the quote today").GetProperty("urgency").GetString());
        Assert.Contains("Updated thirty local days ago", await StaleNamesAsync(api));
    }

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    private static JsonElement Item(JsonElement work, string section, string title) =>
        work.EnumerateArray().Single(s => s.GetProperty("key").GetString() == section)
            .GetProperty("items").EnumerateArray().Single(i => i.GetProperty("title").GetString() == title);

    private static async Task<List<string>> StaleNamesAsync(HttpClient api) =>
        (await api.GetJsonAsync("/api/v1/initiatives?state=stale&pageSize=200")).GetProperty("items").EnumerateArray().Select(i => i.GetProperty("name").GetString()!).ToList();
}
