using System.Net.Http.Json;
using Liaison.Tests.Infrastructure;
using Microsoft.Playwright;

namespace Liaison.BrowserTests;

/// <summary>The relationship manager's pages in a real browser, with axe-core on every one.</summary>
[Collection("Browser")]
public sealed class RelationshipsTourTests(BrowserFixture browser)
{
    private BrowserApp App => browser.App;

    [Fact]
    public async Task Every_relationships_page_a_manager_reaches_passes_axe()
    {
        // The agency page with a contact in each cadence state and an initiative: the tags and the portfolio section show.
        var ids = App.Ids;
        using (var api = await App.ApiAsync(TestData.Manager))
        {
            foreach (var (first, frequency, touched) in new[] { ("Olive", "Q", 1), ("Dora", "W", 3), ("Otto", "W", 30) })
            {
                var person = await api.PostAsJsonAsync("/api/v1/people", new { firstName = first, lastName = "Cadence", kind = "AgencyContact", agencyId = ids.Revenue });
                var id = person.Id();
                (await api.PutJsonAsync($"/api/v1/people/{id}/stakeholder", new { frequency, version = 0 })).EnsureSuccessStatusCode();
                var on = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(-12)).AddDays(-touched).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
                (await api.PostAsJsonAsync("/api/v1/interactions", new { agencyId = ids.Revenue, occurredOn = on, kind = "Call", subject = $"Call with {first}", attendeeIds = new[] { id } })).EnsureSuccessStatusCode();
            }
            (await api.PostAsJsonAsync("/api/v1/initiatives", new { name = "Tax portal refresh", agencyId = ids.Revenue, description = "A new portal", ownerPersonId = ids.StaffPerson })).EnsureSuccessStatusCode();
        }
        var page = await browser.NewPageAsync(TestData.Manager);
        await page.GotoAsync($"/Agencies/Details/{ids.Revenue}");
        await Assertions.Expect(page.Locator(".liaison-tag-ok").First).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator(".liaison-tag-due").First).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator(".liaison-tag-late").First).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("Tax portal refresh");
        string[] urls =
        [
            "/", "/MyWork", "/Coverage", $"/Agencies/Details/{ids.Revenue}", $"/Agencies/Matrix/{ids.Revenue}", $"/People/Engagement/{ids.RevenueContact}",
            "/Interactions", "/Interactions/Create", $"/Interactions/Create?agencyId={ids.Revenue}", $"/Interactions/Details/{ids.HealthInteraction}", "/Interactions/Import",
            "/Meetings", "/Meetings?when=past", "/Meetings/Create", $"/Meetings/Create?Input.AgencyIds={ids.Revenue}", $"/Meetings/Details/{ids.HealthMeeting}", "/Meetings/Engagement",
            "/ActionItems", "/ActionItems/Create", $"/ActionItems/Create?agencyId={ids.Revenue}", $"/ActionItems/Details/{ids.HealthAction}", "/Stakeholders/Import",
        ];
        foreach (var url in urls)
        {
            await page.GotoAsync(url);
            await page.ExpectAccessibleAsync();
        }
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Record_an_interaction_from_the_agency_page_in_a_few_seconds()
    {
        var page = await browser.NewPageAsync(TestData.Manager);
        await page.GotoAsync($"/Agencies/Details/{App.Ids.Revenue}");
        await page.GetByText("Record an interaction", new() { Exact = true }).Last.ClickAsync();
        await page.ExpectAccessibleAsync();
        await page.GetByLabel("Kind").Last.SelectOptionAsync(new SelectOptionValue { Label = "Phone call" });
        await page.GetByLabel("Subject").Last.FillAsync("Quick call about the budget");
        await page.Locator(".liaison-quick-add label", new() { HasText = "Rita Revenue" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Record interaction" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("has been recorded");
        await Assertions.Expect(page.Locator("section[aria-labelledby='interactions-heading']")).ToContainTextAsync("Quick call about the budget");
        await Assertions.Expect(page.Locator("section[aria-labelledby='contacts-heading']")).ToContainTextAsync(App.Today.ToString("yyyy-MM-dd"));
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Plan_a_meeting_and_meet_a_validation_error()
    {
        var page = await browser.NewPageAsync(TestData.Manager);
        await page.GotoAsync("/Meetings/Create");
        // The agencies are a type-ahead: a few letters, Enter, and the agency is chosen.
        await page.GetByRole(AriaRole.Combobox, new() { Name = "Add an agency" }).FocusAsync();
        await page.Keyboard.TypeAsync("reven");
        await Assertions.Expect(page.GetByRole(AriaRole.Option, new() { Name = "Department of Revenue LDR" })).ToBeVisibleAsync();
        await page.ExpectAccessibleAsync();
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Remove Department of Revenue" })).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();
        await page.GetByLabel("Ends *").FillAsync("2020-01-01T09:00");
        await page.GetByRole(AriaRole.Button, new() { Name = "Plan meeting" }).ClickAsync();
        await Assertions.Expect(page.Locator("[data-error-summary]")).ToBeFocusedAsync();
        await Assertions.Expect(page.Locator("#Input_Title-error")).ToHaveTextAsync("Enter the meeting's title.");
        await page.ExpectAccessibleAsync();

        await page.GetByLabel("Title *").FillAsync("Quarterly review with Revenue");
        var start = DateTime.Today.AddDays(14).AddHours(10);
        await page.GetByLabel("Starts *").FillAsync(start.ToString("yyyy-MM-dd'T'HH:mm"));
        await page.GetByLabel("Ends *").FillAsync(start.AddHours(1).ToString("yyyy-MM-dd'T'HH:mm"));
        await page.GetByLabel("Agenda").FillAsync("Service review\nBudget outlook");
        await page.GetByRole(AriaRole.Combobox, new() { Name = "Add to invite" }).FillAsync("rita");
        await page.GetByRole(AriaRole.Listbox).GetByRole(AriaRole.Option, new() { NameRegex = new System.Text.RegularExpressions.Regex("^Rita Revenue") }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Remove Rita Revenue" })).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Plan meeting" }).ClickAsync();

        await Assertions.Expect(page.Locator("h1")).ToContainTextAsync("Quarterly review with Revenue");
        await Assertions.Expect(page.Locator("main ol.usa-list")).ToContainTextAsync("Budget outlook");
        await page.ExpectAccessibleAsync();
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task An_agency_user_closes_their_action_item()
    {
        var page = await browser.NewPageAsync(TestData.HealthUser);
        await page.GetByRole(AriaRole.Link, new() { Name = "My action items" }).ClickAsync();
        await page.ExpectAccessibleAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Health follow-up" }).ClickAsync();
        await page.ExpectAccessibleAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Mark as done" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("is done");
        await page.GotoAsync($"/Meetings/Details/{App.Ids.HealthMeeting}");
        await page.ExpectAccessibleAsync();
        await page.Context.CloseAsync();
    }
}
