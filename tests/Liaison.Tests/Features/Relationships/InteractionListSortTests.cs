using Liaison.Tests.Infrastructure;

namespace Liaison.Tests.Features.Relationships;

/// <summary>
/// The interaction log runs newest first, and its Date header says so (it said "sorted ascending", issue 11); selecting
/// it reverses the order, and the header follows.
/// </summary>
public sealed class InteractionListSortTests(LiaisonApp app) : IClassFixture<LiaisonApp>
{
    [Fact]
    public async Task The_date_header_says_the_order_the_list_is_in()
    {
        var session = await app.SignedInAsync(TestData.Admin);
        var list = await session.GetAsync("/Interactions");
        var date = list.Document.QuerySelector("th[aria-sort]")!;
        Assert.Equal("descending", date.GetAttribute("aria-sort"));
        Assert.Contains("(sorted descending)", date.TextContent, StringComparison.Ordinal);

        var link = date.QuerySelector("a.liaison-sort")!.GetAttribute("href")!;
        Assert.Contains("desc=false", link, StringComparison.Ordinal);
        var reversed = await session.GetAsync(link);
        Assert.Equal("ascending", reversed.Document.QuerySelector("th[aria-sort]")!.GetAttribute("aria-sort"));
        Assert.Contains("desc=true", reversed.Document.QuerySelector("th[aria-sort] a.liaison-sort")!.GetAttribute("href")!, StringComparison.Ordinal);
    }
}
