using System.Text.RegularExpressions;
using Liaison.Web.Platform.Data;
using Microsoft.Playwright;

namespace Liaison.BrowserTests;

/// <summary>What comes out of the printer, as Chromium prints it to PDF.</summary>
[Collection("Browser")]
public sealed partial class PrintTests(BrowserFixture browser, DemoSite site)
{
    [GeneratedRegex(@"/Type\s*/Page[^s]")]
    private static partial Regex PageObject();

    [GeneratedRegex(@"/MediaBox\s*\[\s*0\s+0\s+([\d.]+)\s+([\d.]+)\s*\]")]
    private static partial Regex MediaBox();

    [Fact]
    public async Task The_portfolio_form_prints_as_the_spreadsheets_landscape_table_on_few_pages()
    {
        var page = await browser.NewPageOnAsync(site.BaseUrl, "cio@demo.test", DatabaseStartup.DemoPassword);
        await page.GotoAsync("/Portfolio/Form");
        var rows = await page.Locator(".liaison-form-view article").CountAsync();
        Assert.True(rows >= 30, $"the demo has {rows} initiatives");
        await Assertions.Expect(page.Locator(".liaison-print-table")).Not.ToBeVisibleAsync();

        await page.EmulateMediaAsync(new() { Media = Media.Print });
        await Assertions.Expect(page.Locator(".liaison-print-table")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator(".liaison-form-view")).Not.ToBeVisibleAsync();
        Assert.Equal(rows, await page.Locator(".liaison-print-table tbody tr").CountAsync());

        var pdf = System.Text.Encoding.Latin1.GetString(await page.PdfAsync(new() { PreferCSSPageSize = true }));
        var pages = PageObject().Count(pdf);
        Assert.InRange(pages, 1, 6);
        var box = MediaBox().Match(pdf);
        Assert.True(box.Success, "no page size in the PDF");
        Assert.True(double.Parse(box.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)
            > double.Parse(box.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture), $"the pages are portrait: {box.Value}");
        await page.Context.CloseAsync();
    }
}
