using Liaison.Tests.Features.Surveys;
using Liaison.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace Liaison.BrowserTests;

/// <summary>
/// The public survey form on a phone: no sign-in, every control reachable and labelled (axe), nothing scrolls sideways,
/// answers saved as one goes survive a reload, and the submitted survey reads them back.
/// </summary>
[Collection("Browser")]
public sealed class SurveyFormTests(BrowserFixture browser)
{
    [Fact]
    public async Task A_stakeholder_answers_on_a_phone_saves_comes_back_and_submits()
    {
        var app = browser.App;
        await app.MakeKeyStakeholdersAsync(app.Ids.RevenueContact);
        using var admin = await app.ApiAsync(TestData.Admin);
        var waveId = await app.CreateWaveAsync(admin, "Phone survey", days: 10);
        (await admin.PostAsync($"/api/v1/surveys/waves/{waveId}/send", null)).EnsureSuccessStatusCode();
        var body = await app.WithDbAsync(db => db.OutboxMessages.Where(m => m.To == "rita@revenue.gov" && m.Subject == "Phone survey").Select(m => m.TextBody).SingleAsync());
        var token = SurveyTestData.LinkIn(body);

        var page = await browser.NewPageAsync(width: 375, height: 800);
        await page.GotoAsync($"/s/{token}");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Phone survey");
        await page.ExpectAccessibleAsync();
        Assert.False(await page.ScrollsSidewaysAsync(), "the survey scrolls sideways on a phone");

        var desk = page.GetByRole(AriaRole.Group, new() { Name = "Service Desk" });
        await desk.GetByText("4 — Satisfied").ClickAsync();
        await page.GetByRole(AriaRole.Group, new() { Name = "How likely are you to recommend our services to a colleague in another agency?" })
            .GetByText("9", new() { Exact = true }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Save and finish later" }).ClickAsync();
        await Assertions.Expect(page.Locator("body")).ToContainTextAsync("Your answers so far have been saved");

        await page.ReloadAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Group, new() { Name = "Service Desk" }).GetByLabel("4 — Satisfied")).ToBeCheckedAsync();
        await page.GetByLabel("What did we do well, and what should we change?").FillAsync("Faster printer tickets, please.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Submit my answers" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("Thank you");
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("Service Desk: 4 of 5");
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("Faster printer tickets, please.");
        await page.ExpectAccessibleAsync();
        Assert.False(await page.ScrollsSidewaysAsync(), "the thank-you page scrolls sideways on a phone");
        await page.Context.CloseAsync();

        // The executive's results page, with its charts, passes axe too.
        var results = await browser.NewPageAsync(TestData.Executive);
        await results.GotoAsync($"/Surveys/Waves/{waveId}/Results");
        await Assertions.Expect(results.Locator("table[data-chart] + canvas, canvas").First).ToBeVisibleAsync();
        await results.ExpectAccessibleAsync();
        await results.Context.CloseAsync();
    }
}
