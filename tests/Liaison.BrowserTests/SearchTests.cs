using Liaison.Web.Platform.Data;
using Microsoft.Playwright;

namespace Liaison.BrowserTests;

/// <summary>The header's search box by keyboard alone, at a laptop's width and a phone's, checked by axe.</summary>
[Collection("Browser")]
public sealed class SearchTests(BrowserFixture browser, DemoSite site)
{
    [Theory]
    [InlineData(1280)]
    [InlineData(375)]
    public async Task A_manager_types_in_the_header_box_presses_enter_and_opens_a_result(int width)
    {
        var page = await browser.NewPageOnAsync(site.BaseUrl, "arm@demo.test", DatabaseStartup.DemoPassword, width: width, height: 800);
        await page.GotoAsync("/MyWork");
        var box = page.GetByRole(AriaRole.Searchbox, new() { Name = "Search agencies, people and records" });
        await box.FocusAsync();
        await page.Keyboard.TypeAsync("children fam");
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForURLAsync("**/Search?q=children+fam");
        var result = page.Locator(".liaison-results a", new() { HasText = "Department of Children & Family Services" });
        await Assertions.Expect(result).ToBeVisibleAsync();
        await Assertions.Expect(box).ToHaveValueAsync("children fam");
        await page.ExpectAccessibleAsync();
        Assert.False(await page.ScrollsSidewaysAsync(), "the results page scrolls sideways");
        // Focus and key press in one step: the link is focused and Enter pressed on it, so nothing that runs in between
        // (a late script, the axe run's clean-up) can take the focus first.
        await result.PressAsync("Enter");
        await page.WaitForURLAsync("**/Agencies/Details/*");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("Children");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task An_agency_user_finds_nothing_of_another_agency()
    {
        var page = await browser.NewPageOnAsync(site.BaseUrl, "agency@demo.test", DatabaseStartup.DemoPassword);
        await page.GotoAsync("/Search?q=department");
        var titles = await page.Locator(".liaison-results a").AllTextContentsAsync();
        Assert.NotEmpty(titles);
        Assert.Single(titles, t => t.StartsWith("Department of", StringComparison.Ordinal) && t.Contains('(', StringComparison.Ordinal));
        await page.ExpectAccessibleAsync();
        await page.Context.CloseAsync();
    }
}
