using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Liaison.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Liaison.Tests.Features.Relationships;

/// <summary>
/// Comments on an action item: the agency contact who owns it answers on it, its managers hear of it; "@First Last" tells
/// that person; nobody comments on, or reads, an item they cannot see.
/// </summary>
public sealed class ActionItemCommentTests(LiaisonApp app) : IClassFixture<LiaisonApp>
{
    private static async Task<List<JsonElement>> NotificationsAsync(HttpClient api) =>
        (await api.GetJsonAsync("/api/v1/notifications?pageSize=200")).GetProperty("page").GetProperty("items").EnumerateArray().ToList();

    private async Task<int> AddAsync(HttpClient api, string title, int owner) =>
        (await api.PostAsJsonAsync("/api/v1/action-items", new { agencyId = app.Ids.Revenue, title, ownerPersonId = owner })).Id();

    [Fact]
    public async Task The_agency_contact_who_owns_an_item_comments_on_its_page_and_the_manager_is_told()
    {
        using var manager = await app.ApiAsync(TestData.Manager);
        var id = await AddAsync(manager, "Comment A: send the licence count", app.Ids.RevenueContact);

        using var session = await app.SignedInAsync(TestData.RevenueUser);
        var page = await session.GetAsync($"/ActionItems/Details/{id}");
        Assert.Contains("No comments yet.", page.Text, StringComparison.Ordinal);
        var empty = await session.SubmitAsync(page, new Dictionary<string, object?> { ["CommentText"] = "   " }, "form#add-comment");
        Assert.Equal("Write the comment.", empty.FieldError("CommentText"));

        var done = await session.SubmitAsync(page, new Dictionary<string, object?> { ["CommentText"] = "Sent on Monday; 212 seats.\nWaiting on finance." }, "form#add-comment");
        Assert.Contains("Your comment has been added.", done.Text, StringComparison.Ordinal);
        var shown = done.Document.QuerySelector(".liaison-comment")!;
        Assert.Contains("Rhea Revenue (LDR)", shown.TextContent, StringComparison.Ordinal);
        Assert.Contains("212 seats.\nWaiting on finance.", shown.TextContent, StringComparison.Ordinal);

        // The primary manager hears of it, with a link to the comment.
        var told = (await NotificationsAsync(manager)).Single(n => n.GetProperty("title").GetString()!.Contains("Comment A", StringComparison.Ordinal)
            && n.GetProperty("kind").GetString() == "action-comment");
        Assert.StartsWith("Rhea Revenue commented on", told.GetProperty("title").GetString(), StringComparison.Ordinal);
        Assert.StartsWith($"/ActionItems/Details/{id}#comment-", told.GetProperty("link").GetString(), StringComparison.Ordinal);

        // Through the API, the same comment; and in the item's history.
        var comments = (await manager.GetJsonAsync($"/api/v1/action-items/{id}/comments")).EnumerateArray().ToList();
        Assert.True(Assert.Single(comments).GetProperty("byAgency").GetBoolean());
        var audited = await app.WithDbAsync(db => db.AuditEntries.CountAsync(e => e.RecordType == "ActionItem"
            && e.RecordId == id.ToString(CultureInfo.InvariantCulture) && e.Changes.Contains("Sent on Monday")));
        Assert.Equal(1, audited);
    }

    [Fact]
    public async Task A_mention_tells_the_person_named_when_they_can_see_the_item()
    {
        using var manager = await app.ApiAsync(TestData.Manager);
        using var revenue = await app.ApiAsync(TestData.RevenueUser);
        using var health = await app.ApiAsync(TestData.HealthUser);
        var id = await AddAsync(manager, "Comment B: confirm the cut-over", app.Ids.RevenueContact);

        var response = await manager.PostAsJsonAsync($"/api/v1/action-items/{id}/comments", new { text = "@rita revenue can you confirm Friday? cc @Hank Health" });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var mention = (await NotificationsAsync(revenue)).Where(n => n.GetProperty("title").GetString()!.Contains("Comment B", StringComparison.Ordinal)).ToList();
        Assert.Contains(mention, n => n.GetProperty("kind").GetString() == "mention"
            && n.GetProperty("title").GetString()!.StartsWith("Mona Manager mentioned you on", StringComparison.Ordinal));
        Assert.DoesNotContain(mention, n => n.GetProperty("kind").GetString() == "action-comment"); // told once, as the one named
        // Hank is an agency user of another agency: he cannot see the item, so he is told nothing of it.
        Assert.DoesNotContain(await NotificationsAsync(health), n => n.GetProperty("title").GetString()!.Contains("Comment B", StringComparison.Ordinal));
        // Nobody is told of their own comment.
        Assert.DoesNotContain(await NotificationsAsync(manager), n => n.GetProperty("title").GetString()!.Contains("Comment B", StringComparison.Ordinal)
            && n.GetProperty("kind").GetString() is "mention" or "action-comment");
    }

    [Fact]
    public async Task Nobody_reads_or_writes_comments_on_an_item_they_cannot_see_and_a_comment_has_a_length()
    {
        using var manager = await app.ApiAsync(TestData.Manager);
        var staffItem = await AddAsync(manager, "Comment C: internal", app.Ids.StaffPerson);
        await manager.PostAsJsonAsync($"/api/v1/action-items/{staffItem}/comments", new { text = "Internal remark" });
        using var revenue = await app.ApiAsync(TestData.RevenueUser);
        using var health = await app.ApiAsync(TestData.HealthUser);
        // The Revenue user does not own it: not there for them, comments included.
        Assert.Equal(HttpStatusCode.NotFound, (await revenue.GetAsync($"/api/v1/action-items/{staffItem}/comments")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await revenue.PostAsJsonAsync($"/api/v1/action-items/{staffItem}/comments", new { text = "hello" })).StatusCode);
        var theirs = await AddAsync(manager, "Comment C: theirs", app.Ids.RevenueContact);
        Assert.Equal(HttpStatusCode.NotFound, (await health.PostAsJsonAsync($"/api/v1/action-items/{theirs}/comments", new { text = "hello" })).StatusCode);
        // The executive sees every item but edits none: reads, does not write.
        using var executive = await app.ApiAsync(TestData.Executive);
        Assert.Equal(HttpStatusCode.OK, (await executive.GetAsync($"/api/v1/action-items/{staffItem}/comments")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await executive.PostAsJsonAsync($"/api/v1/action-items/{staffItem}/comments", new { text = "hello" })).StatusCode);

        var tooLong = await manager.PostAsJsonAsync($"/api/v1/action-items/{theirs}/comments", new { text = new string('x', 2001) });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, tooLong.StatusCode);
        Assert.True((await tooLong.JsonAsync()).GetProperty("errors").TryGetProperty("text", out _));
        Assert.Empty((await manager.GetJsonAsync($"/api/v1/action-items/{theirs}/comments")).EnumerateArray());
    }
}
