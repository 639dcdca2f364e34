using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Liaison.Tests.Features.Relationships;
using Liaison.Tests.Infrastructure;

namespace Liaison.Tests.Features.Portfolio;

public sealed class PortfolioTests(LiaisonApp app) : IClassFixture<LiaisonApp>
{
    private DateOnly Today => app.Today;

    private async Task<int> CreateAsync(HttpClient api, string name, object? extra = null)
    {
        var body = new Dictionary<string, object?> { ["name"] = name, ["agencyId"] = app.Ids.Revenue, ["description"] = $"{name} for Revenue", ["ownerPersonId"] = app.Ids.StaffPerson, ["targetOn"] = Today.AddDays(90).ToString("yyyy-MM-dd") };
        foreach (var property in JsonSerializer.SerializeToElement(extra ?? new { }).EnumerateObject())
            body[property.Name] = property.Value;
        var response = await api.PostAsJsonAsync("/api/v1/initiatives", body);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return response.Id();
    }

    private static Task<HttpResponseMessage> UpdateAsync(HttpClient api, int id, DateOnly asOf, string overview = "Going well", string? risks = "None") =>
        api.PostAsJsonAsync($"/api/v1/initiatives/{id}/updates", new { asOf = asOf.ToString("yyyy-MM-dd"), statusOverview = overview, accomplishments = "Design done", plans = "Build", risks });

    private async Task<List<string>> StaleNamesAsync(HttpClient api) =>
        (await api.GetJsonAsync("/api/v1/initiatives?state=stale&pageSize=200")).GetProperty("items").EnumerateArray().Select(i => i.GetProperty("name").GetString()!).ToList();

    [Fact]
    public async Task An_initiative_is_stale_from_the_31st_day_after_its_latest_update_and_without_any()
    {
        using var api = await app.ApiAsync(TestData.Manager);
        var thirty = await CreateAsync(api, "Updated thirty days ago");
        var thirtyOne = await CreateAsync(api, "Updated thirty-one days ago");
        var never = await CreateAsync(api, "Never updated");
        (await UpdateAsync(api, thirty, Today.AddDays(-30))).EnsureSuccessStatusCode();
        (await UpdateAsync(api, thirtyOne, Today.AddDays(-31))).EnsureSuccessStatusCode();

        var stale = await StaleNamesAsync(api);
        Assert.DoesNotContain("Updated thirty days ago", stale);
        Assert.Contains("Updated thirty-one days ago", stale);
        Assert.Contains("Never updated", stale);
        // The stale list comes longest without an update first, and never updated before all.
        Assert.True(stale.IndexOf("Never updated") < stale.IndexOf("Updated thirty-one days ago"), string.Join(", ", stale));

        // A closed initiative is never stale; a fresh update takes one off the list.
        var closed = await api.GetJsonAsync($"/api/v1/initiatives/{never}");
        (await api.PutJsonAsync($"/api/v1/initiatives/{never}", new { name = "Never updated", agencyId = app.Ids.Revenue, health = "Done", phase = "Closed", version = closed.GetProperty("version").GetInt32() })).EnsureSuccessStatusCode();
        (await UpdateAsync(api, thirtyOne, Today)).EnsureSuccessStatusCode();
        stale = await StaleNamesAsync(api);
        Assert.DoesNotContain("Never updated", stale);
        Assert.DoesNotContain("Updated thirty-one days ago", stale);

        // The next day, thirty becomes thirty-one.
        app.Clock.Advance(TimeSpan.FromDays(1));
        try
        {
            using var tomorrow = await app.ApiAsync(TestData.Manager);
            Assert.Contains("Updated thirty days ago", await StaleNamesAsync(tomorrow));
        }
        finally
        {
            app.Clock.Advance(TimeSpan.FromDays(-1));
        }
    }

