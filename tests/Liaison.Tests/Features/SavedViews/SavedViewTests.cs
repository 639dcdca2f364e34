using System.Net;
using System.Net.Http.Json;
using Liaison.Tests.Infrastructure;

namespace Liaison.Tests.Features.SavedViews;

/// <summary>A list's filters and sort saved under a name, found again in the list's menu; each user's own.</summary>
public sealed class SavedViewTests(LiaisonApp app) : IClassFixture<LiaisonApp>
{
    [Fact]
    public async Task A_manager_saves_the_filtered_sorted_list_and_opens_it_again_from_the_menu()
    {
        using var session = await app.SignedInAsync(TestData.Manager);
        var list = await session.GetAsync("/ActionItems?status=all&due=late&sort=agency&desc=true&page=2");
        Assert.Contains("None yet.", list.Document.QuerySelector(".liaison-saved-views")!.TextContent, StringComparison.Ordinal);

        var saved = await session.SubmitAsync(list, new Dictionary<string, object?> { ["ViewName"] = "Late, by agency" }, "form.liaison-saved-views__save");
        Assert.Equal(HttpStatusCode.OK, saved.Status);
        Assert.Contains("Saved as “Late, by agency”", saved.Text, StringComparison.Ordinal);
        // Back on the list as saved: the filters and sort, not the page it was on.
        Assert.EndsWith("/ActionItems?status=all&due=late&sort=agency&desc=true", saved.Url, StringComparison.Ordinal);

        var plain = await session.GetAsync("/ActionItems");
        var link = plain.Document.QuerySelectorAll(".liaison-saved-views a").Single(a => a.TextContent == "Late, by agency");
        Assert.Equal("/ActionItems?status=all&due=late&sort=agency&desc=true", link.GetAttribute("href"));
        Assert.Contains("Saved views (1)", plain.Document.QuerySelector(".liaison-saved-views summary")!.TextContent, StringComparison.Ordinal);
        // Another list has its own views.
        Assert.Contains("None yet.", (await session.GetAsync("/Meetings")).Document.QuerySelector(".liaison-saved-views")!.TextContent, StringComparison.Ordinal);

        // Saving under the same name replaces the view.
        var other = await session.GetAsync("/ActionItems?status=open&sort=owner");
        await session.SubmitAsync(other, new Dictionary<string, object?> { ["ViewName"] = "Late, by agency" }, "form.liaison-saved-views__save");
        using var api = await app.ApiAsync(TestData.Manager);
        var views = (await api.GetJsonAsync("/api/v1/me/saved-views?list=/ActionItems")).EnumerateArray().ToList();
        Assert.Equal("status=open&sort=owner", Assert.Single(views).GetProperty("query").GetString());

        // Deleted from the menu, gone.
        var again = await session.GetAsync("/ActionItems");
        var deleted = await session.SubmitAsync(again, formSelector: ".liaison-saved-views li form");
        Assert.Contains("has been deleted", deleted.Text, StringComparison.Ordinal);
        Assert.Empty((await api.GetJsonAsync("/api/v1/me/saved-views")).EnumerateArray());
    }

    [Fact]
    public async Task A_view_is_its_owner_s_alone_and_leads_only_to_a_page_of_liaison()
    {
        using var manager = await app.ApiAsync(TestData.Manager);
        using var executive = await app.ApiAsync(TestData.Executive);
        var created = await manager.PostAsJsonAsync("/api/v1/me/saved-views", new { list = "/Portfolio", name = "Off track", query = "?health=OffTrack&page=3&handler=Export" });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var view = await created.JsonAsync();
        Assert.Equal("/Portfolio?health=OffTrack", view.GetProperty("link").GetString());
        var id = view.GetProperty("id").GetInt32();

        Assert.Empty((await executive.GetJsonAsync("/api/v1/me/saved-views")).EnumerateArray());
        Assert.Equal(HttpStatusCode.NotFound, (await executive.DeleteAsync($"/api/v1/me/saved-views/{id}")).StatusCode);

        foreach (var list in new[] { "https://evil.example/x", "//evil.example", "/\\evil", "", "javascript:alert(1)" })
        {
            var refused = await manager.PostAsJsonAsync("/api/v1/me/saved-views", new { list, name = "Bad", query = "" });
            Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
            Assert.True((await refused.JsonAsync()).GetProperty("errors").TryGetProperty("list", out _), list);
        }
        var unnamed = await manager.PostAsJsonAsync("/api/v1/me/saved-views", new { list = "/Portfolio", name = " ", query = "" });
        Assert.True((await unnamed.JsonAsync()).GetProperty("errors").TryGetProperty("name", out _));
        var huge = await manager.PostAsJsonAsync("/api/v1/me/saved-views", new { list = "/Portfolio", name = "Huge", query = "search=" + new string('x', 2000) });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, huge.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await manager.DeleteAsync($"/api/v1/me/saved-views/{id}")).StatusCode);
    }
}
