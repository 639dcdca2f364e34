using Liaison.Web.Platform.Data;
using Microsoft.Playwright;

namespace Liaison.BrowserTests;

/// <summary>
/// Charts are drawn by Chart.js (served from wwwroot/lib, no CDN) from the table of figures beside them, under the
/// content security policy as it is; the table stays for screen readers and print.
/// </summary>
[Collection("Browser")]
public sealed class ChartTests(BrowserFixture browser, DemoSite site)
{
    public static TheoryData<string, string, int> Charts => new()
    {
        // page, the table's caption (start), the series drawn (targets included)
        { "/Scoreboard", "Agencies needing attention per signal", 13 }, // ten signals, and the surveys' satisfaction, NPS and follow-ups
        { "/Portfolio/Health", "Saved monthly reviews", 4 },
        { "/Meetings/Engagement", "Engagement per quarter", 5 },
        { "/QuickWins/Summary", "Quick wins by month", 1 },
    };

    [Theory]
    [MemberData(nameof(Charts))]
    public async Task A_chart_is_drawn_from_its_table_which_stays_for_screen_readers_and_print(string url, string caption, int series)
    {
        var page = await browser.NewPageOnAsync(site.BaseUrl, "cio@demo.test", DatabaseStartup.DemoPassword);
        var problems = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Type is "error" or "warning")
                problems.Add(message.Text);
        };
        page.PageError += (_, error) => problems.Add(error);
        await page.GotoAsync(url);

        var table = page.Locator("table[data-chart]").Filter(new() { Has = page.Locator($"caption:text-matches('^{caption}')") });
        await Assertions.Expect(table).ToHaveCountAsync(1);
        var canvas = page.Locator(".liaison-chart canvas").First;
        await Assertions.Expect(canvas).ToBeVisibleAsync();
        Assert.StartsWith(caption, await canvas.GetAttributeAsync("aria-label"), StringComparison.Ordinal);

        // What Chart.js drew: one label per row of the table, the series the table marks, the figures it holds.
        var drawn = await canvas.EvaluateAsync<DrawnChart>(
            "c => { const chart = Chart.getChart(c); return { labels: chart.data.labels.length, series: chart.data.datasets.length, " +
            "first: chart.data.datasets[0].data.map(v => v === null ? -1 : v) }; }");
        var rows = await table.Locator("tbody tr").CountAsync();
        Assert.Equal(rows, drawn.Labels);
        Assert.Equal(series, drawn.Series);
        var firstColumn = await table.Locator("tbody tr").EvaluateAllAsync<double[]>(
            "rows => rows.map(r => parseFloat(r.querySelector('td[data-value]').getAttribute('data-value')))");
        Assert.Equal(firstColumn, drawn.First);
        var box = await canvas.BoundingBoxAsync();
        Assert.True(box is { Width: > 200, Height: > 100 }, $"the chart is {box?.Width} × {box?.Height}");

        await page.ExpectAccessibleAsync();
        // Printed, the chart and its table are both there.
        await page.EmulateMediaAsync(new() { Media = Media.Print });
        await Assertions.Expect(canvas).ToBeVisibleAsync();
        await Assertions.Expect(table).ToBeVisibleAsync();
        Assert.True(problems.Count == 0, "the console reported: " + string.Join("\n", problems));
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task On_a_phone_a_chart_fits_the_screen()
    {
        var page = await browser.NewPageOnAsync(site.BaseUrl, "cio@demo.test", DatabaseStartup.DemoPassword, width: 375, height: 740);
        await page.GotoAsync("/Portfolio/Health");
        var box = await page.Locator(".liaison-chart canvas").First.BoundingBoxAsync();
        Assert.True(box is { Width: <= 375 }, $"the chart is {box?.Width} px wide");
        await page.Context.CloseAsync();
    }

    private sealed class DrawnChart
    {
        public int Labels { get; set; }

        public int Series { get; set; }

        public double[] First { get; set; } = [];
    }
}
