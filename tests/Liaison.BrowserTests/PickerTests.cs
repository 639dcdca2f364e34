using Liaison.Tests.Infrastructure;
using Liaison.Web.Features.Renewals;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace Liaison.BrowserTests;

/// <summary>The people and product pickers by keyboard alone, at a laptop's width and a phone's, checked by axe.</summary>
[Collection("Browser")]
public sealed class PickerTests(BrowserFixture browser)
{
    [Theory]
    [InlineData(1280)]
    [InlineData(375)]
    public async Task A_manager_types_a_name_for_an_action_items_owner_and_chooses_it_with_the_keyboard(int width)
    {
        var page = await browser.NewPageAsync(TestData.Manager, width: width, height: 800);
        await page.GotoAsync($"/ActionItems/Create?agencyId={browser.App.Ids.Revenue}");
        var title = $"Picked owner at {width} px";
        await page.GetByLabel("Action", new() { Exact = false }).First.FillAsync(title);
        var box = page.GetByRole(AriaRole.Combobox, new() { Name = "Find owner" });
        await box.FocusAsync();
        await page.Keyboard.TypeAsync("rit");
        var option = page.GetByRole(AriaRole.Listbox).GetByRole(AriaRole.Option, new() { NameRegex = new System.Text.RegularExpressions.Regex("^Rita Revenue") });
        await Assertions.Expect(option).ToBeVisibleAsync();
        await Assertions.Expect(box).ToHaveAttributeAsync("aria-expanded", "true");
        await page.ExpectAccessibleAsync();
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.Locator(".liaison-picker__current")).ToContainTextAsync("Chosen: Rita Revenue");
        await Assertions.Expect(box).ToHaveAttributeAsync("aria-expanded", "false");
        Assert.False(await page.ScrollsSidewaysAsync(), "the form scrolls sideways");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add action item" }).FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForURLAsync("**/ActionItems/Details/*");
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("Rita Revenue");
        await page.Context.CloseAsync();
    }

    [Theory]
    [InlineData(1280)]
    [InlineData(375)]
    public async Task A_manager_invites_a_contact_by_typing_removes_and_adds_again_and_the_meeting_has_them(int width)
    {
        var page = await browser.NewPageAsync(TestData.Manager, width: width, height: 800);
        await page.GotoAsync($"/Meetings/Create?Input.AgencyIds={browser.App.Ids.Revenue}");
        var title = $"Picked attendees at {width} px";
        await page.GetByLabel("Title").FillAsync(title);
        // The manager is invited already, as the usual choice.
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Remove Sam Staff" })).ToBeVisibleAsync();
        var box = page.GetByRole(AriaRole.Combobox, new() { Name = "Add to invite" });
        await box.FocusAsync();
        await page.Keyboard.TypeAsync("revenue");
        await Assertions.Expect(page.GetByRole(AriaRole.Listbox).GetByRole(AriaRole.Option).First).ToBeVisibleAsync();
        await page.Keyboard.PressAsync("ArrowDown");
        await page.Keyboard.PressAsync("ArrowUp");
        await page.Keyboard.PressAsync("Enter");
        var remove = page.GetByRole(AriaRole.Button, new() { Name = "Remove Rita Revenue" });
        await Assertions.Expect(remove).ToBeVisibleAsync();
        await page.ExpectAccessibleAsync();
        await remove.FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(remove).ToHaveCountAsync(0);
        await box.FocusAsync();
        await page.Keyboard.TypeAsync("rita");
        await Assertions.Expect(page.GetByRole(AriaRole.Listbox).GetByRole(AriaRole.Option, new() { NameRegex = new System.Text.RegularExpressions.Regex("^Rita Revenue") })).ToBeVisibleAsync();
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(remove).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Plan meeting" }).FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForURLAsync("**/Meetings/Details/*");
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("Rita Revenue");
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("Sam Staff");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task A_manager_logs_a_renewal_choosing_the_product_by_typing_part_of_the_vendors_name()
    {
        await browser.App.WithDbAsync(async db =>
        {
            if (!await db.Vendors.AnyAsync(v => v.Name == "Acadiana Imaging"))
            {
                db.Vendors.Add(new Liaison.Web.Features.Renewals.Vendors.Vendor { Name = "Acadiana Imaging", Products = [new() { Name = "Scanners" }] });
                await db.SaveChangesAsync();
            }
        });
        var page = await browser.NewPageAsync(TestData.Manager, width: 375, height: 800);
        await page.GotoAsync($"/Renewals/Edit?agencyId={browser.App.Ids.Revenue}");
        var box = page.GetByRole(AriaRole.Combobox, new() { Name = "Product" });
        await box.FocusAsync();
        await page.Keyboard.TypeAsync("acadiana scan");
        await Assertions.Expect(page.GetByRole(AriaRole.Listbox).GetByRole(AriaRole.Option, new() { Name = "Acadiana Imaging — Scanners" })).ToBeVisibleAsync();
        await page.ExpectAccessibleAsync();
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.Locator(".liaison-picker__current").First).ToHaveTextAsync("Chosen: Acadiana Imaging — Scanners");
        await page.GetByRole(AriaRole.Button, new() { Name = "Log renewal" }).FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForURLAsync("**/Renewals/Details/*");
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("Scanners");
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("Acadiana Imaging");
        await page.Context.CloseAsync();
    }
}
