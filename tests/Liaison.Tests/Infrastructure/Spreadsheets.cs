using System.IO.Compression;
using System.Text;
using System.Xml.Linq;

namespace Liaison.Tests.Infrastructure;

/// <summary>Reads exported files independently of the app's own reader, and writes files to import.</summary>
public static class Spreadsheets
{
    /// <summary>The cells of the first sheet of an .xlsx file, row by row (inline and shared strings, numbers as written).</summary>
    public static List<List<string>> ReadXlsx(byte[] content)
    {
        using var zip = new ZipArchive(new MemoryStream(content));
        XNamespace ns = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
        var shared = zip.GetEntry("xl/sharedStrings.xml") is { } s
            ? XDocument.Load(s.Open()).Descendants(ns + "si").Select(si => si.Value).ToList()
            : [];
        var sheet = XDocument.Load(zip.GetEntry("xl/worksheets/sheet1.xml")!.Open());
        return sheet.Descendants(ns + "row").Select(row => row.Elements(ns + "c").Select(c =>
            (string?)c.Attribute("t") switch
            {
                "inlineStr" => c.Element(ns + "is")!.Value,
                "s" => shared[int.Parse(c.Element(ns + "v")!.Value, System.Globalization.CultureInfo.InvariantCulture)],
                _ => c.Element(ns + "v")?.Value ?? "",
            }).ToList()).ToList();
    }

    /// <summary>The first sheet's XML, to read what a spreadsheet program shows besides the cells (panes, filters, widths).</summary>
    public static XDocument Sheet(byte[] content)
    {
        using var zip = new ZipArchive(new MemoryStream(content));
        return XDocument.Load(zip.GetEntry("xl/worksheets/sheet1.xml")!.Open());
    }

    /// <summary>The rows of a CSV file (no quoted commas in what the tests read).</summary>
    public static List<string[]> ReadCsv(byte[] content) =>
        Encoding.UTF8.GetString(content).TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries)
            .Select(line => line.Split(',')).ToList();

    public static byte[] Csv(params string[] lines) => Encoding.UTF8.GetBytes(string.Join("\r\n", lines) + "\r\n");

    /// <summary>A minimal .xlsx workbook, written by hand the way other spreadsheet programs do (shared strings).</summary>
    public static byte[] Xlsx(params string[][] rows)
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            void Add(string path, string xml)
            {
                using var writer = new StreamWriter(zip.CreateEntry(path).Open(), new UTF8Encoding(false));
                writer.Write(xml);
            }
            var strings = rows.SelectMany(r => r).Distinct().ToList();
            Add("[Content_Types].xml", """<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>""");
            Add("_rels/.rels", """<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>""");
            Add("xl/workbook.xml", """<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="People" sheetId="1" r:id="rId1"/></sheets></workbook>""");
            Add("xl/_rels/workbook.xml.rels", """<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>""");
            Add("xl/sharedStrings.xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><sst xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">" +
                string.Concat(strings.Select(s => $"<si><t>{System.Security.SecurityElement.Escape(s)}</t></si>")) + "</sst>");
            var sheet = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?><worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>");
            for (var r = 0; r < rows.Length; r++)
            {
                sheet.Append($"<row r=\"{r + 1}\">");
                for (var c = 0; c < rows[r].Length; c++)
                {
                    if (rows[r][c].Length > 0)
                        sheet.Append($"<c r=\"{(char)('A' + c)}{r + 1}\" t=\"s\"><v>{strings.IndexOf(rows[r][c])}</v></c>");
                }
                sheet.Append("</row>");
            }
            sheet.Append("</sheetData></worksheet>");
            Add("xl/worksheets/sheet1.xml", sheet.ToString());
        }
        return buffer.ToArray();
    }
}

/// <summary>Parses iCalendar text with Mozilla's ical.js (tests/Liaison.Tests/js), independently of Liaison's own writer.</summary>
public static class ICalendar
{
    public sealed record Event(string Uid, string Summary, string? Location, string? Description, string Start, string End, bool AllDay, string? Status,
        int Sequence = 0, string? Url = null, string? Organizer = null, Attendee[]? Attendees = null);

    public sealed record Attendee(string Address, string? Name);

    public sealed record Parsed(string? Name, Event[] Events, string? Method = null);

    public static async Task<Parsed> ParseAsync(string ics)
    {
        var file = Path.Combine(Path.GetTempPath(), $"liaison-{Guid.NewGuid():N}.ics");
        await File.WriteAllTextAsync(file, ics);
        try
        {
            var (exitCode, output, error) = await JsTools.RunAsync("node", Path.Combine(JsTools.Folder, "parse-ics.mjs"), file);
            Assert.True(exitCode == 0, "ical.js could not parse the calendar: " + error);
            return System.Text.Json.JsonSerializer.Deserialize<Parsed>(output, ApiJson.Options)!;
        }
        finally
        {
            File.Delete(file);
        }
    }
}

/// <summary>The npm tools the tests check Liaison's output with (tests/Liaison.Tests/js), run as their own processes.</summary>
public static class JsTools
{
    public static string Folder { get; } = Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "../../../js"));

    /// <summary>Runs a program in the tools' folder; its exit code and what it wrote.</summary>
    public static async Task<(int ExitCode, string Output, string Error)> RunAsync(string program, params string[] arguments)
    {
        var start = new System.Diagnostics.ProcessStartInfo(program) { WorkingDirectory = Folder, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
            start.ArgumentList.Add(argument);
        start.Environment["REDOCLY_TELEMETRY"] = "off";
        start.Environment["REDOCLY_SUPPRESS_UPDATE_NOTICE"] = "true";
        using var process = System.Diagnostics.Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await output, await error);
    }
}
