using System.Text.RegularExpressions;
using Liaison.Tests.Infrastructure;
using Microsoft.Playwright;

namespace Liaison.BrowserTests;

/// <summary>Faster entry in the browser: several action items on a meeting, a comment, a saved view; by keyboard, checked by axe.</summary>
[Collection("Browser")]
public sealed partial class EntryTests(BrowserFixture browser)
{
    [Theory]
    [InlineData(1280)]
    [InlineData(375)]
    public async Task A_manager_writes_two_action_items_on_the_meeting_page_picks_an_owner_by_keyboard_and_both_are_listed(int width)
    {
        var page = await browser.NewPageAsync(TestData.Manager, width: width, height: 800);
        await page.GotoAsync($"/Meetings/Create?Input.AgencyIds={browser.App.Ids.Revenue}");
        await page.GetByLabel("Title").FillAsync($"Rows meeting at {width} px");
        await page.GetByRole(AriaRole.Button, new() { Name = "Plan meeting" }).ClickAsync();
        await page.WaitForURLAsync("**/Meetings/Details/*");

        var rows = page.Locator("#add-actions");
        await rows.GetByLabel("What is to be done (item 1)").FillAsync($"Send the licence count ({width})");
        await rows.GetByLabel("What is to be done (item 2)").FillAsync($"Book the network survey ({width})");
        var owner = rows.GetByRole(AriaRole.Combobox, new() { Name = "Find owner of item 2" });
        await owner.FocusAsync();
        await page.Keyboard.TypeAsync("rit");
        await Assertions.Expect(page.GetByRole(AriaRole.Option, new() { NameRegex = RitaRevenue() })).ToBeVisibleAsync();
        await page.ExpectAccessibleAsync();
        await page.Keyboard.PressAsync("Enter");
        Assert.False(await page.ScrollsSidewaysAsync(), "the meeting page scrolls sideways");
        await rows.GetByRole(AriaRole.Button, new() { Name = "Add these action items" }).FocusAsync();
        await page.Keyboard.PressAsync("Enter");

        await Assertions.Expect(page.GetByText("2 action items have been added.")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync($"Send the licence count ({width})");
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync($"Book the network survey ({width})");
        await Assertions.Expect(page.GetByRole(AriaRole.Row, new() { NameRegex = new Regex($"Book the network survey \\({width}\\).*Rita Revenue") })).ToBeVisibleAsync();
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task A_manager_saves_a_filtered_list_as_a_view_and_opens_it_again_from_the_menu()
    {
        var page = await browser.NewPageAsync(TestData.Manager, width: 375, height: 800);
        await page.GotoAsync("/ActionItems?status=all&sort=agency");
        var menu = page.Locator(".liaison-saved-views");
        await menu.Locator("summary").ClickAsync();
        await menu.GetByLabel("Save this view as").FillAsync("Everything by agency");
        await page.ExpectAccessibleAsync();
        Assert.False(await page.ScrollsSidewaysAsync(), "the open menu makes the page scroll sideways");
        await menu.GetByRole(AriaRole.Button, new() { Name = "Save this view" }).ClickAsync();
        await Assertions.Expect(page.GetByText("Saved as “Everything by agency”")).ToBeVisibleAsync();

        await page.GotoAsync("/ActionItems");
        await menu.Locator("summary").ClickAsync();
        await menu.GetByRole(AriaRole.Link, new() { Name = "Everything by agency" }).ClickAsync();
        await page.WaitForURLAsync("**/ActionItems?status=all&sort=agency");
        await page.Context.CloseAsync();
    }

    [GeneratedRegex("^Rita Revenue")]
    private static partial Regex RitaRevenue();
}
