using System.Net.Http.Json;
using Liaison.Tests.Infrastructure;
using Microsoft.Playwright;

namespace Liaison.BrowserTests;

/// <summary>The bell in the header, by keyboard alone, at a laptop's width and a phone's, checked by axe.</summary>
[Collection("Browser")]
public sealed class NotificationBellTests(BrowserFixture browser)
{
    [Theory]
    [InlineData(1280)]
    [InlineData(375)]
    public async Task An_agency_user_hears_the_bell_opens_the_notification_and_lands_on_the_action_item(int width)
    {
        var title = $"Bell check at {width} px";
        using (var api = await browser.App.ApiAsync(TestData.Manager))
        {
            (await api.PostAsJsonAsync("/api/v1/action-items", new { agencyId = browser.App.Ids.Revenue, title, ownerPersonId = browser.App.Ids.RevenueContact }))
                .EnsureSuccessStatusCode();
        }
        var page = await browser.NewPageAsync(TestData.RevenueUser, width: width, height: 800);
        await page.GotoAsync("/ActionItems");
        var bell = page.GetByRole(AriaRole.Link, new() { NameRegex = new System.Text.RegularExpressions.Regex("^Notifications, [0-9]+ unread$") });
        await Assertions.Expect(bell).ToBeVisibleAsync();
        Assert.False(await page.ScrollsSidewaysAsync(), "the header scrolls sideways");
        await bell.FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForURLAsync("**/Notifications");
        await page.ExpectAccessibleAsync();
        var item = page.Locator(".liaison-notification--unread a", new() { HasText = title });
        await item.FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForURLAsync("**/ActionItems/Details/*");
        await Assertions.Expect(page.Locator("h1")).ToContainTextAsync(title);

        await page.GotoAsync("/Notifications?unread=true");
        await Assertions.Expect(page.Locator("main")).Not.ToContainTextAsync(title);
        await page.ExpectAccessibleAsync();
        await page.Context.CloseAsync();
    }
}
