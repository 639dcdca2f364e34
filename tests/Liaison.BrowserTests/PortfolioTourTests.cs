using System.Text;
using Liaison.Tests.Infrastructure;
using Microsoft.Playwright;

namespace Liaison.BrowserTests;

/// <summary>The portfolio and quick wins pages in a real browser, with axe-core on every one.</summary>
[Collection("Browser")]
public sealed class PortfolioTourTests(BrowserFixture browser)
{
    [Fact]
    public async Task A_manager_adds_an_initiative_updates_it_and_every_portfolio_page_passes_axe()
    {
        var page = await browser.NewPageAsync(TestData.Manager);
        await page.GotoAsync("/Portfolio/Edit");
        await page.ExpectAccessibleAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Add initiative" }).ClickAsync();
        await Assertions.Expect(page.Locator(".usa-error-message").First).ToContainTextAsync("Give the initiative a name.");
        await page.Locator("#Input_Name").FillAsync("Browser-tested migration");
        // The agency is a type-ahead: a few letters, the arrow keys, Enter.
        await page.GetByRole(AriaRole.Combobox, new() { Name = "Find an agency" }).FocusAsync();
        await page.Keyboard.TypeAsync("revenue");
        await Assertions.Expect(page.GetByRole(AriaRole.Option, new() { Name = "Department of Revenue LDR" })).ToBeVisibleAsync();
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.Locator("#Input_AgencyId")).ToHaveValueAsync(browser.App.Ids.Revenue.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await page.GetByRole(AriaRole.Button, new() { Name = "Add initiative" }).ClickAsync();
        await Assertions.Expect(page.Locator(".usa-alert--success")).ToContainTextAsync("has been added");
        await Assertions.Expect(page.Locator("h1")).ToContainTextAsync("Stale");
        await page.ExpectAccessibleAsync();

        await page.GetByRole(AriaRole.Link, new() { Name = "Add a status update" }).ClickAsync();
        await page.ExpectAccessibleAsync();
        await page.Locator("#Input_StatusOverview").FillAsync("Servers racked; cutover planned for March.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add the update" }).ClickAsync();
        await Assertions.Expect(page.Locator("section[aria-labelledby='updates-heading']")).ToContainTextAsync("Servers racked");
        await Assertions.Expect(page.Locator("h1")).Not.ToContainTextAsync("Stale");
        await page.GetByRole(AriaRole.Link, new() { Name = "Correct this update" }).ClickAsync();
        await page.ExpectAccessibleAsync();

        foreach (var url in new[] { "/Portfolio", "/Portfolio?state=stale", "/Portfolio/Form", "/Portfolio/Health", "/Portfolio/Import", "/QuickWins", "/QuickWins/Edit", "/QuickWins/Summary", "/QuickWins/Import" })
        {
            await page.GotoAsync(url);
            await page.ExpectAccessibleAsync();
        }
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task An_import_with_unfamiliar_headers_is_previewed_remapped_and_imported()
    {
        var page = await browser.NewPageAsync(TestData.Manager);
        await page.GotoAsync("/Portfolio/Import");
        await page.Locator("input[type=file]").SetInputFilesAsync(new FilePayload
        {
            Name = "portfolio.csv",
            MimeType = "text/csv",
            Buffer = Encoding.UTF8.GetBytes("Scheme,Dept,Status\r\nRemapped import,LDR,Under way\r\n"),
        });
        await page.GetByRole(AriaRole.Button, new() { Name = "Preview the import" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("Initiative name");
        await page.ExpectAccessibleAsync();
        await page.GetByLabel("Initiative name (required)").SelectOptionAsync("Scheme");
        await page.GetByLabel("Agency (required)").SelectOptionAsync("Dept");
        await page.GetByRole(AriaRole.Button, new() { Name = "Preview again with these columns" }).ClickAsync();
        await Assertions.Expect(page.Locator(".usa-alert--success")).ToContainTextAsync("1 will be added");
        await page.ExpectAccessibleAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Import 1 rows" }).ClickAsync();
        await Assertions.Expect(page.Locator(".usa-alert--success")).ToContainTextAsync("1 initiatives added");
        await Assertions.Expect(page.Locator("table")).ToContainTextAsync("Remapped import");
        await page.Context.CloseAsync();
    }
}
