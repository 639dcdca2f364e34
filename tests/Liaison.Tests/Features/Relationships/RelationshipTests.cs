using System.Net;
using System.Net.Http.Json;
using Liaison.Tests.Infrastructure;
using Liaison.Web.Features.Relationships;
using Liaison.Web.Features.Relationships.Interactions;
using Liaison.Web.Platform.Auth;
using Microsoft.EntityFrameworkCore;

namespace Liaison.Tests.Features.Relationships;

public sealed class RelationshipTests(LiaisonApp app) : IClassFixture<LiaisonApp>
{
    private DateOnly Today => app.Today;

    [Fact]
    public async Task Assigning_managers_keeps_their_history_and_gives_write_access_to_the_new_one_only()
    {
        var agency = await CreateAgencyAsync("Assignment Agency");
        var first = await app.AddUserAsync("first.arm@test.gov", Roles.RelationshipManager);
        var second = await app.AddUserAsync("second.arm@test.gov", Roles.RelationshipManager);
        using var admin = await app.SignedInAsync(TestData.Admin);
        var page = await admin.GetAsync($"/Agencies/Details/{agency}");
        var saved = await admin.SubmitAsync(page, new Dictionary<string, object?> { ["Managers.PrimaryUserId"] = first.ToString(), ["Managers.BackupUserId"] = "" }, "form[action*='Managers']");
        Assert.Contains("The relationship managers have been updated.", saved.Text, StringComparison.Ordinal);
        Assert.Contains("No backup: one deep", saved.Text, StringComparison.Ordinal);

        using var firstApi = await app.ApiAsync("first.arm@test.gov");
        Assert.Equal(HttpStatusCode.OK, (await firstApi.PutJsonAsync($"/api/v1/agencies/{agency}", new { name = "Assignment Agency", phone = "(225) 555-0001" }, "\"1\"")).StatusCode);

        using var api = await app.ApiAsync(TestData.Admin);
        var moved = await api.PutJsonAsync($"/api/v1/agencies/{agency}/managers", new { primaryUserId = second, backupUserId = first });
        Assert.Equal(HttpStatusCode.OK, moved.StatusCode);
        var history = (await moved.JsonAsync()).GetProperty("history");
        Assert.Equal(3, history.GetArrayLength());
        Assert.Contains(history.EnumerateArray(), h => h.GetProperty("userId").GetInt32() == first && h.GetProperty("role").GetString() == "Primary" && h.TryGetProperty("endedOn", out _));

        using var secondApi = await app.ApiAsync("second.arm@test.gov");
        Assert.Equal(HttpStatusCode.OK, (await secondApi.PutJsonAsync($"/api/v1/agencies/{agency}", new { name = "Assignment Agency", phone = "(225) 555-0002" }, "\"2\"")).StatusCode);
        var notHim = await app.AddUserAsync("third.arm@test.gov", Roles.RelationshipManager);
        using var thirdApi = await app.ApiAsync("third.arm@test.gov");
        Assert.Equal(HttpStatusCode.Forbidden, (await thirdApi.PutJsonAsync($"/api/v1/agencies/{agency}", new { name = "Assignment Agency" }, "\"3\"")).StatusCode);

        var same = await api.PutJsonAsync($"/api/v1/agencies/{agency}/managers", new { primaryUserId = second, backupUserId = second });
        Assert.Equal("The backup must be someone other than the primary.", (await same.JsonAsync()).GetProperty("errors").GetProperty("backupUserId")[0].GetString());
        var notManager = await api.PutJsonAsync($"/api/v1/agencies/{agency}/managers", new { primaryUserId = notHim + 1000 });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, notManager.StatusCode);
    }

    [Fact]
    public async Task A_refused_change_of_managers_is_shown_next_to_the_field_and_changes_nothing()
    {
        var agency = await CreateAgencyAsync("Refused Managers Agency");
        var only = await app.AddUserAsync("only.arm@test.gov", Roles.RelationshipManager);
        using var admin = await app.SignedInAsync(TestData.Admin);
        var page = await admin.GetAsync($"/Agencies/Details/{agency}");
        var refused = await admin.SubmitAsync(page, new Dictionary<string, object?> { ["Managers.PrimaryUserId"] = only.ToString(), ["Managers.BackupUserId"] = only.ToString() },
            "form[action*='Managers']");
        Assert.Equal($"/Agencies/Managers/{agency}", new Uri(refused.Url).AbsolutePath);
        Assert.Equal("The backup must be someone other than the primary.", refused.FieldError("Managers_BackupUserId"));
        var after = await admin.GetAsync($"/Agencies/Details/{agency}");
        Assert.Contains("No relationship manager", after.Text, StringComparison.Ordinal);

        // Only those who manage reference data may open the form at all.
        using var manager = await app.SignedInAsync(TestData.Manager);
        var denied = await manager.GetRawAsync($"/Agencies/Managers/{app.Ids.Revenue}");
        Assert.Equal(HttpStatusCode.Redirect, denied.StatusCode);
        Assert.Contains("/Account/AccessDenied", denied.Headers.Location!.OriginalString, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_coverage_page_flags_agencies_without_manager_or_backup()
    {
        using var session = await app.SignedInAsync(TestData.Executive);
        var page = await session.GetAsync("/Coverage");
        var noManager = Page.Normalize(page.Document.QuerySelectorAll("h2").First(h => h.TextContent.StartsWith("No relationship", StringComparison.Ordinal)).NextElementSibling!.TextContent);
        Assert.Contains("Department of Health", noManager, StringComparison.Ordinal);
        Assert.DoesNotContain("Department of Revenue", noManager, StringComparison.Ordinal);
        Assert.Contains("Mona Manager", page.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_matrix_shows_the_codes_a_manager_sets_and_exports_in_the_plans_layout()
    {
        using var manager = await app.SignedInAsync(TestData.Manager);
        var form = await manager.GetAsync($"/People/Engagement/{app.Ids.RevenueContact}");
        var saved = await manager.SubmitAsync(form, new Dictionary<string, object?>
        {
            ["Input.Priority"] = "H",
            ["Input.Impact"] = "B",
            ["Input.Frequency"] = "M",
            ["Input.Methods"] = new[] { "F", "E" },
            ["Input.IsKeyStakeholder"] = "true",
        });
        Assert.Contains("The stakeholder matrix has been updated.", saved.Text, StringComparison.Ordinal);

        var matrix = await manager.GetAsync($"/Agencies/Matrix/{app.Ids.Revenue}");
        var row = matrix.Document.QuerySelectorAll("tbody tr").Select(r => r.Children.Select(c => Page.Normalize(c.TextContent)).ToArray()).Single(r => r[0] == "Rita Revenue");
        Assert.Equal(["H", "B", "M", "F, E", "Key stakeholder"], new[] { row[2], row[3], row[4], row[5], row[6] });

        var export = Spreadsheets.ReadXlsx(await (await manager.GetRawAsync($"/Agencies/Matrix/{app.Ids.Revenue}?handler=Export&format=xlsx")).Content.ReadAsByteArrayAsync());
        Assert.Equal(["Person Id", "Name", "Title / role", "Priority", "Impact", "Frequency", "Methods", "Agency executive", "Key stakeholder", "Implementation coordinator"], export[0].Take(10).ToArray());

        using var agency = await app.SignedInAsync(TestData.RevenueUser);
        Assert.Equal(HttpStatusCode.Forbidden, (await agency.GetAsync($"/Agencies/Matrix/{app.Ids.Revenue}")).Status);
        using var health = await app.ApiAsync(TestData.HealthUser);
        Assert.Equal(HttpStatusCode.NotFound, (await health.GetAsync($"/api/v1/people/{app.Ids.RevenueContact}/stakeholder")).StatusCode);
    }

    [Fact]
    public async Task Recording_an_interaction_from_the_agency_page_moves_the_contacts_cadence()
    {
        // Weekly cadence, never touched: overdue, and on the manager's list.
        using var api = await app.ApiAsync(TestData.Manager);
        var contact = (await (await api.PostAsJsonAsync("/api/v1/people", new { firstName = "Wendy", lastName = "Weekly", kind = "AgencyContact", agencyId = app.Ids.Revenue })).JsonAsync()).GetProperty("id").GetInt32();
        (await api.PutJsonAsync($"/api/v1/people/{contact}/stakeholder", new { frequency = "W", version = 0 })).EnsureSuccessStatusCode();
        var before = await api.GetJsonAsync("/api/v1/me/work");
        Assert.Contains("Wendy Weekly", before.ToString(), StringComparison.Ordinal);

        using var session = await app.SignedInAsync(TestData.Manager);
        var agency = await session.GetAsync($"/Agencies/Details/{app.Ids.Revenue}");
        var after = await session.SubmitAsync(agency, new Dictionary<string, object?>
        {
            ["Input.Kind"] = "Call",
            ["Input.Subject"] = "Weekly check-in",
            ["Input.AttendeeIds"] = new[] { contact.ToString() },
            ["Input.OccurredOn"] = Today.ToString("yyyy-MM-dd"),
        }, ".liaison-quick-add form[action*='/Interactions/']");
        Assert.Equal($"https://localhost/Agencies/Details/{app.Ids.Revenue}", after.Url);
        Assert.Contains("has been recorded", after.Text, StringComparison.Ordinal);
        Assert.Contains("Weekly check-in", after.Document.GetElementById("interactions-heading")!.ParentElement!.ParentElement!.TextContent, StringComparison.Ordinal);

        var stakeholder = await api.GetJsonAsync($"/api/v1/people/{contact}/stakeholder");
        Assert.Equal(Today.ToString("yyyy-MM-dd"), stakeholder.GetProperty("lastTouchOn").GetString());
        Assert.Equal(Today.AddDays(7).ToString("yyyy-MM-dd"), stakeholder.GetProperty("nextDue").GetString());
        Assert.Equal("DueSoon", stakeholder.GetProperty("cadence").GetString());

        app.Clock.Advance(TimeSpan.FromDays(8));
        try
        {
            using var later = await app.ApiAsync(TestData.Manager);
            Assert.Equal("Overdue", (await later.GetJsonAsync($"/api/v1/people/{contact}/stakeholder")).GetProperty("cadence").GetString());
        }
        finally
        {
            app.Clock.Advance(TimeSpan.FromDays(-8));
        }
    }

    [Fact]
    public async Task My_work_lists_the_most_urgent_contacts_first_and_opens_a_long_section_in_full()
    {
        var agency = await CreateAgencyAsync("Busy Agency");
        await app.AddUserAsync("busy.arm@test.gov", Roles.RelationshipManager);
        using var admin = await app.ApiAsync(TestData.Admin);
        var managerId = (await admin.GetJsonAsync("/api/v1/users?search=busy.arm")).GetProperty("items")[0].GetProperty("id").GetInt32();
        (await admin.PutJsonAsync($"/api/v1/agencies/{agency}/managers", new { primaryUserId = managerId })).EnsureSuccessStatusCode();
        using var api = await app.ApiAsync("busy.arm@test.gov");
        var contacts = new List<int>();
        for (var i = 0; i < GetMyWorkLimit + 2; i++)
        {
            var id = (await api.PostAsJsonAsync("/api/v1/people", new { firstName = $"Contact{i:00}", lastName = "Busy", kind = "AgencyContact", agencyId = agency })).Id();
            (await api.PutJsonAsync($"/api/v1/people/{id}/stakeholder", new { frequency = "W", version = 0 })).EnsureSuccessStatusCode();
            contacts.Add(id);
        }
        // One was touched ten days ago: overdue, but less urgent than those never touched.
        (await api.PostAsJsonAsync("/api/v1/interactions", new { agencyId = agency, occurredOn = Today.AddDays(-10).ToString("yyyy-MM-dd"), kind = "Call", subject = "Catch-up", attendeeIds = new[] { contacts[0] } })).EnsureSuccessStatusCode();

        var work = (await api.GetJsonAsync("/api/v1/me/work"))[0];
        Assert.Equal("contacts", work.GetProperty("key").GetString());
        Assert.Equal(GetMyWorkLimit + 2, work.GetProperty("total").GetInt32());
        Assert.Equal(GetMyWorkLimit, work.GetProperty("items").GetArrayLength());
        Assert.DoesNotContain("Contact00 Busy", work.GetProperty("items").ToString(), StringComparison.Ordinal);
        var full = (await api.GetJsonAsync("/api/v1/me/work?section=contacts"))[0].GetProperty("items");
        Assert.Equal(GetMyWorkLimit + 2, full.GetArrayLength());
        Assert.Equal("Contact00 Busy", full[GetMyWorkLimit + 1].GetProperty("title").GetString());
        Assert.Equal(Today.AddDays(-3).ToString("yyyy-MM-dd"), full[GetMyWorkLimit + 1].GetProperty("when").GetString());

        using var session = await app.SignedInAsync("busy.arm@test.gov");
        var page = await session.GetAsync("/MyWork");
        var section = page.Document.QuerySelector("#work-contacts")!;
        Assert.Equal(GetMyWorkLimit, section.QuerySelectorAll("li").Length);
        Assert.Contains($"Showing the {GetMyWorkLimit} most urgent of {GetMyWorkLimit + 2}.", Page.Normalize(section.TextContent), StringComparison.Ordinal);
        var all = await session.GetAsync(section.QuerySelector("a[href*='all=contacts']")!.GetAttribute("href")!);
        Assert.Equal(GetMyWorkLimit + 2, all.Document.QuerySelectorAll("#work-contacts li").Length);

        // A contact leaves the list when they leave the agency, are deactivated, or are no longer on a tracked cadence.
        var other = await CreateAgencyAsync("Quiet Agency");
        (await admin.PutJsonAsync($"/api/v1/people/{contacts[1]}", new { firstName = "Contact01", lastName = "Busy", kind = "AgencyContact", agencyId = other, version = 1 })).EnsureSuccessStatusCode();
        (await admin.PostAsync($"/api/v1/people/{contacts[2]}/deactivate", null)).EnsureSuccessStatusCode();
        (await api.PutJsonAsync($"/api/v1/people/{contacts[3]}/stakeholder", new { frequency = "AN", version = 1 })).EnsureSuccessStatusCode();
        var left = (await api.GetJsonAsync("/api/v1/me/work?section=contacts"))[0];
        Assert.Equal(GetMyWorkLimit - 1, left.GetProperty("total").GetInt32());
        Assert.DoesNotContain("Contact01 Busy", left.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("Contact02 Busy", left.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("Contact03 Busy", left.ToString(), StringComparison.Ordinal);

        // And comes back when reactivated.
        (await admin.PostAsync($"/api/v1/people/{contacts[2]}/reactivate", null)).EnsureSuccessStatusCode();
        Assert.Equal(GetMyWorkLimit, (await api.GetJsonAsync("/api/v1/me/work"))[0].GetProperty("total").GetInt32());
    }

    private const int GetMyWorkLimit = Liaison.Web.Platform.Modules.GetMyWork.SectionLimit;

    [Fact]
    public async Task An_interaction_needs_a_subject_and_attendees_from_the_agency_and_a_manager_of_it()
    {
        using var api = await app.ApiAsync(TestData.Manager);
        var invalid = await api.PostAsJsonAsync("/api/v1/interactions", new { agencyId = app.Ids.Revenue, occurredOn = Today.ToString("yyyy-MM-dd"), kind = "Call", subject = "", attendeeIds = new[] { app.Ids.HealthContact } });
        var errors = (await invalid.JsonAsync()).GetProperty("errors");
        Assert.True(errors.TryGetProperty("subject", out _));
        Assert.Equal("Attendees are the agency's contacts or the provider's staff.", errors.GetProperty("attendeeIds")[0].GetString());
        var notMine = await api.PostAsJsonAsync("/api/v1/interactions", new { agencyId = app.Ids.Health, occurredOn = Today.ToString("yyyy-MM-dd"), kind = "Call", subject = "Not mine" });
        Assert.Equal(HttpStatusCode.Forbidden, notMine.StatusCode);
    }

    [Fact]
    public async Task Importing_an_interaction_log_records_every_row_or_none()
    {
        using var api = await app.ApiAsync(TestData.Manager);
        var bad = Spreadsheets.Csv("Date,Agency,Kind,Subject,Attendees", $"{Today:yyyy-MM-dd},LDR,Call,Good row,rita@revenue.gov", $"{Today:yyyy-MM-dd},LDH,Call,Not my agency,", "yesterday,LDR,Telepathy,Bad row,nobody@nowhere.gov");
        var refused = await ImportAsync(api, "/api/v1/interactions/import", bad);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        var rowErrors = (await refused.JsonAsync()).GetProperty("errors");
        Assert.Contains("You may not record interactions for Department of Health.", rowErrors.GetProperty("row 3")[0].GetString(), StringComparison.Ordinal);
        Assert.Equal(3, rowErrors.GetProperty("row 4").GetArrayLength());
        Assert.False(await app.WithDbAsync(db => db.Interactions.AnyAsync(i => i.Subject == "Good row")));

        var good = Spreadsheets.Xlsx(["Date", "Agency", "Kind", "Subject", "Attendees", "Summary"], [Today.AddDays(-3).ToString("yyyy-MM-dd"), "Department of Revenue", "Site visit", "Imported visit", "rita@revenue.gov; sam@provider.gov", "Walked the data room."]);
        var accepted = await ImportAsync(api, "/api/v1/interactions/import", good, "log.xlsx");
        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        var imported = await app.WithDbAsync(db => db.Interactions.Include(i => i.Attendees).SingleAsync(i => i.Subject == "Imported visit"));
        Assert.Equal(2, imported.Attendees.Count);
        var profile = await app.WithDbAsync(db => db.StakeholderProfiles.SingleAsync(p => p.PersonId == app.Ids.RevenueContact));
        Assert.True(profile.LastTouchOn >= Today.AddDays(-3));
    }

    [Fact]
    public async Task Importing_matrix_codes_matches_contacts_by_email_and_reports_bad_codes()
    {
        using var api = await app.ApiAsync(TestData.Manager);
        var bad = await ImportAsync(api, "/api/v1/stakeholders/import", Spreadsheets.Csv("Email,Priority,Impact,Frequency,Methods", "rita@revenue.gov,X,B,M,F", "hank@health.gov,H,A,Q,E"));
        var errors = (await bad.JsonAsync()).GetProperty("errors");
        Assert.Contains("Priority \"X\" should be H, M or L.", errors.GetProperty("row 2")[0].GetString(), StringComparison.Ordinal);
        Assert.Contains("You may not change this agency's stakeholder matrix.", errors.GetProperty("row 3")[0].GetString(), StringComparison.Ordinal);

        var good = await ImportAsync(api, "/api/v1/stakeholders/import", Spreadsheets.Csv("Email,Priority,Impact,Frequency,Methods,Agency executive", "rita@revenue.gov,L,C,Q,\"R,W\",Yes"));
        Assert.Equal(HttpStatusCode.OK, good.StatusCode);
        var rita = await api.GetJsonAsync($"/api/v1/people/{app.Ids.RevenueContact}/stakeholder");
        Assert.Equal("Q", rita.GetProperty("frequency").GetString());
        Assert.Equal(["R", "W"], rita.GetProperty("methods").EnumerateArray().Select(m => m.GetString()!).ToArray());
        Assert.True(rita.GetProperty("isAgencyExecutive").GetBoolean());
    }

    [Fact]
    public async Task An_agency_user_sees_their_agency_page_without_the_providers_internals()
    {
        using var session = await app.SignedInAsync(TestData.RevenueUser);
        var page = await session.GetAsync($"/Agencies/Details/{app.Ids.Revenue}");
        Assert.Null(page.Document.GetElementById("health-heading"));
        Assert.DoesNotContain("Revenue internal note", page.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Codes", page.Document.GetElementById("contacts-heading")!.ParentElement!.ParentElement!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Mona Manager", page.Text, StringComparison.Ordinal);
        Assert.Null(page.Document.QuerySelector(".liaison-quick-add form[action*='/Interactions/']"));
    }

    private async Task<int> CreateAgencyAsync(string name)
    {
        using var api = await app.ApiAsync(TestData.Admin);
        return (await api.PostAsJsonAsync("/api/v1/agencies", new { name })).Id();
    }

    internal static Task<HttpResponseMessage> ImportAsync(HttpClient api, string url, byte[] file, string name = "file.csv")
    {
        var content = new MultipartFormDataContent { { new ByteArrayContent(file), "file", name } };
        return api.PostAsync(url, content);
    }
}
