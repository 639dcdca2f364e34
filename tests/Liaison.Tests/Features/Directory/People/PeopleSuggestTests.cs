using System.Net;
using System.Text.Json;
using Liaison.Tests.Infrastructure;

namespace Liaison.Tests.Features.Directory.People;

/// <summary>The people pickers' server side: the beginnings of words, staff and/or chosen agencies' contacts, under the access rule.</summary>
public sealed class PeopleSuggestTests(LiaisonApp app) : IClassFixture<LiaisonApp>
{
    private static List<string> Names(JsonElement answer) => answer.EnumerateArray().Select(p => p.GetProperty("name").GetString()!).ToList();

    [Fact]
    public async Task Staff_and_the_chosen_agencies_contacts_are_found_by_the_beginnings_of_their_words()
    {
        using var manager = await app.ApiAsync(TestData.Manager);
        Assert.Equal(["Rita Revenue"], Names(await manager.GetJsonAsync($"/api/v1/people/suggest?q=rit&agencyId={app.Ids.Revenue}")));
        Assert.Equal(["Rita Revenue"], Names(await manager.GetJsonAsync($"/api/v1/people/suggest?q=revenue+ri&agencyId={app.Ids.Revenue}")));
        // Another agency's contact is not offered for Revenue's meeting; staff are when asked for.
        Assert.Empty(Names(await manager.GetJsonAsync($"/api/v1/people/suggest?q=hank&agencyId={app.Ids.Revenue}")));
        Assert.Equal(["Sam Staff"], Names(await manager.GetJsonAsync($"/api/v1/people/suggest?q=sa&staff=true&agencyId={app.Ids.Revenue}")));
        Assert.Empty(Names(await manager.GetJsonAsync("/api/v1/people/suggest?q=rita&staff=true")));
        // The middle of a word is not a beginning.
        Assert.Empty(Names(await manager.GetJsonAsync($"/api/v1/people/suggest?q=ita&agencyId={app.Ids.Revenue}")));
        var detail = (await manager.GetJsonAsync($"/api/v1/people/suggest?q=rita&agencyId={app.Ids.Revenue}"))[0].GetProperty("detail").GetString();
        Assert.Equal("CIO, LDR", detail);
    }

    [Fact]
    public async Task An_agency_user_is_offered_nobody_of_another_agency_and_hostile_words_answer_nothing_not_an_error()
    {
        using var health = await app.ApiAsync(TestData.HealthUser);
        Assert.Empty(Names(await health.GetJsonAsync($"/api/v1/people/suggest?q=rita&agencyId={app.Ids.Revenue}")));
        Assert.Empty(Names(await health.GetJsonAsync("/api/v1/people/suggest?q=rita")));
        Assert.Equal(["Hank Health"], Names(await health.GetJsonAsync("/api/v1/people/suggest?q=hank")));

        using var manager = await app.ApiAsync(TestData.Manager);
        foreach (var q in new[] { "%", "_a", "' OR 1=1 --", new string('x', 5000), "\"*\"", string.Join(' ', Enumerable.Repeat("ri", 300)) })
        {
            var response = await manager.GetAsync($"/api/v1/people/suggest?q={Uri.EscapeDataString(q)}&limit=999");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.True((await response.JsonAsync()).GetArrayLength() <= 25);
        }
        // A wildcard typed is a character looked for, not "anything".
        Assert.Empty(Names(await manager.GetJsonAsync("/api/v1/people/suggest?q=%25")));
        Assert.Empty(Names(await manager.GetJsonAsync("/api/v1/people/suggest?q=_")));
        // The signed-in browser's endpoint answers the same, and nobody else.
        var page = await app.SignedInAsync(TestData.Manager);
        var json = await page.Client.GetStringAsync($"/People/Suggest?q=rit&agencyId={app.Ids.Revenue}");
        Assert.Contains("Rita Revenue", json, StringComparison.Ordinal);
        Assert.NotEqual(HttpStatusCode.OK, (await app.Session().Client.GetAsync("/People/Suggest?q=rit")).StatusCode);
    }
}
