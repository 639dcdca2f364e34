using System.Net;
using System.Net.Http.Json;
using Liaison.Tests.Infrastructure;

namespace Liaison.Tests.Features.Directory.Catalogue;

public sealed class CatalogueTests(LiaisonApp app) : IClassFixture<LiaisonApp>
{
    [Fact]
    public async Task An_administrator_adds_a_unit_and_a_line_of_service_in_it()
    {
        using var admin = await app.SignedInAsync(TestData.Admin);
        var unitForm = await admin.GetAsync("/Units/Create");
        var unit = await admin.SubmitAsync(unitForm, new Dictionary<string, object?> { ["Input.Name"] = "Network Services (OTM)", ["Input.Description"] = "Voice and data networks." });
        Assert.Equal("Network Services (OTM)", unit.Heading);

        var lineForm = await admin.GetAsync(unit.Document.QuerySelector("a[href^='/LinesOfService/Create']")!.GetAttribute("href")!);
        var line = await admin.SubmitAsync(lineForm, new Dictionary<string, object?> { ["Input.Name"] = "Voice Services", ["Input.Description"] = "Telephone services." });
        Assert.Equal("Voice Services", line.Heading);
        Assert.Contains("Network Services (OTM)", line.Text, StringComparison.Ordinal);

        var list = await admin.GetAsync("/LinesOfService?search=voice");
        Assert.Contains("Voice Services", list.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Names_are_unique_and_a_line_needs_its_unit()
    {
        using var api = await app.ApiAsync(TestData.Admin);
        var duplicate = await api.PostAsJsonAsync("/api/v1/units", new { name = "end user computing" });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, duplicate.StatusCode);
        var orphan = await api.PostAsJsonAsync("/api/v1/lines-of-service", new { name = "Orphan line" });
        Assert.Equal("Choose the operational unit that delivers it.", (await orphan.JsonAsync()).GetProperty("errors").GetProperty("operationalUnitId")[0].GetString());
    }

    [Fact]
    public async Task Everyone_reads_the_catalogue_but_only_administrators_change_it()
    {
        using var agency = await app.ApiAsync(TestData.RevenueUser);
        var lines = await agency.GetJsonAsync("/api/v1/lines-of-service");
        Assert.True(lines.GetProperty("totalCount").GetInt32() >= 2);
        var edit = await agency.PutJsonAsync($"/api/v1/lines-of-service/{app.Ids.LineGis}", new { name = "Hacked", operationalUnitId = app.Ids.UnitApps }, "\"1\"");
        Assert.Equal(HttpStatusCode.Forbidden, edit.StatusCode);
        using var manager = await app.ApiAsync(TestData.Manager);
        Assert.Equal(HttpStatusCode.Forbidden, (await manager.PostAsJsonAsync("/api/v1/units", new { name = "Shadow IT" })).StatusCode);
    }

    [Fact]
    public async Task A_line_of_service_page_lists_only_the_agencies_the_user_may_see()
    {
        using var health = await app.SignedInAsync(TestData.HealthUser);
        var desk = await health.GetAsync($"/LinesOfService/Details/{app.Ids.LineServiceDesk}");
        Assert.DoesNotContain("Department of Revenue", desk.Text, StringComparison.Ordinal);
        using var exec = await app.SignedInAsync(TestData.Executive);
        Assert.Contains("Department of Revenue", (await exec.GetAsync($"/LinesOfService/Details/{app.Ids.LineServiceDesk}")).Text, StringComparison.Ordinal);
    }
}