    [Fact]
    public async Task Completeness_counts_every_required_field_of_the_form()
    {
        using var api = await app.ApiAsync(TestData.Manager);
        var bare = (await api.PostAsJsonAsync("/api/v1/initiatives", new { name = "Bare initiative", agencyId = app.Ids.Revenue })).Id();
        var missing = (await api.GetJsonAsync($"/api/v1/initiatives/{bare}")).GetProperty("missingFields").EnumerateArray().Select(m => m.GetString()).ToList();
        Assert.Contains("Initiative description", missing);
        Assert.Contains("Project manager / owner", missing);
        Assert.Contains("Latest update date", missing);
        Assert.Contains("Current risks / issues", missing);

        // Everything but the risks: one field short.
        var almost = await CreateAsync(api, "Almost complete", new { relationshipManagerPersonId = app.Ids.StaffPerson });
        (await UpdateAsync(api, almost, Today, risks: null)).EnsureSuccessStatusCode();
        Assert.Equal(["Current risks / issues"], (await api.GetJsonAsync($"/api/v1/initiatives/{almost}")).GetProperty("missingFields").EnumerateArray().Select(m => m.GetString()).ToList());
        (await UpdateAsync(api, almost, Today, risks: "None")).EnsureSuccessStatusCode();
        Assert.Equal(0, (await api.GetJsonAsync($"/api/v1/initiatives/{almost}")).GetProperty("missingFields").GetArrayLength());

        var incomplete = (await api.GetJsonAsync("/api/v1/initiatives?state=incomplete&pageSize=200")).GetProperty("items").EnumerateArray().Select(i => i.GetProperty("name").GetString()).ToList();
        Assert.Contains("Bare initiative", incomplete);
        Assert.DoesNotContain("Almost complete", incomplete);

        var health = await api.GetJsonAsync("/api/v1/portfolio/health");
        var now = health.GetProperty("now");
        Assert.True(now.GetProperty("open").GetInt32() >= 2);
        Assert.Equal(now.GetProperty("open").GetInt32() - now.GetProperty("complete").GetInt32(), now.GetProperty("incomplete").GetInt32());
    }

    [Fact]
    public async Task A_status_update_is_corrected_by_a_new_entry_and_the_form_shows_the_correction()
    {
        using var api = await app.ApiAsync(TestData.Manager);
        var id = await CreateAsync(api, "Corrected initiative");
        var first = await (await UpdateAsync(api, id, Today.AddDays(-3), "Wrong sponsor named")).JsonAsync();
        var noReason = await api.PostAsJsonAsync($"/api/v1/initiatives/{id}/updates/{first.GetProperty("id").GetInt32()}/corrections", new { statusOverview = "Right sponsor" });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, noReason.StatusCode);
        (await api.PostAsJsonAsync($"/api/v1/initiatives/{id}/updates/{first.GetProperty("id").GetInt32()}/corrections",
            new { statusOverview = "Right sponsor", reason = "The sponsor was misnamed" })).EnsureSuccessStatusCode();

