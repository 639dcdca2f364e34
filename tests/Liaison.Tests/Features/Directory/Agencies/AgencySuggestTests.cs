using System.Net;
using System.Text.Json;
using Liaison.Tests.Infrastructure;

namespace Liaison.Tests.Features.Directory.Agencies;

/// <summary>The agency picker's answers: by the beginnings of words of name, acronym or department, under the access rule.</summary>
public sealed class AgencySuggestTests(LiaisonApp app) : IClassFixture<LiaisonApp>
{
    private static List<string?> Names(JsonElement found) => found.EnumerateArray().Select(a => a.GetProperty("name").GetString()).ToList();

    [Fact]
    public async Task A_manager_finds_an_agency_by_a_few_letters_of_its_name_or_acronym()
    {
        using var manager = await app.ApiAsync(TestData.Manager);
        Assert.Equal(["Department of Revenue"], Names(await manager.GetJsonAsync("/api/v1/agencies/suggest?q=rev")));
        Assert.Equal(["Department of Revenue"], Names(await manager.GetJsonAsync("/api/v1/agencies/suggest?q=ldr")));
        Assert.Equal(["Department of Health", "Department of Revenue"], Names(await manager.GetJsonAsync("/api/v1/agencies/suggest?q=dep+of")));
        var revenue = (await manager.GetJsonAsync("/api/v1/agencies/suggest?q=revenue"))[0];
        Assert.Equal(app.Ids.Revenue, revenue.GetProperty("id").GetInt32());
        Assert.Equal("LDR", revenue.GetProperty("detail").GetString());
        // What is typed is text: % and _ are not wildcards; nothing typed, nothing offered.
        Assert.Empty(Names(await manager.GetJsonAsync("/api/v1/agencies/suggest?q=%25")));
        Assert.Empty(Names(await manager.GetJsonAsync("/api/v1/agencies/suggest?q=")));
        Assert.Single(Names(await manager.GetJsonAsync("/api/v1/agencies/suggest?q=dep&limit=1")));
    }

    [Fact]
    public async Task An_agency_user_is_offered_only_their_own_agency_and_the_browser_asks_with_its_cookie()
    {
        using var health = await app.ApiAsync(TestData.HealthUser);
        Assert.Empty(Names(await health.GetJsonAsync("/api/v1/agencies/suggest?q=rev")));
        Assert.Equal(["Department of Health"], Names(await health.GetJsonAsync("/api/v1/agencies/suggest?q=dep")));

        using var session = await app.SignedInAsync(TestData.Manager);
        var answer = await session.GetAsync("/Agencies/Suggest?q=hea");
        Assert.Equal(HttpStatusCode.OK, answer.Status);
        Assert.Contains("Department of Health", answer.Html, StringComparison.Ordinal);
    }
}
