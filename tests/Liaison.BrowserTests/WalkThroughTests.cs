using Liaison.Tests.Infrastructure;
using Microsoft.Playwright;

namespace Liaison.BrowserTests;

/// <summary>What a user does in a real browser, with axe-core checking every page they see.</summary>
[Collection("Browser")]
public sealed class WalkThroughTests(BrowserFixture browser)
{
    private BrowserApp App => browser.App;

    [Fact]
    public async Task Sign_in_and_reach_the_home_page()
    {
        var page = await browser.NewPageAsync();
        await page.GotoAsync("/Agencies");
        Assert.Contains("/Account/Login", page.Url, StringComparison.Ordinal);
        await page.ExpectAccessibleAsync();

        await page.GetByLabel("Email address").FillAsync(TestData.Executive);
        await page.GetByLabel("Password").FillAsync(TestData.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await page.WaitForURLAsync("**/Agencies");
        Assert.Equal("Agencies", await page.Locator("h1").InnerTextAsync());
        await page.ExpectAccessibleAsync();
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Create_an_agency_through_the_navigation()
    {
        var page = await browser.NewPageAsync(TestData.Admin);
        await page.GetByRole(AriaRole.Link, new() { Name = "Agencies", Exact = true }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Add an agency" }).ClickAsync();
        await page.ExpectAccessibleAsync();

        await page.GetByLabel("Name *", new() { Exact = true }).FillAsync("Louisiana Lottery Corporation");
        await page.GetByLabel("Acronym").FillAsync("llc");
        // USWDS draws the checkbox on its label; the input itself sits off-screen, so a user clicks the label.
        await page.Locator("label.usa-checkbox__label", new() { HasText = "GIS" }).ClickAsync();
        await Assertions.Expect(page.GetByLabel("GIS")).ToBeCheckedAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Add agency" }).ClickAsync();

        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Louisiana Lottery Corporation");
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("has been added");
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("LLC");
        await page.ExpectAccessibleAsync();
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Meet_a_validation_error_and_correct_it()
    {
        var page = await browser.NewPageAsync(TestData.Admin);
        await page.GotoAsync("/Agencies/Create");
        await page.GetByLabel("Website").FillAsync("not a website");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add agency" }).ClickAsync();

        var summary = page.Locator("[data-error-summary]");
        await Assertions.Expect(summary).ToBeFocusedAsync();
        await Assertions.Expect(summary).ToContainTextAsync("Enter the agency's name.");
        await Assertions.Expect(page.Locator("#Input_Name-error")).ToHaveTextAsync("Enter the agency's name.");
        await Assertions.Expect(page.Locator("#Input_Name")).ToHaveAttributeAsync("aria-invalid", "true");
        await page.ExpectAccessibleAsync();

        // The summary's link takes the user to the field.
        await summary.GetByRole(AriaRole.Link, new() { Name = "Enter the agency's name." }).ClickAsync();
        await page.Keyboard.TypeAsync("Board of Ethics");
        await page.GetByLabel("Website").FillAsync("https://ethics.example.gov");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add agency" }).ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Board of Ethics");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Edit_a_person()
    {
        var page = await browser.NewPageAsync(TestData.Manager);
        await page.GetByRole(AriaRole.Link, new() { Name = "People", Exact = true }).ClickAsync();
        await page.GetByLabel("Search name, email or title").FillAsync("Rita");
        await page.GetByRole(AriaRole.Button, new() { Name = "Apply filters" }).ClickAsync();
        await page.ExpectAccessibleAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Revenue, Rita" }).ClickAsync();
        await page.ExpectAccessibleAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Edit", Exact = true }).ClickAsync();
        await page.ExpectAccessibleAsync();

        await page.GetByLabel("Job title").FillAsync("Chief Information Officer");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save changes" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("have been saved");
        await Assertions.Expect(page.Locator(".liaison-facts")).ToContainTextAsync("Chief Information Officer");
        await Assertions.Expect(page.Locator(".liaison-history")).ToContainTextAsync("Title: CIO → Chief Information Officer");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Meet_an_edit_conflict()
    {
        var first = await browser.NewPageAsync(TestData.Admin);
        var second = await browser.NewPageAsync(TestData.Manager);
        await first.GotoAsync($"/Agencies/Edit/{App.Ids.Revenue}");
        await second.GotoAsync($"/Agencies/Edit/{App.Ids.Revenue}");

        await first.GetByLabel("Main phone").FillAsync("(225) 555-1000");
        await first.GetByRole(AriaRole.Button, new() { Name = "Save changes" }).ClickAsync();
        await Assertions.Expect(first.GetByRole(AriaRole.Status)).ToContainTextAsync("have been saved");

        await second.GetByLabel("Main phone").FillAsync("(225) 555-2000");
        await second.GetByRole(AriaRole.Button, new() { Name = "Save changes" }).ClickAsync();
        var conflict = second.Locator(".liaison-conflict");
        await Assertions.Expect(conflict).ToContainTextAsync("Someone else changed this record while you were editing");
        await Assertions.Expect(conflict.Locator("tbody")).ToContainTextAsync("(225) 555-1000");
        await Assertions.Expect(second.GetByLabel("Main phone")).ToHaveValueAsync("(225) 555-2000");
        await second.ExpectAccessibleAsync();
        await first.Context.CloseAsync();
        await second.Context.CloseAsync();
    }
}
