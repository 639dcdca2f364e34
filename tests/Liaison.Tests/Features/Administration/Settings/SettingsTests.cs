using System.Net;
using Liaison.Tests.Infrastructure;

namespace Liaison.Tests.Features.Administration.Settings;

public sealed class SettingsTests(LiaisonApp app) : IClassFixture<LiaisonApp>
{
    [Fact]
    public async Task An_administrator_renames_the_organisation_and_the_managers_and_every_page_follows()
    {
        using var admin = await app.SignedInAsync(TestData.Admin);
        var form = await admin.GetAsync("/Settings");
        Assert.Equal("7", form.Value("Input_FiscalYearStartMonth"));
        var saved = await admin.SubmitAsync(form, new Dictionary<string, object?>
        {
            ["Input.OrganisationName"] = "Office of Technology Services",
            ["Input.RelationshipManagerTitle"] = "Client liaison",
            ["Input.FiscalYearStartMonth"] = "10",
        });
        Assert.Contains("The settings have been saved.", saved.Text, StringComparison.Ordinal);
        Assert.Equal("10", saved.Value("Input_FiscalYearStartMonth"));

        var agencies = await admin.GetAsync("/Agencies");
        Assert.Contains("Office of Technology Services", agencies.Document.QuerySelector("header")!.TextContent, StringComparison.Ordinal);
        var userForm = await admin.GetAsync("/Users/Create");
        Assert.Contains("Client liaison", userForm.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("ARM", "No ARM", "Load by ARM")]
    [InlineData("Client liaison", "No client liaison", "Load by client liaison")]
    [InlineData("IT Business Partner", "No IT Business Partner", "Load by IT Business Partner")]
    public async Task The_coverage_page_names_the_role_as_configured_keeping_an_acronyms_case(string title, string missing, string load)
    {
        using var admin = await app.SignedInAsync(TestData.Admin);
        var form = await admin.GetAsync("/Settings");
        await admin.SubmitAsync(form, new Dictionary<string, object?> { ["Input.RelationshipManagerTitle"] = title });

        var coverage = await admin.GetAsync("/Coverage");
        var headings = coverage.Document.QuerySelectorAll("h2").Select(h => Page.Normalize(h.TextContent)).ToList();
        Assert.Contains(headings, h => h.StartsWith(missing + " (", StringComparison.Ordinal));
        Assert.Contains(load, headings);
    }

    [Fact]
    public async Task Empty_names_are_refused_at_the_field()
    {
        using var admin = await app.SignedInAsync(TestData.Admin);
        var form = await admin.GetAsync("/Settings");
        var again = await admin.SubmitAsync(form, new Dictionary<string, object?> { ["Input.OrganisationName"] = " ", ["Input.RelationshipManagerTitle"] = "" });
        Assert.Equal("Enter the organisation's name.", again.FieldError("Input_OrganisationName"));
        Assert.Equal("Enter what relationship managers are called, for instance ARM.", again.FieldError("Input_RelationshipManagerTitle"));
    }

    [Fact]
    public async Task Only_administrators_change_settings()
    {
        using var exec = await app.ApiAsync(TestData.Executive);
        var current = await exec.GetJsonAsync("/api/v1/settings");
        var response = await exec.PutJsonAsync("/api/v1/settings", new { organisationName = "Mine", relationshipManagerTitle = "ARM", fiscalYearStartMonth = 7, version = current.GetProperty("version").GetInt32() });
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task The_renewal_reminder_days_are_read_as_numbers_and_anything_else_is_refused_beside_the_field()
    {
        using var admin = await app.SignedInAsync(TestData.Admin);
        var form = await admin.GetAsync("/Settings");
        Assert.Equal("180, 90, 60, 30, 14, 7", form.Value("Input_RenewalReminderDays"));
        var refused = await admin.SubmitAsync(form, new Dictionary<string, object?> { ["Input.RenewalReminderDays"] = "90, soon, 7", ["Input.RenewalReminderIntervalDays"] = "0" });
        Assert.StartsWith("Give from one to twelve numbers of days", refused.FieldError("Input_RenewalReminderDays"), StringComparison.Ordinal);
        Assert.Equal("Give a number of days from 1 to 90.", refused.FieldError("Input_RenewalReminderIntervalDays"));
        Assert.Equal("90, soon, 7", refused.Value("Input_RenewalReminderDays"));

        var saved = await admin.SubmitAsync(refused, new Dictionary<string, object?> { ["Input.RenewalReminderDays"] = "7;120 30 30", ["Input.RenewalReminderIntervalDays"] = "14" });
        Assert.Equal("120, 30, 7", saved.Value("Input_RenewalReminderDays"));
        Assert.Equal("14", saved.Value("Input_RenewalReminderIntervalDays"));
        using var api = await app.ApiAsync(TestData.Admin);
        Assert.Equal(14, (await api.GetJsonAsync("/api/v1/settings")).GetProperty("renewalReminderIntervalDays").GetInt32());
    }
}
