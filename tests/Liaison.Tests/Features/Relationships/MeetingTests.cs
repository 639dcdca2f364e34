using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Liaison.Tests.Infrastructure;
using Liaison.Web.Features.Relationships.Meetings;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Liaison.Tests.Features.Relationships;

public sealed partial class MeetingTests(LiaisonApp app) : IClassFixture<LiaisonApp>
{
    private async Task<int> PlanAsync(HttpClient api, string title, DateTime localStart, string kind = "MonthlyProgram", int[]? agencies = null, int[]? attendees = null)
    {
        var response = await api.PostAsJsonAsync("/api/v1/meetings", new
        {
            title,
            kind,
            startsAt = localStart.ToString("yyyy-MM-ddTHH:mm:ss"),
            endsAt = localStart.AddHours(1).ToString("yyyy-MM-ddTHH:mm:ss"),
            location = "Room 4-200, LaSalle Building",
            agencyIds = agencies ?? [app.Ids.Revenue],
            attendeeIds = attendees ?? [app.Ids.RevenueContact, app.Ids.StaffPerson],
            agenda = "Welcome, introductions; and coffee\nThe network upgrade: schedule, risks, and a very long agenda item that goes well past seventy-five octets so the line must be folded",
        });
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return response.Id();
    }

    private DateTime LocalNow => TimeZoneInfo.ConvertTimeFromUtc(app.Clock.GetUtcNow().UtcDateTime, TimeZoneInfo.FindSystemTimeZoneById("America/Chicago"));

