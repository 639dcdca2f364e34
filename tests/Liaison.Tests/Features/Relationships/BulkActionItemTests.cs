using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using Liaison.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Liaison.Tests.Features.Relationships;

/// <summary>Closing and reassigning several action items at once: each under its own rule, each with its own audit entry.</summary>
public sealed class BulkActionItemTests(LiaisonApp app) : IClassFixture<LiaisonApp>
{
    private async Task<int> AddAsync(HttpClient api, string title) =>
        (await api.PostAsJsonAsync("/api/v1/action-items", new { agencyId = app.Ids.Revenue, title, ownerPersonId = app.Ids.RevenueContact })).Id();

    private Task<int> AuditEntriesAsync(int id) =>
        app.WithDbAsync(db => db.AuditEntries.CountAsync(e => e.RecordType == "ActionItem" && e.RecordId == id.ToString(CultureInfo.InvariantCulture)));

    [Fact]
    public async Task A_manager_closes_several_items_at_once_and_each_one_the_rule_refuses_is_reported_not_changed()
    {
        using var manager = await app.ApiAsync(TestData.Manager);
        var first = await AddAsync(manager, "Bulk close one");
        var second = await AddAsync(manager, "Bulk close two");
        var (firstAudits, secondAudits) = (await AuditEntriesAsync(first), await AuditEntriesAsync(second));

        // The Department of Health's item is not this manager's to close.
        var response = await manager.PostAsJsonAsync("/api/v1/action-items/bulk-close", new { ids = new[] { first, second, app.Ids.HealthAction, 999999 } });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var outcome = await response.JsonAsync();
        Assert.Equal(2, outcome.GetProperty("changed").GetInt32());
        var refused = outcome.GetProperty("refused").EnumerateArray().ToDictionary(r => r.GetProperty("id").GetInt32(), r => r.GetProperty("reason").GetString());
        Assert.Equal("You may not close it.", refused[app.Ids.HealthAction]);
        Assert.Equal("It does not exist, or you cannot see it.", refused[999999]);

        Assert.Equal("Done", (await manager.GetJsonAsync($"/api/v1/action-items/{first}")).GetProperty("status").GetString());
        Assert.Equal("Done", (await manager.GetJsonAsync($"/api/v1/action-items/{second}")).GetProperty("status").GetString());
        using var admin = await app.ApiAsync(TestData.Admin);
        Assert.NotEqual("Done", (await admin.GetJsonAsync($"/api/v1/action-items/{app.Ids.HealthAction}")).GetProperty("status").GetString());
        Assert.Equal(firstAudits + 1, await AuditEntriesAsync(first));
        Assert.Equal(secondAudits + 1, await AuditEntriesAsync(second));

        // Closing them again changes nothing and writes no audit entry.
        var again = await (await manager.PostAsJsonAsync("/api/v1/action-items/bulk-close", new { ids = new[] { first, second } })).JsonAsync();
        Assert.Equal(0, again.GetProperty("changed").GetInt32());
        Assert.Equal(firstAudits + 1, await AuditEntriesAsync(first));
    }

    [Fact]
    public async Task Reassigning_gives_each_item_the_new_owner_where_that_owner_may_hold_it()
    {
        using var manager = await app.ApiAsync(TestData.Manager);
        var item = await AddAsync(manager, "Bulk reassign one");
        var toStaff = await (await manager.PostAsJsonAsync("/api/v1/action-items/bulk-reassign", new { ids = new[] { item }, ownerPersonId = app.Ids.StaffPerson })).JsonAsync();
        Assert.Equal(1, toStaff.GetProperty("changed").GetInt32());
        Assert.Equal(app.Ids.StaffPerson, (await manager.GetJsonAsync($"/api/v1/action-items/{item}")).GetProperty("ownerPersonId").GetInt32());

        // A contact of another agency cannot own a Revenue item.
        var toHealth = await (await manager.PostAsJsonAsync("/api/v1/action-items/bulk-reassign", new { ids = new[] { item }, ownerPersonId = app.Ids.HealthContact })).JsonAsync();
        Assert.Equal(0, toHealth.GetProperty("changed").GetInt32());
        Assert.Equal("The new owner is not a contact of its agency.", toHealth.GetProperty("refused")[0].GetProperty("reason").GetString());

        var noOwner = await manager.PostAsJsonAsync("/api/v1/action-items/bulk-reassign", new { ids = new[] { item } });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, noOwner.StatusCode);
        var tooMany = await manager.PostAsJsonAsync("/api/v1/action-items/bulk-close", new { ids = Enumerable.Range(1, 201).ToArray() });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, tooMany.StatusCode);
        Assert.True((await tooMany.JsonAsync()).GetProperty("errors").TryGetProperty("ids", out _));

        // An agency user may close what is theirs, but reassigns nothing.
        using var agency = await app.ApiAsync(TestData.RevenueUser);
        var mine = await AddAsync(manager, "Bulk agency item");
        // (the provider's staff are not in an agency user's directory, and the item is not theirs to edit anyway)
        var refusedStaff = await agency.PostAsJsonAsync("/api/v1/action-items/bulk-reassign", new { ids = new[] { mine }, ownerPersonId = app.Ids.StaffPerson });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refusedStaff.StatusCode);
        var refused = await (await agency.PostAsJsonAsync("/api/v1/action-items/bulk-reassign", new { ids = new[] { mine }, ownerPersonId = app.Ids.RevenueContact })).JsonAsync();
        Assert.Equal("You may not edit it.", refused.GetProperty("refused")[0].GetProperty("reason").GetString());
        Assert.Equal(app.Ids.RevenueContact, (await manager.GetJsonAsync($"/api/v1/action-items/{mine}")).GetProperty("ownerPersonId").GetInt32());
        var closed = await (await agency.PostAsJsonAsync("/api/v1/action-items/bulk-close", new { ids = new[] { mine } })).JsonAsync();
        Assert.Equal(1, closed.GetProperty("changed").GetInt32());
    }

    [Fact]
    public async Task On_the_list_a_manager_ticks_items_and_closes_them_in_one_go()
    {
        using var api = await app.ApiAsync(TestData.Manager);
        var first = await AddAsync(api, "Ticked item alpha");
        var second = await AddAsync(api, "Ticked item beta");
        using var session = await app.SignedInAsync(TestData.Manager);
        var list = await session.GetAsync("/ActionItems?search=ticked");
        Assert.Equal(2, list.Document.QuerySelectorAll("input[name=ids][form=bulk-actions]").Length);
        var done = await session.SubmitAsync(list, new Dictionary<string, object?>
        {
            ["ids"] = new[] { first.ToString(CultureInfo.InvariantCulture), second.ToString(CultureInfo.InvariantCulture) },
            ["bulk"] = "close",
        }, "form#bulk-actions");
        Assert.Contains("2 action items closed.", done.Text, StringComparison.Ordinal);
        Assert.Contains("search=ticked", done.Url, StringComparison.Ordinal);
        Assert.Empty(done.Document.QuerySelectorAll("input[name=ids]"));
    }
}
