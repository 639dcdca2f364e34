using System.Text.RegularExpressions;
using Liaison.Tests.Infrastructure;

namespace Liaison.BrowserTests;

/// <summary>Liaison with its demo data: every table has rows (initiatives, quick wins, meetings, action items, contacts on and off cadence).</summary>
public sealed class DemoSite : LiaisonApp
{
    protected override bool ServeOnKestrel => true;

    protected override bool Seed => false;

    protected override IEnumerable<(string Key, string Value)> Settings => [("Demo:Enabled", "true")];
}

/// <summary>
/// For each role, a crawler starts at the home page, follows every link it finds on Liaison's own pages (the navigation,
/// tables, tabs, forms' cancel links) and runs axe on each kind of page it reaches, on the demo data, so a page nobody
/// listed by hand is checked too. A link a role is shown must open: no 404, 403 or 500 behind any link.
/// </summary>
[Collection("Browser")]
public sealed partial class CrawlerTests(BrowserFixture browser, DemoSite site)
{
    /// <summary>Links that do something other than show a page: files, feeds, the API, signing out.</summary>
    [GeneratedRegex(@"^/(api|openapi|calendar|lib|css|js)\b|[?&](format|handler)=|\.ics$|/Logout\b|/Export\b", RegexOptions.IgnoreCase)]
    private static partial Regex NotAPage();

    [GeneratedRegex(@"/\d+")]
    private static partial Regex Ids();

    /// <summary>
    /// A kind of page: its path with ids blanked. A list sorted, filtered or paged otherwise is the same page with other
    /// rows (the hand-written tours visit the states that differ).
    /// </summary>
    private static string Kind(Uri url) => Ids().Replace(url.AbsolutePath, "/#").TrimEnd('/').ToLowerInvariant();

    [Theory]
    [InlineData("admin@demo.test")]
    [InlineData("cio@demo.test")]
    [InlineData("arm@demo.test")]
    [InlineData("pm@demo.test")]
    [InlineData("agency@demo.test")]
    public async Task Every_page_a_role_can_reach_opens_and_passes_axe(string email)
    {
        var page = await browser.NewPageOnAsync(site.BaseUrl, email, Liaison.Web.Platform.Data.DatabaseStartup.DemoPassword);
        var origin = new Uri(site.BaseUrl);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var queue = new Queue<(string Url, string From)>([("/", "sign-in")]);
        var visited = 0;
        var problems = new List<string>();
        while (queue.Count > 0 && visited < 150)
        {
            var (url, from) = queue.Dequeue();
            var response = await page.GotoAsync(url);
            visited++;
            if (response is null || response.Status >= 400)
            {
                problems.Add($"{url} (linked from {from}) answered {response?.Status}");
                continue;
            }
            await page.ExpectAccessibleAsync();
            var hrefs = await page.Locator("a[href]").EvaluateAllAsync<string[]>("links => links.map(a => a.href)");
            foreach (var href in hrefs)
            {
                if (!Uri.TryCreate(href, UriKind.Absolute, out var target) || target.Authority != origin.Authority)
                    continue;
                var local = target.PathAndQuery;
                if (NotAPage().IsMatch(local) || !seen.Add(Kind(target)))
                    continue;
                queue.Enqueue((local, url));
            }
        }
        Console.WriteLine($"As {email}: {visited} kinds of page: {string.Join(", ", seen.Order(StringComparer.Ordinal))}");
        Assert.True(problems.Count == 0, $"As {email}, links that do not open:\n" + string.Join("\n", problems));
        Assert.True(visited >= 10, $"As {email} the crawler reached only {visited} pages.");
        await page.Context.CloseAsync();
    }
}