        var initiative = await api.GetJsonAsync($"/api/v1/initiatives/{id}");
        Assert.Equal("Right sponsor", initiative.GetProperty("statusOverview").GetString());
        Assert.Equal(Today.AddDays(-3).ToString("yyyy-MM-dd"), initiative.GetProperty("latestUpdateOn").GetString());
        var history = await api.GetJsonAsync($"/api/v1/initiatives/{id}/updates");
        Assert.Equal(2, history.GetArrayLength());
        Assert.Contains(history.EnumerateArray(), u => u.GetProperty("statusOverview").GetString() == "Wrong sponsor named");
        var again = await api.PostAsJsonAsync($"/api/v1/initiatives/{id}/updates/{first.GetProperty("id").GetInt32()}/corrections", new { statusOverview = "Third try", reason = "again" });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, again.StatusCode);

        // A back-dated update goes into the history without replacing what the form shows.
        (await UpdateAsync(api, id, Today.AddDays(-10), "Older news")).EnsureSuccessStatusCode();
        Assert.Equal("Right sponsor", (await api.GetJsonAsync($"/api/v1/initiatives/{id}")).GetProperty("statusOverview").GetString());
        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await UpdateAsync(api, id, Today.AddDays(2))).StatusCode);
    }

    [Fact]
    public async Task Handing_to_the_PMO_records_when_and_to_whom_once()
    {
        using var api = await app.ApiAsync(TestData.Manager);
        var id = await CreateAsync(api, "PMO bound");
        var handed = await (await api.PostAsJsonAsync($"/api/v1/initiatives/{id}/handoff", new { toPersonId = app.Ids.StaffPerson, on = Today.ToString("yyyy-MM-dd") })).JsonAsync();
        Assert.Equal("Pmo", handed.GetProperty("managedBy").GetString());
        Assert.Equal(Today.ToString("yyyy-MM-dd"), handed.GetProperty("handedToPmoOn").GetString());
        Assert.Equal(app.Ids.StaffPerson, handed.GetProperty("handedToPmoPersonId").GetInt32());
        var twice = await api.PostAsJsonAsync($"/api/v1/initiatives/{id}/handoff", new { toPersonId = app.Ids.StaffPerson });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, twice.StatusCode);
    }

    [Fact]
    public async Task Importing_a_portfolio_writes_every_row_or_none_and_a_second_import_updates()
    {
        using var api = await app.ApiAsync(TestData.Manager);
        var bad = Spreadsheets.Csv("Initiative name,Agency,Current status overview,Latest update date,Health",
            "Imported one,LDR,Started,2026-11-01,On track", "Imported two,LDH,Started,2026-11-01,On track", "Imported three,LDR,Started,someday,Sideways");
        var refused = await RelationshipTests.ImportAsync(api, "/api/v1/initiatives/import", bad);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        var errors = (await refused.JsonAsync()).GetProperty("errors");
        Assert.Contains("Department of Health", errors.GetProperty("row 3")[0].GetString(), StringComparison.Ordinal);
        Assert.Equal(2, errors.GetProperty("row 4").GetArrayLength());
        Assert.DoesNotContain("Imported one", (await api.GetJsonAsync("/api/v1/initiatives?search=imported&state=all")).ToString(), StringComparison.Ordinal);

        var good = Spreadsheets.Csv("Initiative name,Agency,Project manager / owner,Current status overview,Latest update date,Health",
            $"Imported one,LDR,sam@provider.gov,Started,{Today.AddDays(-2):yyyy-MM-dd},On track", $"Imported two,Department of Revenue,Sam Staff,Planning,{Today.AddDays(-40):yyyy-MM-dd},at risk");
        var preview = await (await RelationshipTests.ImportAsync(api, "/api/v1/initiatives/import?dryRun=true", good)).JsonAsync();
        Assert.Equal(2, preview.GetProperty("createCount").GetInt32());
        var first = await (await RelationshipTests.ImportAsync(api, "/api/v1/initiatives/import", good)).JsonAsync();
        Assert.Equal(2, first.GetProperty("created").GetInt32());
        var list = (await api.GetJsonAsync("/api/v1/initiatives?search=imported&state=all")).GetProperty("items");
        Assert.Equal(2, list.GetArrayLength());
        var two = list.EnumerateArray().Single(i => i.GetProperty("name").GetString() == "Imported two");
        Assert.Equal("AtRisk", two.GetProperty("health").GetString());
        Assert.Contains("Imported two", await StaleNamesAsync(api));

        // The same file again: updates, no duplicates, no new status entries. A changed status: one new entry.
        var again = await (await RelationshipTests.ImportAsync(api, "/api/v1/initiatives/import", good)).JsonAsync();
        Assert.Equal(0, again.GetProperty("created").GetInt32());
        Assert.Equal(2, again.GetProperty("updated").GetInt32());
        Assert.Equal(2, (await api.GetJsonAsync("/api/v1/initiatives?search=imported&state=all")).GetProperty("items").GetArrayLength());
        var twoId = two.GetProperty("id").GetInt32();
        Assert.Equal(1, (await api.GetJsonAsync($"/api/v1/initiatives/{twoId}/updates")).GetArrayLength());
        var changed = Spreadsheets.Csv("Initiative name,Agency,Current status overview,Latest update date", $"Imported two,LDR,Executing now,{Today:yyyy-MM-dd}");
        (await RelationshipTests.ImportAsync(api, "/api/v1/initiatives/import", changed)).EnsureSuccessStatusCode();
        Assert.Equal(2, (await api.GetJsonAsync($"/api/v1/initiatives/{twoId}/updates")).GetArrayLength());
        var updated = await api.GetJsonAsync($"/api/v1/initiatives/{twoId}");
        Assert.Equal("Executing now", updated.GetProperty("statusOverview").GetString());
        Assert.Equal("Sam Staff", updated.GetProperty("ownerName").GetString());
    }

    [Fact]
    public async Task An_import_with_unfamiliar_headers_works_once_the_columns_are_chosen()
    {
        using var api = await app.ApiAsync(TestData.Manager);
        var file = Spreadsheets.Csv("Scheme,Dept", "Chosen columns,LDR");
        var unknown = await (await RelationshipTests.ImportAsync(api, "/api/v1/initiatives/import?dryRun=true", file)).JsonAsync();
        Assert.Contains("Initiative name", unknown.GetProperty("fileErrors")[0].GetString(), StringComparison.Ordinal);
        Assert.Equal(["Scheme", "Dept"], unknown.GetProperty("headers").EnumerateArray().Select(h => h.GetString()).ToList());
        var content = new MultipartFormDataContent { { new ByteArrayContent(file), "file", "file.csv" }, { new StringContent("{\"Name\":\"Scheme\",\"Agency\":\"Dept\"}"), "columns" } };
        var imported = await (await api.PostAsync("/api/v1/initiatives/import", content)).JsonAsync();
        Assert.Equal(1, imported.GetProperty("created").GetInt32());
    }

    [Fact]
    public async Task Agency_users_see_their_initiatives_shared_fields_only_and_never_the_quick_wins()
    {
        using var api = await app.ApiAsync(TestData.Manager);
        var id = await CreateAsync(api, "Shared with the agency");
        (await UpdateAsync(api, id, Today, "Visible overview", "Internal risk: the vendor is late")).EnsureSuccessStatusCode();
        (await api.PostAsJsonAsync("/api/v1/quick-wins", new { taskName = "Secret quick win", agencyId = app.Ids.Revenue, contributorIds = new[] { app.Ids.StaffPerson }, completedOn = Today.ToString("yyyy-MM-dd") })).EnsureSuccessStatusCode();

        using var agency = await app.ApiAsync(TestData.RevenueUser);
        var mine = await agency.GetJsonAsync("/api/v1/initiatives");
        var shared = mine.EnumerateArray().Single(i => i.GetProperty("id").GetInt32() == id);
        Assert.Equal("Visible overview", shared.GetProperty("statusOverview").GetString());
        Assert.Equal("Sam Staff", shared.GetProperty("projectManager").GetString());
        Assert.DoesNotContain("vendor is late", mine.ToString(), StringComparison.Ordinal);
        var one = await agency.GetJsonAsync($"/api/v1/initiatives/{id}");
        Assert.False(one.TryGetProperty("risks", out _));
        Assert.Equal("Sam Staff", one.GetProperty("projectManager").GetString());
        Assert.Equal(HttpStatusCode.Forbidden, (await agency.GetAsync($"/api/v1/initiatives/{id}/updates")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await agency.GetAsync("/api/v1/quick-wins")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await agency.GetAsync("/api/v1/portfolio/health")).StatusCode);

        using var session = await app.SignedInAsync(TestData.RevenueUser);
        var page = await session.GetAsync($"/Agencies/Details/{app.Ids.Revenue}");
        Assert.Contains("Shared with the agency", page.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("vendor is late", page.Text, StringComparison.Ordinal);
        var details = await session.GetAsync($"/Portfolio/Details/{id}");
        Assert.Contains("Visible overview", details.Text, StringComparison.Ordinal);
        Assert.Contains("Sam Staff", details.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("vendor is late", details.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Secret quick win", (await session.GetAsync("/QuickWins")).Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Stale_initiatives_reach_My_work_and_their_owners_inbox()
    {
        using var api = await app.ApiAsync(TestData.Manager);
        var id = await CreateAsync(api, "Forgotten initiative");
        (await UpdateAsync(api, id, Today.AddDays(-45))).EnsureSuccessStatusCode();
        var work = (await api.GetJsonAsync("/api/v1/me/work?section=initiatives")).EnumerateArray().Single(s => s.GetProperty("key").GetString() == "initiatives");
        Assert.Contains("Forgotten initiative", work.ToString(), StringComparison.Ordinal);

        using var session = await app.SignedInAsync(TestData.Manager);
        var health = await session.GetAsync("/Portfolio/Health");
        Assert.Contains("Sam Staff", health.Document.GetElementById("owners-heading")!.ParentElement!.TextContent, StringComparison.Ordinal);
        var sent = await session.SubmitAsync(health, new Dictionary<string, object?>(), "form[action*='handler=Remind']");
        Assert.Contains("Emailed", sent.Text, StringComparison.Ordinal);
        var mail = (await app.DeliverAsync()).Where(m => Mail.To(m).Address == "sam@provider.gov").ToList();
        Assert.Contains(mail, m => Mail.Decode(m).Contains("Forgotten initiative", StringComparison.Ordinal));

        var saved = await session.SubmitAsync(await session.GetAsync("/Portfolio/Health"), new Dictionary<string, object?>(), "form[action*='handler=Snapshot']");
        Assert.Contains(Today.ToString("MMMM yyyy", System.Globalization.CultureInfo.InvariantCulture), saved.Document.GetElementById("trend-heading")!.ParentElement!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Quick_wins_are_logged_listed_by_period_summarised_and_reimported_without_duplicates()
    {
        using var api = await app.ApiAsync(TestData.Manager);
        var noStaff = await api.PostAsJsonAsync("/api/v1/quick-wins", new { taskName = "Lonely win", agencyId = app.Ids.Revenue, completedOn = Today.ToString("yyyy-MM-dd") });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, noStaff.StatusCode);
        Assert.True((await noStaff.JsonAsync()).GetProperty("errors").TryGetProperty("contributorIds", out _));

        var file = Spreadsheets.Csv("Task name,Agency,Contributing staff,Benefit to the agency,Date completed",
            $"Restored mailbox,LDR,Sam Staff,Kept working,{Today.AddMonths(-1):yyyy-MM-dd}", $"Fixed VPN,LDR,sam@provider.gov,Field staff online,{Today:yyyy-MM-dd}");
        Assert.Equal(2, (await (await RelationshipTests.ImportAsync(api, "/api/v1/quick-wins/import", file)).JsonAsync()).GetProperty("created").GetInt32());
        Assert.Equal(2, (await (await RelationshipTests.ImportAsync(api, "/api/v1/quick-wins/import", file)).JsonAsync()).GetProperty("updated").GetInt32());

        var thisMonth = await api.GetJsonAsync($"/api/v1/quick-wins?from={Today.AddDays(-3):yyyy-MM-dd}&search=vpn");
        Assert.Equal(1, thisMonth.GetProperty("totalCount").GetInt32());
        Assert.Equal("Sam Staff", thisMonth.GetProperty("items")[0].GetProperty("contributors").GetString());
        var summary = await api.GetJsonAsync("/api/v1/quick-wins/summary");
        Assert.True(summary.GetProperty("total").GetInt32() >= 2);
        Assert.Contains(summary.GetProperty("byAgency").EnumerateArray(), a => a.GetProperty("agency").GetString() == "Department of Revenue");
        var csv = Spreadsheets.ReadCsv(await api.GetByteArrayAsync("/api/v1/quick-wins/export?format=csv&search=restored"));
        Assert.Equal(["Id", "Task name", "Task description", "Agency", "Relationship manager", "Contributing staff", "Benefit to the agency", "Date completed"], csv[0]);
        Assert.Equal("Restored mailbox", csv[1][1]);
        Assert.Equal("Sam Staff", csv[1][5]);

        // The summary by month puts each win in its own month.
        var months = summary.GetProperty("byMonth").EnumerateArray().ToDictionary(m => m.GetProperty("month").GetString()!, m => m.GetProperty("count").GetInt32());
        var thisMonthKey = Today.ToString("yyyy-MM");
        var lastMonthKey = Today.AddMonths(-1).ToString("yyyy-MM");
        Assert.True(months[thisMonthKey] >= 1 && months[lastMonthKey] >= 1, summary.ToString());
    }

    [Fact]
    public async Task The_health_review_lists_owners_most_stale_first_a_page_at_a_time_and_follows_every_save()
    {
        using var api = await app.ApiAsync(TestData.Manager);
        var before = (await api.GetJsonAsync("/api/v1/portfolio/health?pageSize=200")).GetProperty("now");
        await CreateAsync(api, "Stale one of Sam");
        await CreateAsync(api, "Stale two of Sam");
        await CreateAsync(api, "Stale without an owner", new { ownerPersonId = (int?)null });

        // Read just before, the review still counts what was saved since.
        var health = await api.GetJsonAsync("/api/v1/portfolio/health?pageSize=200");
        Assert.Equal(before.GetProperty("open").GetInt32() + 3, health.GetProperty("now").GetProperty("open").GetInt32());
        Assert.Equal(before.GetProperty("stale").GetInt32() + 3, health.GetProperty("now").GetProperty("stale").GetInt32());

        var owners = health.GetProperty("owners").GetProperty("items").EnumerateArray().ToList();
        var staleCounts = owners.Select(o => o.GetProperty("stale").GetInt32()).ToList();
        Assert.Equal(staleCounts.OrderByDescending(n => n), staleCounts);
        Assert.True(owners.Single(o => o.GetProperty("ownerName").GetString() == "Sam Staff").GetProperty("stale").GetInt32() >= 2);
        Assert.True(owners.Single(o => o.GetProperty("ownerName").GetString() == "No owner").GetProperty("stale").GetInt32() >= 1);

        var firstPage = (await api.GetJsonAsync("/api/v1/portfolio/health?pageSize=1")).GetProperty("owners");
        Assert.Equal(owners.Count, firstPage.GetProperty("totalCount").GetInt32());
        Assert.Equal(owners[0].GetProperty("ownerName").GetString(), Assert.Single(firstPage.GetProperty("items").EnumerateArray()).GetProperty("ownerName").GetString());
        var secondPage = (await api.GetJsonAsync("/api/v1/portfolio/health?pageSize=1&page=2")).GetProperty("owners");
        Assert.Equal(owners[1].GetProperty("ownerName").GetString(), Assert.Single(secondPage.GetProperty("items").EnumerateArray()).GetProperty("ownerName").GetString());
    }
}
