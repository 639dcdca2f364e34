using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Liaison.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Liaison.Tests.Features.Directory.People;

public sealed class PeopleTests(LiaisonApp app) : IClassFixture<LiaisonApp>
{
    [Fact]
    public async Task A_relationship_manager_adds_a_contact_from_the_agency_page()
    {
        using var session = await app.SignedInAsync(TestData.Manager);
        var agency = await session.GetAsync($"/Agencies/Details/{app.Ids.Revenue}");
        var addLink = agency.Document.QuerySelector("a[href^='/People/Create']")!.GetAttribute("href")!;
        var form = await session.GetAsync(addLink);
        Assert.Equal(app.Ids.Revenue.ToString(System.Globalization.CultureInfo.InvariantCulture), form.Value("Input_AgencyId"));

        var created = await session.SubmitAsync(form, new Dictionary<string, object?>
        {
            ["Input.FirstName"] = "Tara",
            ["Input.LastName"] = "Taxman",
            ["Input.Title"] = "Deputy Secretary",
            ["Input.Email"] = "Tara.Taxman@Revenue.gov",
        });
        Assert.Equal("Tara Taxman", created.Heading);
        Assert.Contains("tara.taxman@revenue.gov", created.Text, StringComparison.Ordinal);
        Assert.Contains("Department of Revenue", created.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_contact_needs_an_agency_and_a_valid_unique_email()
    {
        using var session = await app.SignedInAsync(TestData.Admin);
        var form = await session.GetAsync("/People/Create");
        var again = await session.SubmitAsync(form, new Dictionary<string, object?>
        {
            ["Input.FirstName"] = "No",
            ["Input.LastName"] = "Agency",
            ["Input.Kind"] = "AgencyContact",
            ["Input.Email"] = "rita@revenue.gov",
        });
        Assert.Equal("Choose the agency this contact works for.", again.FieldError("Input_AgencyId"));
        Assert.Equal("Someone in the directory already has this email address.", again.FieldError("Input_Email"));

        var bad = await session.SubmitAsync(again, new Dictionary<string, object?> { ["Input.Email"] = "not-an-email" });
        Assert.Equal("Enter an email address like name@example.gov.", bad.FieldError("Input_Email"));
    }

    [Fact]
    public async Task A_relationship_manager_cannot_add_provider_staff()
    {
        using var api = await app.ApiAsync(TestData.Manager);
        var response = await api.PostAsJsonAsync("/api/v1/people", new { firstName = "New", lastName = "Staffer", kind = "ProviderStaff", operationalUnitId = app.Ids.UnitOps });
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task The_people_list_searches_filters_and_hides_internal_notes_from_agencies()
    {
        using var provider = await app.SignedInAsync(TestData.Staff);
        var staff = await provider.GetAsync("/People?kind=ProviderStaff");
        Assert.Contains("Staff, Sam", staff.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Revenue, Rita", staff.Text, StringComparison.Ordinal);
        var rita = await provider.GetAsync($"/People/Details/{app.Ids.RevenueContact}");
        Assert.Contains("Prefers phone", rita.Text, StringComparison.Ordinal);

        using var agency = await app.SignedInAsync(TestData.RevenueUser);
        var own = await agency.GetAsync($"/People/Details/{app.Ids.RevenueContact}");
        Assert.Equal(HttpStatusCode.OK, own.Status);
        Assert.DoesNotContain("Prefers phone", own.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Internal notes", own.Text, StringComparison.Ordinal);
        var list = await agency.GetAsync("/People");
        Assert.Contains("Revenue, Rita", list.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Health, Hank", list.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Staff, Sam", list.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Importing_a_good_csv_previews_every_row_then_adds_them_all()
    {
        using var session = await app.SignedInAsync(TestData.Admin);
        var form = await session.GetAsync("/People/Import");
        var file = Spreadsheets.Csv(
            "First name,Last name,E-mail,Job title,Agency,Favourite colour",
            "Imogen,Import,imogen@health.gov,Analyst,LDH,blue",
            "Igor,Import,igor@revenue.gov,,Department of Revenue,red");
        var preview = await session.UploadAsync(form, "file", "people.csv", file, "form[action*='Upload']");

        Assert.Contains("Every row can be imported: 2 will be added and 0 updated.", preview.Text, StringComparison.Ordinal);
        Assert.Contains("Columns not imported: Favourite colour.", preview.Text, StringComparison.Ordinal);
        Assert.False(await app.WithDbAsync(db => db.People.AnyAsync(p => p.LastName == "Import")));

        var done = await session.SubmitAsync(preview, formSelector: "form[action*='Confirm']");
        Assert.Contains("2 people added, 0 updated", done.Text, StringComparison.Ordinal);
        var imported = await app.WithDbAsync(db => db.People.Where(p => p.LastName == "Import").OrderBy(p => p.FirstName).Select(p => p.Agency!.Acronym).ToListAsync());
        Assert.Equal(["LDR", "LDH"], imported);
    }

    [Fact]
    public async Task A_file_with_bad_rows_reports_each_by_row_number_and_writes_nothing()
    {
        using var session = await app.SignedInAsync(TestData.Admin);
        var form = await session.GetAsync("/People/Import");
        var file = Spreadsheets.Xlsx(
            ["First name", "Last name", "Email", "Agency"],
            ["Good", "Row", "good.row@health.gov", "LDH"],
            ["", "Nameless", "nameless@health.gov", "LDH"],
            ["Lost", "Soul", "lost@nowhere.gov", "Ministry of Magic"],
            ["Dup", "Email", "good.row@health.gov", "LDH"]);
        var preview = await session.UploadAsync(form, "file", "people.xlsx", file, "form[action*='Upload']");

        Assert.Contains("3 of 4 rows need correcting", preview.Text, StringComparison.Ordinal);
        var problems = preview.Document.QuerySelectorAll("#import-rows tbody tr")
            .Select(r => (Row: r.Children[0].TextContent.Trim(), Errors: Page.Normalize(r.Children[3].TextContent))).ToDictionary(r => r.Row, r => r.Errors);
        Assert.Contains("Enter a first name.", problems["3"], StringComparison.Ordinal);
        Assert.Contains("Agency \"Ministry of Magic\" is not in the directory.", problems["4"], StringComparison.Ordinal);
        Assert.Contains("is also on row 2", problems["5"], StringComparison.Ordinal);
        Assert.Null(preview.Document.QuerySelector("form[action*='Confirm']"));
        Assert.False(await app.WithDbAsync(db => db.People.AnyAsync(p => p.Email == "good.row@health.gov")));
    }

    [Fact]
    public async Task Importing_the_same_file_again_updates_rather_than_duplicates()
    {
        using var api = await app.ApiAsync(TestData.Admin);
        var first = Spreadsheets.Csv("First name,Last name,Email,Agency,Title", "Rex,Repeat,rex@revenue.gov,LDR,Clerk");
        var second = Spreadsheets.Csv("First name,Last name,Email,Agency,Title", "Rex,Repeat,rex@revenue.gov,LDR,Senior Clerk");

        var created = await (await ImportAsync(api, first, dryRun: false)).JsonAsync();
        Assert.Equal(1, created.GetProperty("created").GetInt32());
        var preview = await (await ImportAsync(api, second, dryRun: true)).JsonAsync();
        Assert.Equal("Update", preview.GetProperty("rows")[0].GetProperty("action").GetString());
        var updated = await (await ImportAsync(api, second, dryRun: false)).JsonAsync();
        Assert.Equal(1, updated.GetProperty("updated").GetInt32());

        var rex = await app.WithDbAsync(db => db.People.Where(p => p.Email == "rex@revenue.gov").Select(p => p.Title).ToListAsync());
        Assert.Equal(["Senior Clerk"], rex);
    }

    [Fact]
    public async Task The_api_refuses_a_bad_file_with_row_errors_and_422()
    {
        using var api = await app.ApiAsync(TestData.Admin);
        var response = await ImportAsync(api, Spreadsheets.Csv("First name,Last name,Agency", "Ok,Fine,LDR", "Bad,Agency,Nowhere"), dryRun: false);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var errors = (await response.JsonAsync()).GetProperty("errors");
        Assert.Contains("Nowhere", errors.GetProperty("row 3")[0].GetString(), StringComparison.Ordinal);
        Assert.False(await app.WithDbAsync(db => db.People.AnyAsync(p => p.LastName == "Fine")));

        var missing = await ImportAsync(api, Spreadsheets.Csv("Surname only", "Smith"), dryRun: false);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, missing.StatusCode);
        Assert.Contains("needs a column headed", await missing.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_exported_list_can_be_imported_back_unchanged()
    {
        using var api = await app.ApiAsync(TestData.Admin);
        var export = await (await api.GetAsync("/api/v1/people/export?format=xlsx&agencyId=" + app.Ids.Health)).Content.ReadAsByteArrayAsync();
        var preview = await (await ImportAsync(api, export, dryRun: true, fileName: "people.xlsx")).JsonAsync();
        Assert.True(preview.GetProperty("canImport").GetBoolean(), preview.ToString());
        Assert.All(preview.GetProperty("rows").EnumerateArray(), r => Assert.Equal("Update", r.GetProperty("action").GetString()));
    }

    [Fact]
    public async Task A_lists_count_follows_every_change_at_once()
    {
        using var api = await app.ApiAsync(TestData.Admin);
        Assert.Equal(0, (await api.GetJsonAsync("/api/v1/people?search=countwatch")).GetProperty("totalCount").GetInt32());
        var created = await api.PostAsJsonAsync("/api/v1/people", new { firstName = "Cora", lastName = "Countwatch", kind = "AgencyContact", agencyId = app.Ids.Health });
        created.EnsureSuccessStatusCode();
        Assert.Equal(1, (await api.GetJsonAsync("/api/v1/people?search=countwatch")).GetProperty("totalCount").GetInt32());
        (await api.PostAsync($"/api/v1/people/{created.Id()}/deactivate", null)).EnsureSuccessStatusCode();
        Assert.Equal(0, (await api.GetJsonAsync("/api/v1/people?search=countwatch")).GetProperty("totalCount").GetInt32());
        Assert.Equal(1, (await api.GetJsonAsync("/api/v1/people?search=countwatch&status=all")).GetProperty("totalCount").GetInt32());
    }

    private static Task<HttpResponseMessage> ImportAsync(HttpClient api, byte[] file, bool dryRun, string fileName = "people.csv")
    {
        var content = new MultipartFormDataContent();
        var part = new ByteArrayContent(file);
        part.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        content.Add(part, "file", fileName);
        return api.PostAsync($"/api/v1/people/import?dryRun={(dryRun ? "true" : "false")}", content);
    }
}