    [Fact]
    public async Task A_meetings_calendar_file_parses_back_with_ical_js()
    {
        using var api = await app.ApiAsync(TestData.Manager);
        var start = LocalNow.Date.AddDays(10).AddHours(9).AddMinutes(30);
        var id = await PlanAsync(api, "Program meeting, Revenue; Q3", start);
        var ics = await (await api.GetAsync($"/api/v1/meetings/{id}/ics")).Content.ReadAsStringAsync();
        Assert.All(ics.Split("\r\n"), line => Assert.True(System.Text.Encoding.UTF8.GetByteCount(line) <= 75, $"Line longer than 75 octets: {line}"));

        var parsed = await ICalendar.ParseAsync(ics);
        var e = Assert.Single(parsed.Events);
        Assert.Equal("Program meeting, Revenue; Q3", e.Summary);
        Assert.Equal("Room 4-200, LaSalle Building", e.Location);
        var expectedStart = TimeZoneInfo.ConvertTimeToUtc(start, TimeZoneInfo.FindSystemTimeZoneById("America/Chicago"));
        Assert.Equal(expectedStart, DateTime.Parse(e.Start, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AdjustToUniversal));
        Assert.Contains("1. Welcome, introductions; and coffee", e.Description, StringComparison.Ordinal);
        Assert.Contains("so the line must be folded", e.Description, StringComparison.Ordinal);
        Assert.Equal("CONFIRMED", e.Status);
        // In the organisation's time zone, which the file describes with its daylight-saving rules.
        Assert.Contains("DTSTART;TZID=America/Chicago:" + start.ToString("yyyyMMdd'T'HHmmss", System.Globalization.CultureInfo.InvariantCulture), ics, StringComparison.Ordinal);
        Assert.Contains("BEGIN:VTIMEZONE\r\nTZID:America/Chicago", ics, StringComparison.Ordinal);
        Assert.Contains("BEGIN:DAYLIGHT", ics, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sending_the_agenda_emails_each_attendee_with_the_calendar_file()
    {
        using var api = await app.ApiAsync(TestData.Manager);
        var id = await PlanAsync(api, "Agenda mail meeting", LocalNow.Date.AddDays(20).AddHours(10));
        var sent = await api.PostAsync($"/api/v1/meetings/{id}/send-agenda", null);
        Assert.Equal(2, (await sent.JsonAsync()).GetProperty("sentTo").GetInt32()); // Rita and Sam both have email addresses.

        var mails = (await app.DeliverAsync()).Where(m => m.Contains("Subject: Agenda: Agenda mail meeting", StringComparison.Ordinal)).ToList();
        Assert.Equal(["rita@revenue.gov", "sam@provider.gov"], mails.Select(m => Mail.To(m).Address).Order().ToArray());
        var mail = mails[0];
        Assert.Contains("Content-Type: text/calendar", mail, StringComparison.Ordinal);
        Assert.Contains("Welcome, introductions; and coffee", Mail.Decode(mail), StringComparison.Ordinal);
        var meeting = await api.GetJsonAsync($"/api/v1/meetings/{id}");
        Assert.True(meeting.TryGetProperty("agendaSentAt", out _));
    }

    [Fact]
    public async Task The_agenda_mail_is_an_invitation_with_html_a_link_and_a_message_id_and_a_change_or_cancellation_follows_it()
    {
        using var api = await app.ApiAsync(TestData.Manager);
        var start = LocalNow.Date.AddDays(21).AddHours(9);
        var id = await PlanAsync(api, "Invitation meeting", start);
        (await api.PostAsync($"/api/v1/meetings/{id}/send-agenda", null)).EnsureSuccessStatusCode();
        var agenda = Mail.Parse((await app.DeliverAsync()).Single(m => m.Contains("Subject: Agenda: Invitation meeting", StringComparison.Ordinal) && Mail.To(m).Address == "rita@revenue.gov"));
        Assert.Matches(@"^liaison\.\d+\.[0-9a-f]+@localhost$", agenda.MessageId);
        var html = agenda.HtmlBody;
        Assert.NotNull(html);
        Assert.Contains("<li>Welcome, introductions; and coffee</li>", html, StringComparison.Ordinal);
        var link = $"https://localhost/Meetings/Details/{id}"; // the public URL the tests configure, not the request's host
        Assert.Contains($"href=\"{link}\"", html, StringComparison.Ordinal);
        Assert.Contains(link, agenda.TextBody, StringComparison.Ordinal);
        var invitation = await ICalendar.ParseAsync(Ics(agenda));
        Assert.Equal("REQUEST", invitation.Method);
        var e = Assert.Single(invitation.Events);
        Assert.Equal($"meeting-{id}@localhost", e.Uid);
        Assert.Equal(link, e.Url);
        Assert.Equal("mailto:liaison@localhost", e.Organizer);
        Assert.Equal(["mailto:rita@revenue.gov", "mailto:sam@provider.gov"], e.Attendees!.Select(a => a.Address).Order().ToArray());
        Assert.Contains(e.Attendees!, a => a.Name == "Rita Revenue");

        // The same meeting, downloaded, is published: same UID, no attendees.
        var download = await ICalendar.ParseAsync(await (await api.GetAsync($"/api/v1/meetings/{id}/ics")).Content.ReadAsStringAsync());
        Assert.Equal("PUBLISH", download.Method);
        Assert.Equal(e.Uid, download.Events.Single().Uid);
        Assert.Empty(download.Events.Single().Attendees!);

        // A new time after the agenda went out: an update, same UID, a higher SEQUENCE.
        var current = await api.GetJsonAsync($"/api/v1/meetings/{id}");
        var moved = await api.PutAsJsonAsync($"/api/v1/meetings/{id}", MeetingBody(current, start.AddHours(2), "Room 4-200, LaSalle Building", "Planned"));
        moved.EnsureSuccessStatusCode();
        var update = Mail.Parse((await app.DeliverAsync()).Single(m => m.Contains("Subject: Changed: Invitation meeting", StringComparison.Ordinal) && Mail.To(m).Address == "rita@revenue.gov"));
        var updated = await ICalendar.ParseAsync(Ics(update));
        Assert.Equal("REQUEST", updated.Method);
        Assert.Equal(e.Uid, updated.Events.Single().Uid);
        Assert.True(updated.Events.Single().Sequence > e.Sequence);
        Assert.NotEqual(agenda.MessageId, update.MessageId);

        // Minutes or a title change only: nobody is mailed.
        current = await api.GetJsonAsync($"/api/v1/meetings/{id}");
        (await api.PutAsJsonAsync($"/api/v1/meetings/{id}", MeetingBody(current, start.AddHours(2), "Room 4-200, LaSalle Building", "Planned", title: "Invitation meeting, renamed"))).EnsureSuccessStatusCode();
        Assert.DoesNotContain(await app.DeliverAsync(), m => m.Contains("renamed", StringComparison.Ordinal));

        // Cancelled: METHOD:CANCEL with the same UID, and a higher SEQUENCE still.
        current = await api.GetJsonAsync($"/api/v1/meetings/{id}");
        (await api.PutAsJsonAsync($"/api/v1/meetings/{id}", MeetingBody(current, start.AddHours(2), "Room 4-200, LaSalle Building", "Cancelled"))).EnsureSuccessStatusCode();
        var cancellation = Mail.Parse((await app.DeliverAsync()).Single(m => m.Contains("Subject: Cancelled: Invitation meeting", StringComparison.Ordinal) && Mail.To(m).Address == "sam@provider.gov"));
        var cancelled = await ICalendar.ParseAsync(Ics(cancellation));
        Assert.Equal("CANCEL", cancelled.Method);
        Assert.Equal("CANCELLED", cancelled.Events.Single().Status);
        Assert.Equal(e.Uid, cancelled.Events.Single().Uid);
        Assert.True(cancelled.Events.Single().Sequence > updated.Events.Single().Sequence);
    }

    [Fact]
    public async Task After_the_agenda_went_out_someone_taken_off_gets_a_cancellation_and_someone_added_the_invitation()
    {
        using var api = await app.ApiAsync(TestData.Manager);
        var start = LocalNow.Date.AddDays(22).AddHours(10);
        var id = await PlanAsync(api, "Attendees change meeting", start);
        (await api.PostAsync($"/api/v1/meetings/{id}/send-agenda", null)).EnsureSuccessStatusCode();
        var sent = await app.DeliverAsync();
        var agenda = Mail.Parse(sent.Single(m => m.Contains("Subject: Agenda: Attendees change meeting", StringComparison.Ordinal) && Mail.To(m).Address == "rita@revenue.gov"));
        var uid = (await ICalendar.ParseAsync(Ics(agenda))).Events.Single().Uid;

        // Rita is taken off; nothing else changes.
        var current = await api.GetJsonAsync($"/api/v1/meetings/{id}");
        var body = MeetingBody(current, start, "Room 4-200, LaSalle Building", "Planned");
        var withoutRita = System.Text.Json.JsonSerializer.SerializeToNode(body)!.AsObject();
        withoutRita["attendeeIds"] = new System.Text.Json.Nodes.JsonArray(app.Ids.StaffPerson);
        (await api.PutAsJsonAsync($"/api/v1/meetings/{id}", withoutRita)).EnsureSuccessStatusCode();
        var after = await app.DeliverAsync();
        var off = Mail.Parse(after.Single(m => m.Contains("Subject: No longer expected: Attendees change meeting", StringComparison.Ordinal)));
        Assert.Equal("rita@revenue.gov", off.To.Mailboxes.Single().Address);
        var cancel = await ICalendar.ParseAsync(Ics(off));
        Assert.Equal("CANCEL", cancel.Method);
        Assert.Equal(uid, cancel.Events.Single().Uid);
        // Sam, still invited, hears nothing: the meeting has not changed for him.
        Assert.DoesNotContain(after.Except(sent), m => Mail.To(m).Address == "sam@provider.gov" && m.Contains("Attendees change meeting", StringComparison.Ordinal));

        // Rita is invited again: she gets the invitation.
        current = await api.GetJsonAsync($"/api/v1/meetings/{id}");
        var withRita = System.Text.Json.JsonSerializer.SerializeToNode(MeetingBody(current, start, "Room 4-200, LaSalle Building", "Planned"))!.AsObject();
        withRita["attendeeIds"] = new System.Text.Json.Nodes.JsonArray(app.Ids.StaffPerson, app.Ids.RevenueContact);
        (await api.PutAsJsonAsync($"/api/v1/meetings/{id}", withRita)).EnsureSuccessStatusCode();
        var again = (await app.DeliverAsync()).Except(after)
            .Where(m => m.Contains("Subject: Agenda: Attendees change meeting", StringComparison.Ordinal)).ToList();
        Assert.Equal("rita@revenue.gov", Mail.To(Assert.Single(again)).Address);
        Assert.Equal("REQUEST", (await ICalendar.ParseAsync(Ics(Mail.Parse(again[0])))).Method);
    }

    [Fact]
    public async Task Plan_a_meeting_from_an_agencys_page_arrives_with_that_agency_chosen_and_the_manager_invited()
    {
        using var manager = await app.SignedInAsync(TestData.Manager);
        var agencyPage = await manager.GetAsync($"/Agencies/Details/{app.Ids.Revenue}");
        var plan = agencyPage.Document.QuerySelectorAll("a").Single(a => a.TextContent.Trim() == "Plan a meeting").GetAttribute("href")!;
        var form = await manager.GetAsync(plan);
        var chosen = form.Document.QuerySelectorAll("main p").Select(p => Page.Normalize(p.TextContent)).Single(t => t.StartsWith("With ", StringComparison.Ordinal));
        Assert.StartsWith("With Department of Revenue", chosen, StringComparison.Ordinal);
        var invited = form.Document.QuerySelectorAll("input[name='Input.AttendeeIds']:checked").Select(i => i.GetAttribute("value")).ToList();
        Assert.Equal([app.Ids.StaffPerson.ToString(System.Globalization.CultureInfo.InvariantCulture)], invited);

        // Likewise an interaction records the manager among those present, and an action item is theirs unless changed.
        var interaction = await manager.GetAsync($"/Interactions/Create?agencyId={app.Ids.Revenue}");
        Assert.Equal([app.Ids.StaffPerson.ToString(System.Globalization.CultureInfo.InvariantCulture)],
            interaction.Document.QuerySelectorAll("input[name='Input.AttendeeIds']:checked").Select(i => i.GetAttribute("value")).ToList());
        var action = await manager.GetAsync($"/ActionItems/Create?agencyId={app.Ids.Revenue}");
        Assert.Equal(app.Ids.StaffPerson.ToString(System.Globalization.CultureInfo.InvariantCulture),
            action.Document.QuerySelector("select[name='Input.OwnerPersonId'] option:checked")?.GetAttribute("value"));
    }

    [Fact]
    public async Task A_meeting_changed_before_its_agenda_went_out_mails_nobody()
    {
        using var api = await app.ApiAsync(TestData.Manager);
        var start = LocalNow.Date.AddDays(25).AddHours(9);
        var id = await PlanAsync(api, "Quiet change meeting", start);
        var current = await api.GetJsonAsync($"/api/v1/meetings/{id}");
        (await api.PutAsJsonAsync($"/api/v1/meetings/{id}", MeetingBody(current, start.AddHours(1), "Elsewhere", "Planned"))).EnsureSuccessStatusCode();
        Assert.DoesNotContain(await app.DeliverAsync(), m => m.Contains("Quiet change meeting", StringComparison.Ordinal));
    }

    private static string Ics(MimeKit.MimeMessage message) =>
        message.Attachments.OfType<MimeKit.MimePart>().Single(p => p.ContentType.MimeType == "text/calendar") is { } part
            ? new StreamReader(DecodedContent(part)).ReadToEnd()
            : "";

    private static MemoryStream DecodedContent(MimeKit.MimePart part)
    {
        var stream = new MemoryStream();
        part.Content!.DecodeTo(stream);
        stream.Position = 0;
        return stream;
    }

    private object MeetingBody(System.Text.Json.JsonElement current, DateTime localStart, string location, string status, string? title = null) => new
    {
        title = title ?? current.GetProperty("title").GetString(),
        kind = current.GetProperty("kind").GetString(),
        startsAt = localStart.ToString("yyyy-MM-ddTHH:mm:ss"),
        endsAt = localStart.AddHours(1).ToString("yyyy-MM-ddTHH:mm:ss"),
        location,
        status,
        agencyIds = current.GetProperty("agencies").EnumerateArray().Select(a => a.GetProperty("id").GetInt32()).ToArray(),
        attendeeIds = current.GetProperty("attendees").EnumerateArray().Select(a => a.GetProperty("personId").GetInt32()).ToArray(),
        agenda = string.Join("\n", current.GetProperty("agenda").EnumerateArray().Select(a => a.GetString())),
        version = current.GetProperty("version").GetInt32(),
    };

    [Fact]
    public async Task The_agenda_goes_out_by_itself_two_days_before()
    {
        using var api = await app.ApiAsync(TestData.Manager);
        var soon = await PlanAsync(api, "Soon meeting", LocalNow.AddHours(30));
        var later = await PlanAsync(api, "Later meeting", LocalNow.AddDays(9));
        await app.Services.GetRequiredService<AgendaMailer>().SendDueAgendasAsync(CancellationToken.None);
        Assert.NotNull(await app.WithDbAsync(db => db.Meetings.Where(m => m.Id == soon).Select(m => m.AgendaSentAt).SingleAsync()));
        Assert.Null(await app.WithDbAsync(db => db.Meetings.Where(m => m.Id == later).Select(m => m.AgendaSentAt).SingleAsync()));
    }

    [Fact]
    public async Task A_private_calendar_feed_lists_my_meetings_and_due_actions_until_revoked()
    {
        using var api = await app.ApiAsync(TestData.Manager);
        var meeting = await PlanAsync(api, "Feed meeting", LocalNow.Date.AddDays(3).AddHours(14));
        (await api.PostAsJsonAsync("/api/v1/action-items", new { agencyId = app.Ids.Revenue, title = "Feed action", ownerPersonId = app.Ids.StaffPerson, dueOn = DateOnly.FromDateTime(LocalNow).AddDays(4).ToString("yyyy-MM-dd") })).EnsureSuccessStatusCode();

        using var session = await app.SignedInAsync(TestData.Manager);
        var profile = await session.GetAsync("/Account/Profile");
        var created = await session.SubmitAsync(profile, formSelector: "form[action*='CalendarFeed']");
        var url = new Uri(created.Document.GetElementById("calendar-url")!.TextContent.Trim());
        Assert.Matches(FeedPattern(), url.AbsolutePath);

        using var anonymous = app.Anonymous();
        var feed = await anonymous.GetAsync(url.PathAndQuery);
        Assert.Equal("text/calendar", feed.Content.Headers.ContentType!.MediaType);
        var parsed = await ICalendar.ParseAsync(await feed.Content.ReadAsStringAsync());
        Assert.Equal("Liaison — Mona Manager", parsed.Name);
        Assert.Contains(parsed.Events, e => e.Uid == $"meeting-{meeting}@localhost" && e.Summary == "Feed meeting");
        var due = Assert.Single(parsed.Events, e => e.Summary.StartsWith("Due: Feed action", StringComparison.Ordinal));
        Assert.True(due.AllDay);
        // Action items' UIDs follow the meetings' scheme: the public host, not a fixed "@liaison".
        Assert.Matches(@"^action-\d+@localhost$", due.Uid);
        Assert.Matches(@"^https://localhost/ActionItems/Details/\d+$", due.Url);
        Assert.Equal("mailto:liaison@localhost", parsed.Events.Single(e => e.Uid == $"meeting-{meeting}@localhost").Organizer);

        var again = await session.GetAsync("/Account/Profile");
        var revoked = await session.SubmitAsync(again, formSelector: "form[action*='RevokeCalendarFeed']");
        Assert.Contains("no longer works", revoked.Text, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync(url.PathAndQuery)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync("/calendar/lia_guessing.ics")).StatusCode);
    }

    [Fact]
    public async Task An_agency_user_sees_and_closes_only_the_action_items_assigned_to_them()
    {
        using var manager = await app.ApiAsync(TestData.Manager);
        var theirs = (await manager.PostAsJsonAsync("/api/v1/action-items", new { agencyId = app.Ids.Revenue, title = "Send the application list", ownerPersonId = app.Ids.RevenueContact })).Id();
        var ours = (await manager.PostAsJsonAsync("/api/v1/action-items", new { agencyId = app.Ids.Revenue, title = "Draft the cutover plan", ownerPersonId = app.Ids.StaffPerson })).Id();

        using var agency = await app.SignedInAsync(TestData.RevenueUser);
        var list = await agency.GetAsync("/ActionItems");
        Assert.Contains("Send the application list", list.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Draft the cutover plan", list.Text, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await agency.GetAsync($"/ActionItems/Details/{ours}")).Status);

        var item = await agency.GetAsync($"/ActionItems/Details/{theirs}");
        Assert.Null(item.Document.QuerySelector("a[href^='/ActionItems/Edit']"));
        var closed = await agency.SubmitAsync(item, formSelector: "form[action*='Close']");
        Assert.Contains("is done", closed.Text, StringComparison.Ordinal);
        Assert.Contains("Done on", closed.Text, StringComparison.Ordinal);

        using var agencyApi = await app.ApiAsync(TestData.RevenueUser);
        Assert.Equal(HttpStatusCode.NotFound, (await agencyApi.PostAsync($"/api/v1/action-items/{ours}/close", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await agencyApi.PutJsonAsync($"/api/v1/action-items/{theirs}", new { agencyId = app.Ids.Revenue, title = "Renamed", ownerPersonId = app.Ids.RevenueContact }, "\"2\"")).StatusCode);
    }

    [Fact]
    public async Task Late_action_items_and_meetings_appear_on_my_work()
    {
        using var api = await app.ApiAsync(TestData.Manager);
        var yesterday = DateOnly.FromDateTime(LocalNow).AddDays(-1).ToString("yyyy-MM-dd");
        (await api.PostAsJsonAsync("/api/v1/action-items", new { agencyId = app.Ids.Revenue, title = "Overdue promise", ownerPersonId = app.Ids.StaffPerson, dueOn = yesterday })).EnsureSuccessStatusCode();
        await PlanAsync(api, "This week's program meeting", LocalNow.Date.AddDays(2).AddHours(11));

        using var session = await app.SignedInAsync(TestData.Manager);
        var work = await session.GetAsync("/MyWork");
        var actions = Page.Normalize(work.Document.QuerySelector("section[aria-label='Action items due']")!.TextContent);
        Assert.Contains("Late Overdue promise", actions, StringComparison.Ordinal);
        Assert.Contains("This week's program meeting", work.Document.QuerySelector("section[aria-label='Upcoming meetings']")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Held_help_desk_sessions_and_steering_committees_count_toward_the_quarters_targets()
    {
        using var api = await app.ApiAsync(TestData.Admin);
        var start = LocalNow.AddHours(-3);
        var id = await PlanAsync(api, "Help desk live: MFA", start, "HelpDeskLive", [app.Ids.Revenue, app.Ids.Health], [app.Ids.RevenueContact, app.Ids.HealthContact]);
        var before = (await api.GetJsonAsync("/api/v1/engagement?quarters=1"))[0];
        var meeting = await api.GetJsonAsync($"/api/v1/meetings/{id}");
        var held = await api.PutJsonAsync($"/api/v1/meetings/{id}", new
        {
            title = "Help desk live: MFA",
            kind = "HelpDeskLive",
            status = "Held",
            startsAt = start.ToString("yyyy-MM-ddTHH:mm:ss"),
            endsAt = start.AddHours(1).ToString("yyyy-MM-ddTHH:mm:ss"),
            agencyIds = new[] { app.Ids.Revenue, app.Ids.Health },
            attendeeIds = new[] { app.Ids.RevenueContact, app.Ids.HealthContact },
            attendedIds = new[] { app.Ids.RevenueContact, app.Ids.HealthContact },
            minutes = "Walked through MFA set-up.",
        }, $"\"{meeting.GetProperty("version").GetInt32()}\"");
        Assert.Equal(HttpStatusCode.OK, held.StatusCode);

        var after = (await api.GetJsonAsync("/api/v1/engagement?quarters=1"))[0];
        Assert.Equal(before.GetProperty("helpDeskLiveSessions").GetInt32() + 1, after.GetProperty("helpDeskLiveSessions").GetInt32());
        Assert.True(after.GetProperty("helpDeskLiveParticipants").GetInt32() >= 2);
        Assert.True(after.GetProperty("helpDeskLiveAgencies").GetInt32() >= 2);
        Assert.True(after.GetProperty("meetsHelpDesk").GetBoolean());

        using var session = await app.SignedInAsync(TestData.Executive);
        var page = await session.GetAsync("/Meetings/Engagement");
        Assert.Contains("Target met", page.Document.QuerySelector("tbody tr:last-child")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_meeting_cannot_end_before_it_starts_nor_be_held_before_it_starts()
    {
        using var api = await app.ApiAsync(TestData.Manager);
        var start = LocalNow.AddDays(3);
        var response = await api.PostAsJsonAsync("/api/v1/meetings", new
        {
            title = "Backwards",
            kind = "Other",
            status = "Held",
            agencyIds = new[] { app.Ids.Revenue },
            startsAt = start.ToString("yyyy-MM-ddTHH:mm:ss"),
            endsAt = start.AddHours(-1).ToString("yyyy-MM-ddTHH:mm:ss"),
        });
        var errors = (await response.JsonAsync()).GetProperty("errors");
        Assert.Equal("The meeting must end after it starts.", errors.GetProperty("endsAt")[0].GetString());
        Assert.Equal("A meeting can be recorded as held once it has started.", errors.GetProperty("status")[0].GetString());
    }

    [GeneratedRegex("^/calendar/lia_[A-Za-z0-9_-]{40,}\\.ics$")]
    private static partial Regex FeedPattern();
}
