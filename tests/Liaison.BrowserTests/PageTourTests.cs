using Liaison.Tests.Infrastructure;
using Microsoft.Playwright;

namespace Liaison.BrowserTests;

/// <summary>Every page a role can reach, checked by axe-core; keyboard-only use; a phone-sized screen; printing.</summary>
[Collection("Browser")]
public sealed class PageTourTests(BrowserFixture browser)
{
    private BrowserApp App => browser.App;

    [Fact]
    public async Task Every_page_an_administrator_reaches_passes_axe()
    {
        var page = await browser.NewPageAsync(TestData.Admin);
        var ids = App.Ids;
        var userId = await App.WithDbAsync(db => Task.FromResult(db.Users.Single(u => u.Email == TestData.Staff).Id));
        string[] urls =
        [
            "/", "/Agencies", "/Agencies?search=zzz-nothing", $"/Agencies/Details/{ids.Revenue}", $"/Agencies/Edit/{ids.Revenue}", "/Agencies/Create",
            "/People", $"/People/Details/{ids.RevenueContact}", $"/People/Edit/{ids.RevenueContact}", "/People/Create", "/People/Import",
            "/LinesOfService", $"/LinesOfService/Details/{ids.LineGis}", $"/LinesOfService/Edit/{ids.LineGis}", "/LinesOfService/Create",
            "/Units", $"/Units/Details/{ids.UnitOps}", $"/Units/Edit/{ids.UnitOps}", "/Units/Create",
            "/Users", $"/Users/Details/{userId}", $"/Users/Edit/{userId}", "/Users/Create",
            "/Settings", "/Audit", "/Account/Profile", "/Account/Security", "/No/Such/Page", $"/Agencies/Managers/{ids.Revenue}",
        ];
        foreach (var url in urls)
        {
            await page.GotoAsync(url);
            await page.ExpectAccessibleAsync();
        }

        // States that only appear after an action: an import preview with errors, two-factor set-up, a new token, a verification.
        await page.GotoAsync("/People/Import");
        await page.Locator("input[type=file]").SetInputFilesAsync(new FilePayload
        {
            Name = "people.csv",
            MimeType = "text/csv",
            Buffer = Spreadsheets.Csv("First name,Last name,Agency", "Ok,Person,LDR", ",Nameless,Nowhere"),
        });
        await page.GetByRole(AriaRole.Button, new() { Name = "Preview the import" }).ClickAsync();
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("1 of 2 rows need correcting");
        await page.ExpectAccessibleAsync();

        // The agency page's managers form, refused: the error shows on the managers page, next to the field.
        await page.GotoAsync($"/Agencies/Details/{ids.Revenue}");
        await page.GetByText("Change the relationship managers").ClickAsync();
        await page.Locator("#Managers_PrimaryUserId").SelectOptionAsync(new SelectOptionValue { Index = 1 });
        await page.Locator("#Managers_BackupUserId").SelectOptionAsync(new SelectOptionValue { Index = 1 });
        await page.GetByRole(AriaRole.Button, new() { Name = "Save managers" }).ClickAsync();
        await Assertions.Expect(page.Locator("#Managers_BackupUserId-error")).ToContainTextAsync("The backup must be someone other than the primary.");
        await page.ExpectAccessibleAsync();

        await page.GotoAsync("/Account/Security");
        await page.GetByRole(AriaRole.Button, new() { Name = "Set up two-factor authentication" }).ClickAsync();
        await Assertions.Expect(page.Locator(".liaison-qr img")).ToBeVisibleAsync();
        await page.ExpectAccessibleAsync();

        await page.GotoAsync("/Account/Profile");
        await page.GetByLabel("Name *").FillAsync("Axe check");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create token" }).ClickAsync();
        await Assertions.Expect(page.Locator("#new-token")).ToBeVisibleAsync();
        await page.ExpectAccessibleAsync();

        await page.GotoAsync("/Audit");
        await page.GetByRole(AriaRole.Button, new() { Name = "Verify the trail's integrity" }).ClickAsync();
        await Assertions.Expect(page.Locator(".usa-alert--success")).ToContainTextAsync("The trail is intact");
        await page.ExpectAccessibleAsync();
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task A_developer_reads_the_api_reference_under_the_content_security_policy()
    {
        var page = await browser.NewPageAsync(TestData.Manager);
        var refused = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Text.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase))
                refused.Add(message.Text);
        };
        await page.GotoAsync("/Account/Profile");
        await page.GetByRole(AriaRole.Link, new() { Name = "Liaison's API" }).ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("API reference");
        // swagger-ui has drawn the operations from /openapi/v1.json: open one.
        await page.Locator("#operations-tag-Agencies").ClickAsync();
        await Assertions.Expect(page.Locator("#api-reference")).ToContainTextAsync("/api/v1/agencies/{id}");
        await Assertions.Expect(page.Locator("select#servers")).ToHaveAttributeAsync("aria-label", "Server");
        Assert.Empty(refused);
        await page.ExpectAccessibleAsync();
        await page.Context.CloseAsync();

        // Not for anyone signed out.
        var anonymous = await browser.NewPageAsync();
        await anonymous.GotoAsync("/api/docs");
        await Assertions.Expect(anonymous).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/Account/Login"));
        await anonymous.Context.CloseAsync();
    }

    [Fact]
    public async Task An_administrator_finds_failed_mail_from_the_menu_and_tries_it_again()
    {
        // A message whose every attempt failed, as the outbox leaves it.
        await App.WithDbAsync(async db =>
        {
            db.OutboxMessages.Add(new Liaison.Web.Platform.Email.OutboxMessage
            {
                To = "rita@revenue.gov",
                Subject = "Agenda: Budget review",
                TextBody = "Agenda",
                CreatedAt = DateTime.UtcNow.AddHours(-6),
                NextAttemptAt = DateTime.UtcNow.AddHours(1),
                Attempts = new Liaison.Web.Platform.Email.EmailOptions().MaxAttempts,
                LastError = "SmtpException: Mailbox unavailable.",
            });
            await db.SaveChangesAsync();
        });
        var page = await browser.NewPageAsync(TestData.Admin);
        await page.GetByRole(AriaRole.Button, new() { Name = "Administration" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Outgoing mail" }).ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Outgoing mail");
        await Assertions.Expect(page.Locator("main table")).ToContainTextAsync("Mailbox unavailable");
        await page.ExpectAccessibleAsync();

        await page.GetByRole(AriaRole.Button, new() { Name = "Try again to send “Agenda: Budget review” to rita@revenue.gov" }).ClickAsync();
        await Assertions.Expect(page.Locator(".usa-alert--success")).ToContainTextAsync("will be sent again");
        await Assertions.Expect(page.Locator("main table")).ToContainTextAsync("Agenda: Budget review");
        await page.ExpectAccessibleAsync();

        // A refused filter on a page: left out, and said why.
        await page.GotoAsync("/QuickWins/Summary?from=0001-01-01&to=9999-12-31");
        await Assertions.Expect(page.Locator(".usa-alert--error")).ToContainTextAsync("Enter a date between 1900 and 2199.");
        await page.ExpectAccessibleAsync();
        await page.Context.CloseAsync();

        // A set-password link that is not good shows nothing of anyone.
        var anonymous = await browser.NewPageAsync();
        await anonymous.GotoAsync("/Account/SetPassword?user=1&token=guess");
        await Assertions.Expect(anonymous.Locator("main")).ToContainTextAsync("This link cannot be used");
        await anonymous.ExpectAccessibleAsync();
        await anonymous.Context.CloseAsync();
    }

    [Fact]
    public async Task Every_page_an_agency_user_reaches_passes_axe_and_shows_only_their_agency()
    {
        var page = await browser.NewPageAsync(TestData.RevenueUser);
        Assert.EndsWith($"/Agencies/Details/{App.Ids.Revenue}", page.Url, StringComparison.Ordinal);
        await page.ExpectAccessibleAsync();
        foreach (var url in new[] { "/People", $"/People/Details/{App.Ids.RevenueContact}", "/LinesOfService", "/Units", "/Account/Profile" })
        {
            await page.GotoAsync(url);
            await page.ExpectAccessibleAsync();
        }
        await page.GotoAsync($"/Agencies/Details/{App.Ids.Health}");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Page not found");
        await page.GotoAsync("/Users");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("You don't have access to this page");
        await page.ExpectAccessibleAsync();
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Liaison_works_by_keyboard_alone()
    {
        var page = await browser.NewPageAsync();
        await page.GotoAsync("/Account/Login");
        await page.Keyboard.PressAsync("Tab");
        await Assertions.Expect(page.Locator(":focus")).ToHaveTextAsync("Skip to main content");
        await page.Keyboard.PressAsync("Enter");
        await page.Keyboard.PressAsync("Tab");
        await Assertions.Expect(page.Locator(":focus")).ToHaveAttributeAsync("id", "Input_Email");
        await page.Keyboard.TypeAsync(TestData.Admin);
        await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.TypeAsync(TestData.Password);
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForURLAsync(url => !url.Contains("Login", StringComparison.Ordinal));

        // Open the Service catalogue menu and follow its first link, by keyboard.
        var menu = page.GetByRole(AriaRole.Button, new() { Name = "Service catalogue" });
        await menu.FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(menu).ToHaveAttributeAsync("aria-expanded", "true");
        await page.Keyboard.PressAsync("Tab");
        await Assertions.Expect(page.Locator(":focus")).ToHaveTextAsync("Lines of service");
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForURLAsync("**/LinesOfService");

        // Sort a list by keyboard: the column heading is a link.
        var sortByName = page.Locator("th a.liaison-sort").First;
        await sortByName.FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForURLAsync(url => url.Contains("sort=name", StringComparison.Ordinal));
        await Assertions.Expect(page.Locator("th[aria-sort]")).ToContainTextAsync("Name");

        // Submit a form with Enter and land on the error summary, which has focus.
        await page.GotoAsync("/Units/Create");
        await page.Locator("#Input_Name").FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.Locator("[data-error-summary]")).ToBeFocusedAsync();
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task On_a_phone_the_navigation_folds_into_a_menu()
    {
        var page = await browser.NewPageAsync(TestData.Manager, width: 375, height: 740);
        await page.GotoAsync("/Agencies");
        var menuButton = page.GetByRole(AriaRole.Button, new() { Name = "Menu" });
        await Assertions.Expect(menuButton).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "People", Exact = true })).Not.ToBeVisibleAsync();
        await menuButton.ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "People", Exact = true })).ToBeVisibleAsync();
        await page.ExpectAccessibleAsync();
        var overflow = await page.ScrollsSidewaysAsync();
        Assert.False(overflow, "the page scrolls sideways on a phone");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task A_printed_page_shows_the_content_without_navigation_or_buttons()
    {
        var page = await browser.NewPageAsync(TestData.Executive);
        await page.GotoAsync($"/Agencies/Details/{App.Ids.Revenue}");
        await page.EmulateMediaAsync(new() { Media = Media.Print });
        await Assertions.Expect(page.Locator("nav.usa-nav")).Not.ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("footer")).Not.ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("h1")).ToBeVisibleAsync();
        await page.Context.CloseAsync();
    }
}
