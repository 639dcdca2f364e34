using System.Net;
using System.Net.Http.Json;
using Liaison.Tests.Infrastructure;

namespace Liaison.Tests.Features.Directory.Agencies;

public sealed class AgencyApiTests(LiaisonApp app) : IClassFixture<LiaisonApp>
{
    [Fact]
    public async Task Create_read_update_and_deactivate_through_the_api()
    {
        using var api = await app.ApiAsync(TestData.Admin);
        var created = await api.PostAsJsonAsync("/api/v1/agencies", new { name = "Board of Regents", acronym = "bor", lineOfServiceIds = new[] { app.Ids.LineGis } });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal("\"1\"", created.Headers.ETag!.Tag);
        var body = await created.JsonAsync();
        Assert.Equal("BOR", body.GetProperty("acronym").GetString());
        Assert.Equal("GIS", body.GetProperty("linesOfService")[0].GetProperty("name").GetString());
        var id = created.Id();

        var read = await api.GetAsync($"/api/v1/agencies/{id}");
        Assert.Equal("\"1\"", read.Headers.ETag!.Tag);

        var updated = await api.PutJsonAsync($"/api/v1/agencies/{id}", new { name = "Board of Regents", acronym = "BOR", phone = "(225) 555-0000" }, ifMatch: "\"1\"");
        Assert.Equal(HttpStatusCode.OK, updated.StatusCode);
        Assert.Equal(2, (await updated.JsonAsync()).GetProperty("version").GetInt32());

        var byBodyVersion = await api.PutJsonAsync($"/api/v1/agencies/{id}", new { name = "Board of Regents", acronym = "BOR", version = 2 });
        Assert.Equal(HttpStatusCode.OK, byBodyVersion.StatusCode);

        var deactivated = await api.PostAsync($"/api/v1/agencies/{id}/deactivate", null);
        Assert.False((await deactivated.JsonAsync()).GetProperty("isActive").GetBoolean());
        var list = await api.GetJsonAsync("/api/v1/agencies?search=regents");
        Assert.Equal(0, list.GetProperty("totalCount").GetInt32());
        var inactive = await api.GetJsonAsync("/api/v1/agencies?search=regents&status=inactive");
        Assert.Equal(1, inactive.GetProperty("totalCount").GetInt32());
    }

    [Fact]
    public async Task A_stale_version_is_answered_409_with_what_changed()
    {
        using var api = await app.ApiAsync(TestData.Admin);
        var id = (await api.PostAsJsonAsync("/api/v1/agencies", new { name = "Stale Office" })).Id();
        (await api.PutJsonAsync($"/api/v1/agencies/{id}", new { name = "Stale Office", phone = "(225) 555-1111" }, "\"1\"")).EnsureSuccessStatusCode();

        var stale = await api.PutJsonAsync($"/api/v1/agencies/{id}", new { name = "Stale Office", phone = "(225) 555-2222" }, "\"1\"");
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.Equal("application/problem+json", stale.Content.Headers.ContentType!.MediaType);
        var problem = await stale.JsonAsync();
        Assert.Equal(2, problem.GetProperty("currentVersion").GetInt32());
        Assert.Equal(TestData.Admin, problem.GetProperty("changedBy").GetString());
        var field = problem.GetProperty("fields")[0];
        Assert.Equal("phone", field.GetProperty("field").GetString());
        Assert.Equal("(225) 555-1111", field.GetProperty("saved").GetString());

        var current = await api.GetJsonAsync($"/api/v1/agencies/{id}");
        Assert.Equal("(225) 555-1111", current.GetProperty("phone").GetString());
    }

    [Fact]
    public async Task An_update_without_a_version_is_refused_rather_than_risking_an_overwrite()
    {
        using var api = await app.ApiAsync(TestData.Admin);
        var response = await api.PutJsonAsync($"/api/v1/agencies/{app.Ids.Revenue}", new { name = "Department of Revenue" });
        Assert.Equal(HttpStatusCode.PreconditionRequired, response.StatusCode);
        Assert.Equal("A version is required", (await response.JsonAsync()).GetProperty("title").GetString());
    }

    [Fact]
    public async Task Invalid_fields_are_answered_422_with_the_field_errors()
    {
        using var api = await app.ApiAsync(TestData.Admin);
        var response = await api.PostAsJsonAsync("/api/v1/agencies", new { name = "", website = "not a url", phone = "call me maybe" });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        var errors = (await response.JsonAsync()).GetProperty("errors");
        Assert.Equal("Enter the agency's name.", errors.GetProperty("name")[0].GetString());
        Assert.Equal("Enter a web address starting with https://.", errors.GetProperty("website")[0].GetString());
        Assert.True(errors.TryGetProperty("phone", out _));
    }

    [Fact]
    public async Task A_body_that_is_not_json_is_answered_400_without_a_stack_trace()
    {
        using var api = await app.ApiAsync(TestData.Admin);
        var response = await api.PostAsync("/api/v1/agencies", new StringContent("{\"name\": 5", System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var text = await response.Content.ReadAsStringAsync();
        Assert.Contains("could not be read", text, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_list_pages_and_sorts_and_the_export_follows_the_filters()
    {
        using var api = await app.ApiAsync(TestData.Executive);
        var page = await api.GetJsonAsync("/api/v1/agencies?sort=acronym&desc=true&pageSize=1");
        Assert.Equal(1, page.GetProperty("items").GetArrayLength());
        Assert.True(page.GetProperty("totalCount").GetInt32() >= 2);
        Assert.Equal("LDR", page.GetProperty("items")[0].GetProperty("acronym").GetString());

        var export = await api.GetAsync("/api/v1/agencies/export?format=csv&search=health");
        var bytes = await export.Content.ReadAsByteArrayAsync();
        var rows = Spreadsheets.ReadCsv(bytes);
        Assert.Equal(2, rows.Count);
        Assert.Equal("Department of Health", rows[1][1]);

        var unknown = await api.GetAsync("/api/v1/agencies/export?format=pdf");
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
    }

    [Fact]
    public async Task The_history_lists_each_field_from_what_to_what()
    {
        using var api = await app.ApiAsync(TestData.Admin);
        var id = (await api.PostAsJsonAsync("/api/v1/agencies", new { name = "History Office", acronym = "HO" })).Id();
        (await api.PutJsonAsync($"/api/v1/agencies/{id}", new { name = "History Office", acronym = "HIO", lineOfServiceIds = new[] { app.Ids.LineServiceDesk } }, "\"1\"")).EnsureSuccessStatusCode();

        var history = await api.GetJsonAsync($"/api/v1/agencies/{id}/history");
        var latest = history[0];
        Assert.Equal("Updated", latest.GetProperty("action").GetString());
        Assert.Equal(TestData.Admin, latest.GetProperty("userName").GetString());
        var changes = latest.GetProperty("changes").EnumerateArray().Select(c => $"{Text(c, "field")}: {Text(c, "from")} -> {Text(c, "to")}").ToList();
        Assert.Contains("Acronym: HO -> HIO", changes);
        Assert.Contains("Lines of service:  -> added Service Desk", changes);
        Assert.Equal("Created", history[1].GetProperty("action").GetString());
    }

    private static string? Text(System.Text.Json.JsonElement e, string name) => e.TryGetProperty(name, out var v) ? v.GetString() : null;
}
