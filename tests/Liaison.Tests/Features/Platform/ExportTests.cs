using System.Net;
using Liaison.Tests.Infrastructure;

namespace Liaison.Tests.Features.Platform;

/// <summary>Every export answers alike: CSV by default, XLSX on request, the same file name pattern, the same error.</summary>
public sealed class ExportTests(LiaisonApp app) : IClassFixture<LiaisonApp>
{
    public static TheoryData<string, string> Exports => new()
    {
        { "/api/v1/agencies/export", "agencies" },
        { "/api/v1/people/export", "people" },
        { "/api/v1/units/export", "operational-units" },
        { "/api/v1/lines-of-service/export", "lines-of-service" },
        { "/api/v1/interactions/export", "interactions" },
        { "/api/v1/action-items/export", "action-items" },
        { "/api/v1/users/export", "users" },
        { "/api/v1/audit/export", "audit-trail" },
        { "/api/v1/initiatives/export", "portfolio" },
        { "/api/v1/quick-wins/export", "quick-wins" },
    };

    [Theory]
    [MemberData(nameof(Exports))]
    public async Task An_export_is_csv_by_default_xlsx_on_request_and_refuses_another_format_on_its_field(string route, string name)
    {
        using var api = await app.ApiAsync(TestData.Admin);

        var csv = await api.GetAsync(route);
        Assert.Equal(HttpStatusCode.OK, csv.StatusCode);
        Assert.Equal("text/csv", csv.Content.Headers.ContentType!.MediaType);
        Assert.Matches($"^{name}-\\d{{4}}-\\d{{2}}-\\d{{2}}\\.csv$", csv.Content.Headers.ContentDisposition!.FileNameStar ?? csv.Content.Headers.ContentDisposition.FileName!.Trim('"'));
        Assert.NotEmpty(Spreadsheets.ReadCsv(await csv.Content.ReadAsByteArrayAsync())[0]);

        var xlsx = await api.GetAsync(route + "?format=xlsx");
        Assert.Equal(HttpStatusCode.OK, xlsx.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", xlsx.Content.Headers.ContentType!.MediaType);
        Assert.EndsWith(".xlsx", xlsx.Content.Headers.ContentDisposition!.FileNameStar ?? xlsx.Content.Headers.ContentDisposition.FileName!.Trim('"'), StringComparison.Ordinal);

        var pdf = await api.GetAsync(route + "?format=pdf");
        Assert.Equal(HttpStatusCode.BadRequest, pdf.StatusCode);
        var problem = await pdf.JsonAsync();
        Assert.Equal("Unknown format", problem.GetProperty("title").GetString());
        Assert.Equal("Use format=csv or format=xlsx.", problem.GetProperty("errors").GetProperty("format")[0].GetString());
    }
}
