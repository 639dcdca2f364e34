using System.Net;
using Liaison.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Liaison.Tests.Features.Directory.Agencies;

public sealed class AgencyPageTests(LiaisonApp app) : IClassFixture<LiaisonApp>
{
    [Fact]
    public async Task An_administrator_adds_an_agency_and_lands_on_its_page()
    {
        using var session = await app.SignedInAsync(TestData.Admin);
        var form = await session.GetAsync("/Agencies/Create");
        var created = await session.SubmitAsync(form, new Dictionary<string, object?>
        {
            ["Input.Name"] = "Office of Motor Vehicles",
            ["Input.Acronym"] = "omv",
            ["Input.Website"] = "https://omv.example.gov",
            ["Input.LineOfServiceIds"] = new[] { app.Ids.LineGis.ToString(System.Globalization.CultureInfo.InvariantCulture) },
        });

        Assert.Equal("Office of Motor Vehicles", created.Heading);
        Assert.Contains("Office of Motor Vehicles has been added.", created.Text, StringComparison.Ordinal);
        Assert.Contains("OMV", created.Text, StringComparison.Ordinal);
        Assert.Contains("GIS", created.Document.GetElementById("about-heading")!.ParentElement!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Created", created.Document.GetElementById("history-heading")!.ParentElement!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_agency_user_lands_on_their_agency_and_finds_how_to_reach_their_relationship_manager()
    {
        await app.WithDbAsync(db => db.People.Where(p => p.Id == app.Ids.StaffPerson)
            .ExecuteUpdateAsync(s => s.SetProperty(p => p.Phone, "(225) 555-0142").SetProperty(p => p.Title, "Agency relationship manager")));
        using var session = await app.SignedInAsync(TestData.RevenueUser);
        var home = await session.GetAsync("/");
        Assert.Equal("Department of Revenue", home.Heading);
        var managers = home.Document.QuerySelector(".liaison-managers")!;
        var primary = Page.Normalize(managers.QuerySelectorAll("dd")[0].TextContent);
        Assert.StartsWith("Mona Manager, Agency relationship manager", primary, StringComparison.Ordinal);
        Assert.Equal("mailto:sam@provider.gov", managers.QuerySelector("a[href^='mailto:']")!.GetAttribute("href"));
        Assert.Equal("tel:2255550142", managers.QuerySelector("a[href^='tel:']")!.GetAttribute("href"));
        Assert.Equal("None assigned", Page.Normalize(managers.QuerySelectorAll("dd")[1].TextContent));

        // The same through the API, for the agency's own integrations.
        using var api = await app.ApiAsync(TestData.RevenueUser);
        var relationships = await api.GetJsonAsync($"/api/v1/agencies/{app.Ids.Revenue}/relationships");
        var contact = relationships.GetProperty("managers").GetProperty("contacts")[0];
        Assert.Equal("(225) 555-0142", contact.GetProperty("phone").GetString());
    }

    [Fact]
    public async Task A_missing_name_and_a_bad_website_are_shown_next_to_their_fields_and_nothing_is_saved()
    {
        using var session = await app.SignedInAsync(TestData.Admin);
        var form = await session.GetAsync("/Agencies/Create");
        var before = await app.WithDbAsync(db => db.Agencies.CountAsync());
        var again = await session.SubmitAsync(form, new Dictionary<string, object?>
        {
            ["Input.Name"] = "",
            ["Input.Acronym"] = "XYZ",
            ["Input.Website"] = "www.nowhere",
        });

        Assert.Equal("Enter the agency's name.", again.FieldError("Input_Name"));
        Assert.Equal("Enter a web address starting with https://.", again.FieldError("Input_Website"));
        Assert.Contains("There is a problem", again.ErrorSummary, StringComparison.Ordinal);
        Assert.Equal("XYZ", again.Value("Input_Acronym"));
        Assert.Equal(before, await app.WithDbAsync(db => db.Agencies.CountAsync()));
    }

    [Fact]
    public async Task A_duplicate_name_is_refused()
    {
        using var session = await app.SignedInAsync(TestData.Admin);
        var form = await session.GetAsync("/Agencies/Create");
        var again = await session.SubmitAsync(form, new Dictionary<string, object?> { ["Input.Name"] = "department of revenue" });
        Assert.Equal("An agency with this name already exists.", again.FieldError("Input_Name"));
    }

    [Fact]
    public async Task Editing_an_agency_someone_else_changed_meanwhile_shows_what_changed_and_overwrites_nothing()
    {
        var id = await CreateAgencyAsync("Conflict Commission", "CC");
        using var first = await app.SignedInAsync(TestData.Admin);
        var otherAdmin = await app.AddUserAsync("second.admin@test.gov", Liaison.Web.Platform.Auth.Roles.Administrator);
        using var second = await app.SignedInAsync("second.admin@test.gov");
        var firstForm = await first.GetAsync($"/Agencies/Edit/{id}");
        var secondForm = await second.GetAsync($"/Agencies/Edit/{id}");

        var saved = await first.SubmitAsync(firstForm, new Dictionary<string, object?> { ["Input.Phone"] = "(225) 555-0101" });
        Assert.Contains("have been saved", saved.Text, StringComparison.Ordinal);

        var conflict = await second.SubmitAsync(secondForm, new Dictionary<string, object?> { ["Input.Phone"] = "(225) 555-0202", ["Input.ParentDepartment"] = "Office of the Governor" });
        Assert.Contains("Someone else changed this record while you were editing", conflict.Text, StringComparison.Ordinal);
        Assert.Contains(TestData.Admin, conflict.Text, StringComparison.Ordinal);
        var row = conflict.Document.QuerySelectorAll(".liaison-conflict tbody tr")
            .Select(r => string.Join(" ", r.Children.Select(c => Page.Normalize(c.TextContent)))).ToList();
        Assert.Contains("Main phone (225) 555-0101 (225) 555-0202", row);
        Assert.Equal("(225) 555-0101", await app.WithDbAsync(db => db.Agencies.Where(a => a.Id == id).Select(a => a.Phone).SingleAsync()));

        // Having seen the difference, saving again replaces theirs with the second editor's version.
        var overwritten = await second.SubmitAsync(conflict);
        Assert.Contains("have been saved", overwritten.Text, StringComparison.Ordinal);
        Assert.Equal("(225) 555-0202", await app.WithDbAsync(db => db.Agencies.Where(a => a.Id == id).Select(a => a.Phone).SingleAsync()));
    }

    [Fact]
    public async Task The_list_filters_searches_sorts_and_pages()
    {
        for (var i = 1; i <= 27; i++)
            await CreateAgencyAsync($"Paging Board {i:D2}", $"PB{i:D2}");
        using var session = await app.SignedInAsync(TestData.Executive);

        var first = await session.GetAsync("/Agencies?search=paging+board");
        Assert.Contains("Showing 1–25 of 27.", first.Text, StringComparison.Ordinal);
        Assert.Equal("Paging Board 01", Page.Normalize(first.Document.QuerySelector("tbody tr th")!.TextContent));

        var second = await session.GetAsync("/Agencies?search=paging+board&page=2");
        Assert.Equal(2, second.Document.QuerySelectorAll("tbody tr").Length);

        var descending = await session.GetAsync("/Agencies?search=paging&sort=name&desc=true");
        Assert.Equal("Paging Board 27", Page.Normalize(descending.Document.QuerySelector("tbody tr th")!.TextContent));
        Assert.Equal("descending", descending.Document.QuerySelector("th[aria-sort]")!.GetAttribute("aria-sort"));

        var byLine = await session.GetAsync($"/Agencies?lineOfServiceId={app.Ids.LineServiceDesk}");
        Assert.Contains("Department of Revenue", byLine.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Department of Health", byLine.Text, StringComparison.Ordinal);

        var none = await session.GetAsync("/Agencies?search=zzzz-no-such");
        Assert.Contains("No agency matches these filters.", none.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_deactivated_agency_leaves_the_active_list_but_keeps_its_page()
    {
        var id = await CreateAgencyAsync("Sunset Agency", "SUN");
        using var session = await app.SignedInAsync(TestData.Admin);
        var details = await session.GetAsync($"/Agencies/Details/{id}");
        var after = await session.SubmitAsync(details, formSelector: "form[action*='Deactivate']");

        Assert.Contains("Sunset Agency is now inactive", after.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Sunset Agency", (await session.GetAsync("/Agencies?search=sunset")).Text, StringComparison.Ordinal);
        Assert.Contains("Sunset Agency", (await session.GetAsync("/Agencies?search=sunset&status=inactive")).Text, StringComparison.Ordinal);
        Assert.True(await app.WithDbAsync(db => db.Agencies.AnyAsync(a => a.Id == id)));
    }

    [Fact]
    public async Task The_list_exports_as_filtered_to_csv_and_xlsx()
    {
        await CreateAgencyAsync("Export Authority Alpha", "EAA");
        await CreateAgencyAsync("Export Authority Beta", "EAB");
        using var session = await app.SignedInAsync(TestData.Executive);

        var csv = await session.GetRawAsync("/Agencies?search=export+authority&handler=Export&format=csv");
        Assert.Equal(HttpStatusCode.OK, csv.StatusCode);
        Assert.Equal("text/csv", csv.Content.Headers.ContentType!.MediaType);
        var rows = Spreadsheets.ReadCsv(await csv.Content.ReadAsByteArrayAsync());
        Assert.Equal("Name", rows[0][1]);
        Assert.Equal(["Export Authority Alpha", "Export Authority Beta"], rows.Skip(1).Select(r => r[1]).ToArray());

        var xlsx = await session.GetRawAsync("/Agencies?search=export+authority&sort=name&desc=true&handler=Export&format=xlsx");
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", xlsx.Content.Headers.ContentType!.MediaType);
        var sheet = Spreadsheets.ReadXlsx(await xlsx.Content.ReadAsByteArrayAsync());
        Assert.Equal(["Export Authority Beta", "Export Authority Alpha"], sheet.Skip(1).Select(r => r[1]).ToArray());
        Assert.Contains("Internal notes", sheet[0]);
    }

    private async Task<int> CreateAgencyAsync(string name, string acronym)
    {
        using var api = await app.ApiAsync(TestData.Admin);
        var response = await api.PostAsync("/api/v1/agencies", System.Net.Http.Json.JsonContent.Create(new { name, acronym }));
        response.EnsureSuccessStatusCode();
        return int.Parse(response.Headers.Location!.OriginalString.Split('/')[^1], System.Globalization.CultureInfo.InvariantCulture);
    }
}
