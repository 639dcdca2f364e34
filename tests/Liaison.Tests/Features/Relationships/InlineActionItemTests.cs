using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using Liaison.Tests.Infrastructure;
using Liaison.Web.Features.Relationships.ActionItems;
using Microsoft.EntityFrameworkCore;

namespace Liaison.Tests.Features.Relationships;

/// <summary>Several action items written down on a meeting or an interaction in one step: all saved, or none.</summary>
public sealed class InlineActionItemTests(LiaisonApp app) : IClassFixture<LiaisonApp>
{
    private async Task<int> PlanAsync(HttpClient api, string title)
    {
        var start = DateTime.UtcNow.AddDays(4);
        var response = await api.PostAsJsonAsync("/api/v1/meetings", new
        {
            title,
            kind = "MonthlyProgram",
            startsAt = start.ToString("yyyy-MM-ddTHH:mm:ss", CultureInfo.InvariantCulture),
            endsAt = start.AddHours(1).ToString("yyyy-MM-ddTHH:mm:ss", CultureInfo.InvariantCulture),
            agencyIds = new[] { app.Ids.Revenue },
        });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return response.Id();
    }

    private async Task<int> RecordAsync(HttpClient api, string subject)
    {
        var response = await api.PostAsJsonAsync("/api/v1/interactions", new
        {
            agencyId = app.Ids.Revenue,
            occurredOn = DateTime.UtcNow.AddDays(-1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            kind = "Call",
            subject,
        });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return response.Id();
    }

    private Task<List<(string Title, int Owner, int? Meeting, int? Interaction)>> ItemsAsync(string prefix) =>
        app.WithDbAsync(async db => (await db.ActionItems.Where(a => a.Title.StartsWith(prefix)).OrderBy(a => a.Id)
            .Select(a => new { a.Title, a.OwnerPersonId, a.MeetingId, a.InteractionId }).ToListAsync())
            .Select(a => (a.Title, a.OwnerPersonId, a.MeetingId, a.InteractionId)).ToList());

    [Fact]
    public async Task The_api_adds_the_rows_of_a_meeting_in_order_skipping_blank_ones_each_with_its_own_audit_entry()
    {
        using var api = await app.ApiAsync(TestData.Manager);
        var meeting = await PlanAsync(api, "Inline meeting");
        var response = await api.PostAsJsonAsync($"/api/v1/meetings/{meeting}/action-items", new
        {
            items = new object[]
            {
                new { title = "Inline A: send the licence count", ownerPersonId = app.Ids.RevenueContact, dueOn = "2027-01-15" },
                new { title = "", ownerPersonId = app.Ids.StaffPerson },
                new { title = "Inline A: book the network survey", ownerPersonId = app.Ids.StaffPerson },
            },
        });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var rows = (await response.JsonAsync()).EnumerateArray().ToList();
        Assert.Equal(["Inline A: send the licence count", "Inline A: book the network survey"], rows.Select(r => r.GetProperty("title").GetString()));
        Assert.Equal("Rita Revenue", rows[0].GetProperty("ownerName").GetString());

        var saved = await ItemsAsync("Inline A:");
        Assert.Equal(2, saved.Count);
        Assert.All(saved, s => Assert.Equal(meeting, s.Meeting));
        var ids = rows.Select(r => r.GetProperty("id").GetInt32().ToString(CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(2, await app.WithDbAsync(db => db.AuditEntries.CountAsync(e => e.RecordType == "ActionItem" && ids.Contains(e.RecordId))));

        // They are the meeting's: on its page, in its list.
        var listed = await api.GetJsonAsync($"/api/v1/action-items?meetingId={meeting}&status=all");
        Assert.Equal(2, listed.GetProperty("totalCount").GetInt32());
    }

    [Fact]
    public async Task One_bad_row_saves_nothing_and_the_problem_names_its_row_and_field()
    {
        using var api = await app.ApiAsync(TestData.Manager);
        var interaction = await RecordAsync(api, "Inline interaction");
        var response = await api.PostAsJsonAsync($"/api/v1/interactions/{interaction}/action-items", new
        {
            items = new object[]
            {
                new { title = "Inline B: fine", ownerPersonId = app.Ids.StaffPerson },
                new { title = "Inline B: owned by another agency's contact", ownerPersonId = app.Ids.HealthContact },
                new { title = "", dueOn = "2027-02-01", ownerPersonId = app.Ids.StaffPerson },
            },
        });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var errors = (await response.JsonAsync()).GetProperty("errors");
        Assert.True(errors.TryGetProperty("items[1].ownerPersonId", out _), errors.ToString());
        Assert.True(errors.TryGetProperty("items[2].title", out _), errors.ToString());
        Assert.False(errors.TryGetProperty("items[0].title", out _));
        Assert.Empty(await ItemsAsync("Inline B:"));

        var none = await api.PostAsJsonAsync($"/api/v1/interactions/{interaction}/action-items", new { items = new[] { new { title = " " } } });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, none.StatusCode);
        var tooMany = await api.PostAsJsonAsync($"/api/v1/interactions/{interaction}/action-items",
            new { items = Enumerable.Range(0, 51).Select(i => new { title = $"Inline B: {i}", ownerPersonId = app.Ids.StaffPerson }).ToArray() });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, tooMany.StatusCode);
        Assert.Empty(await ItemsAsync("Inline B:"));
    }

    [Fact]
    public async Task Nobody_adds_items_to_a_meeting_or_interaction_they_may_not_edit()
    {
        using var agency = await app.ApiAsync(TestData.RevenueUser);
        using var manager = await app.ApiAsync(TestData.Manager);
        var meeting = await PlanAsync(manager, "Inline refused meeting");
        var item = new { items = new[] { new { title = "Inline C: not allowed", ownerPersonId = app.Ids.RevenueContact } } };
        Assert.Equal(HttpStatusCode.Forbidden, (await agency.PostAsJsonAsync($"/api/v1/meetings/{meeting}/action-items", item)).StatusCode);
        // Another agency's meeting is not even there for an agency user.
        using var health = await app.ApiAsync(TestData.HealthUser);
        Assert.Equal(HttpStatusCode.NotFound, (await health.PostAsJsonAsync($"/api/v1/meetings/{meeting}/action-items", item)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await manager.PostAsJsonAsync("/api/v1/interactions/999999/action-items", item)).StatusCode);
        Assert.Empty(await ItemsAsync("Inline C:"));
    }

    [Fact]
    public async Task On_the_interaction_page_a_manager_fills_two_rows_and_sees_both_in_its_action_items()
    {
        using var api = await app.ApiAsync(TestData.Manager);
        var interaction = await RecordAsync(api, "Inline page interaction");
        using var session = await app.SignedInAsync(TestData.Manager);
        var page = await session.GetAsync($"/Interactions/Details/{interaction}");
        Assert.Equal(3, page.Document.QuerySelectorAll("#add-actions fieldset.liaison-action-row").Length);
        // The manager is the usual owner: every blank row starts with them.
        Assert.Equal(app.Ids.StaffPerson.ToString(CultureInfo.InvariantCulture),
            page.Document.QuerySelector("select[name='NewActions.Items[0].OwnerPersonId'] option[selected]")?.GetAttribute("value"));

        // A bad row: nothing saved, the error beside it, what was typed still there.
        var refused = await session.SubmitAsync(page, new Dictionary<string, object?>
        {
            ["NewActions.Items[0].Title"] = "Inline D: send the roadmap",
            ["NewActions.Items[1].Title"] = "Inline D: wrong owner",
            ["NewActions.Items[1].OwnerPersonId"] = app.Ids.HealthContact,
        }, "form#add-actions");
        Assert.Equal(HttpStatusCode.OK, refused.Status);
        Assert.Contains("The owner is a member of staff or one of this agency's contacts.",
            refused.Document.QuerySelector("#NewActions_Items_1__OwnerPersonId-error")?.TextContent, StringComparison.Ordinal);
        Assert.Equal("Inline D: send the roadmap", refused.Document.QuerySelector("input[name='NewActions.Items[0].Title']")?.GetAttribute("value"));
        Assert.Empty(await ItemsAsync("Inline D:"));

        var done = await session.SubmitAsync(refused, new Dictionary<string, object?>
        {
            ["NewActions.Items[1].OwnerPersonId"] = app.Ids.RevenueContact,
            ["NewActions.Items[1].DueOn"] = "2027-03-01",
        }, "form#add-actions");
        Assert.Contains("2 action items have been added.", done.Text, StringComparison.Ordinal);
        Assert.Contains("Inline D: send the roadmap", done.Text, StringComparison.Ordinal);
        Assert.Contains("Inline D: wrong owner", done.Text, StringComparison.Ordinal);
        var saved = await ItemsAsync("Inline D:");
        Assert.Equal([(app.Ids.StaffPerson, (int?)interaction), (app.Ids.RevenueContact, interaction)], saved.Select(s => (s.Owner, s.Interaction)));
    }

    [Fact]
    public async Task More_rows_keeps_what_was_typed()
    {
        using var api = await app.ApiAsync(TestData.Manager);
        var meeting = await PlanAsync(api, "Inline rows meeting");
        using var session = await app.SignedInAsync(TestData.Manager);
        var page = await session.GetAsync($"/Meetings/Details/{meeting}");
        var form = page.Document.QuerySelector("form#add-actions")!;
        form.SetAttribute("action", $"/Meetings/Details/{meeting}?handler=MoreActionRows");
        var more = await session.SubmitAsync(page, new Dictionary<string, object?> { ["NewActions.Items[0].Title"] = "Inline E: typed" }, "form#add-actions");
        Assert.Equal(6, more.Document.QuerySelectorAll("#add-actions fieldset.liaison-action-row").Length);
        Assert.Equal("Inline E: typed", more.Document.QuerySelector("input[name='NewActions.Items[0].Title']")?.GetAttribute("value"));
        Assert.Empty(await ItemsAsync("Inline E:"));
    }
}
