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
        { "/api/v1/meetings/export?when=all", "meetings" },
        { "/api/v1/scoreboard/export", "scoreboard" },
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

        var xlsx = await api.GetAsync(route + (route.Contains('?', StringComparison.Ordinal) ? "&" : "?") + "format=xlsx");
        Assert.Equal(HttpStatusCode.OK, xlsx.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", xlsx.Content.Headers.ContentType!.MediaType);
        Assert.EndsWith(".xlsx", xlsx.Content.Headers.ContentDisposition!.FileNameStar ?? xlsx.Content.Headers.ContentDisposition.FileName!.Trim('"'), StringComparison.Ordinal);

        var pdf = await api.GetAsync(route + (route.Contains('?', StringComparison.Ordinal) ? "&" : "?") + "format=pdf");
        Assert.Equal(HttpStatusCode.BadRequest, pdf.StatusCode);
        var problem = await pdf.JsonAsync();
        Assert.Equal("Unknown format", problem.GetProperty("title").GetString());
        Assert.Equal("Use format=csv or format=xlsx.", problem.GetProperty("errors").GetProperty("format")[0].GetString());
    }

    [Fact]
    public async Task The_meetings_lists_export_links_download_the_list_as_filtered()
    {
        using var manager = await app.SignedInAsync(TestData.Manager);
        var list = await manager.GetAsync("/Meetings?when=all");
        var link = list.Document.QuerySelectorAll("a").Single(a => a.TextContent.Trim() == "Export CSV").GetAttribute("href")!;
        var csv = await manager.GetRawAsync(link);
        Assert.Equal("text/csv", csv.Content.Headers.ContentType!.MediaType);
        var rows = Spreadsheets.ReadCsv(await csv.Content.ReadAsByteArrayAsync());
        Assert.StartsWith("Starts (", rows[0][1], StringComparison.Ordinal);
        Assert.Contains(rows.Skip(1), r => r[3] == "Health program meeting");

        var link2 = list.Document.QuerySelectorAll("a").Single(a => a.TextContent.Trim() == "Export XLSX").GetAttribute("href")!;
        var xlsx = Spreadsheets.ReadXlsx(await (await manager.GetRawAsync(link2)).Content.ReadAsByteArrayAsync());
        Assert.Contains(xlsx.Skip(1), r => r[3] == "Health program meeting");

        var none = await manager.GetRawAsync("/Meetings?when=all&search=zzz-nothing&handler=Export&format=csv");
        Assert.Single(Spreadsheets.ReadCsv(await none.Content.ReadAsByteArrayAsync()));
    }

    [Fact]
    public async Task An_xlsx_export_opens_with_a_frozen_filtered_header_row_and_columns_wide_enough_to_read()
    {
        using var api = await app.ApiAsync(TestData.Admin);
        var content = await (await api.GetAsync("/api/v1/agencies/export?format=xlsx")).Content.ReadAsByteArrayAsync();
        var sheet = Spreadsheets.Sheet(content);
        var ns = sheet.Root!.Name.Namespace;
        var pane = sheet.Descendants(ns + "pane").Single();
        Assert.Equal("frozen", (string?)pane.Attribute("state"));
        Assert.Equal("1", (string?)pane.Attribute("ySplit"));
        Assert.Equal("A2", (string?)pane.Attribute("topLeftCell"));
        var rows = Spreadsheets.ReadXlsx(content);
        var lastColumn = (char)('A' + rows[0].Count - 1);
        Assert.Equal($"A1:{lastColumn}{rows.Count}", (string?)sheet.Descendants(ns + "autoFilter").Single().Attribute("ref"));
        var widths = sheet.Descendants(ns + "col").ToDictionary(c => int.Parse((string)c.Attribute("min")!, System.Globalization.CultureInfo.InvariantCulture),
            c => double.Parse((string)c.Attribute("width")!, System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(rows[0].Count, widths.Count);
        var nameColumn = rows[0].IndexOf("Name") + 1;
        var longestName = rows.Skip(1).Max(r => r[nameColumn - 1].Length);
        Assert.True(widths[nameColumn] >= longestName, $"the Name column is {widths[nameColumn]} wide for names of {longestName} characters");
        Assert.All(widths.Values, w => Assert.InRange(w, 8, 60));

        // The Open XML SDK's schema validator: what Excel would "repair" on opening fails here.
        using var document = DocumentFormat.OpenXml.Packaging.SpreadsheetDocument.Open(new MemoryStream(content), isEditable: false);
        var errors = new DocumentFormat.OpenXml.Validation.OpenXmlValidator().Validate(document).Select(e => $"{e.Path?.XPath}: {e.Description}").ToList();
        Assert.True(errors.Count == 0, string.Join("\n", errors));
    }
}
