using Liaison.Web.Platform.Data;

namespace Liaison.BrowserTests;

/// <summary>What a page looks like at the two widths people use: a 1280 px laptop and a 375 px phone.</summary>
/// <remarks>On the demo data, whose names, tables and header are as long as a real state's.</remarks>
[Collection("Browser")]
public sealed class LayoutTests(BrowserFixture browser, DemoSite site)
{
    private static readonly string[] ListPages =
    [
        "/", "/Scoreboard", "/Agencies", "/People", "/Meetings?when=all", "/Interactions", "/ActionItems", "/MyWork", "/Portfolio", "/Portfolio/Health",
        "/QuickWins", "/QuickWins/Summary", "/Coverage", "/Meetings/Engagement", "/Users", "/Audit",
    ];

    /// <summary>The list pages, and the pages of the agencies with the most on them (the demo's first and the one the issue names).</summary>
    private async Task<List<string>> PagesAsync(Microsoft.Playwright.IPage page)
    {
        var pages = new List<string>(ListPages);
        foreach (var search in new[] { "", "Children", "Revenue" })
        {
            await page.GotoAsync($"/Agencies?search={search}");
            var links = page.Locator("tbody a[href^='/Agencies/Details/']");
            if (await links.CountAsync() > 0)
                pages.Add((await links.First.GetAttributeAsync("href"))!);
        }
        return pages;
    }

    [Theory]
    [InlineData("admin@demo.test")]
    [InlineData("arm@demo.test")]
    public async Task At_1280_px_the_header_keeps_its_items_on_one_line_and_no_filter_bar_clips_its_boxes(string email)
    {
        var page = await browser.NewPageOnAsync(site.BaseUrl, email, DatabaseStartup.DemoPassword, width: 1280, height: 900);
        foreach (var url in await PagesAsync(page))
        {
            await page.GotoAsync(url);
            var navTops = await page.EvaluateAsync<double[]>(
                "[...document.querySelectorAll('.usa-nav__primary > li')].map(li => Math.round(li.getBoundingClientRect().top))");
            Assert.True(navTops.Distinct().Count() == 1, $"{url} as {email}: the header's items wrap onto {navTops.Distinct().Count()} lines");
            var wrapped = await page.EvaluateAsync<string[]>(
                "[...document.querySelectorAll('.usa-nav__primary > li > a > span, .usa-nav__primary > li > button > span')]" +
                ".filter(span => { const r = document.createRange(); r.selectNodeContents(span); " +
                "return new Set([...r.getClientRects()].map(rect => Math.round(rect.top))).size > 1; }).map(span => span.textContent)");
            Assert.True(wrapped.Length == 0, $"{url} as {email}: header items on two lines: {string.Join(", ", wrapped)}");
            var clipped = await ClippedFilterControlsAsync(page);
            Assert.True(clipped.Length == 0, $"{url}: the filter bar clips {string.Join(", ", clipped)}");
            Assert.False(await page.ScrollsSidewaysAsync(), $"{url} scrolls sideways at 1280 px");
        }
        await page.Context.CloseAsync();
    }

    [Theory]
    [InlineData("admin@demo.test")]
    [InlineData("arm@demo.test")]
    [InlineData("agency@demo.test")]
    public async Task At_375_px_no_page_scrolls_sideways_wide_tables_scroll_in_their_own_box(string email)
    {
        var page = await browser.NewPageOnAsync(site.BaseUrl, email, DatabaseStartup.DemoPassword, width: 375, height: 740);
        foreach (var url in await PagesAsync(page))
        {
            await page.GotoAsync(url);
            Assert.False(await page.ScrollsSidewaysAsync(), $"{url} as {email} is wider than a 375 px phone");
            var clipped = await ClippedFilterControlsAsync(page);
            Assert.True(clipped.Length == 0, $"{url}: at 375 px the filter bar clips {string.Join(", ", clipped)}");
        }
        await page.Context.CloseAsync();
    }

    /// <summary>The filter bars' fields and buttons that stick out of their bar (cut off, or under the next element).</summary>
    private static Task<string[]> ClippedFilterControlsAsync(Microsoft.Playwright.IPage page) => page.EvaluateAsync<string[]>(
        """
        [...document.querySelectorAll('.liaison-filters')].flatMap(bar => {
            const edge = bar.getBoundingClientRect().right;
            return [...bar.querySelectorAll('input, select, button')]
                .filter(control => control.getBoundingClientRect().right > edge + 1)
                .map(control => control.id || control.name || control.textContent);
        })
        """);
}
