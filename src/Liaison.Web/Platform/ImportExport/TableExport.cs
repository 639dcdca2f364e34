using System.Globalization;
using CsvHelper;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Liaison.Web.Platform.Web;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Liaison.Web.Platform.ImportExport;

internal enum ExportFormat
{
    Csv,
    Xlsx,
}

/// <summary>An exported file, ready for a page or an endpoint to send.</summary>
internal sealed record ExportFile(byte[] Content, string ContentType, string FileName);

/// <summary>One column of an exported list: its header and how to read it from a row.</summary>
internal sealed record ExportColumn<T>(string Header, Func<T, object?> Value);

/// <summary>Writes a list, as filtered, to CSV or XLSX. Headers match what the importers accept.</summary>
internal static class TableExport
{
    /// <summary>The API's answer to a format it does not write: 400, with the error on the format field.</summary>
    public static ProblemHttpResult UnknownFormat() => ResultTranslation.BadRequest("format", "Use format=csv or format=xlsx.", "Unknown format");

    public static bool TryParseFormat(string? value, out ExportFormat format) =>
        Enum.TryParse(value, ignoreCase: true, out format) && Enum.IsDefined(format);

    public static ExportFile ToFile<T>(IEnumerable<T> rows, IReadOnlyList<ExportColumn<T>> columns, ExportFormat format, string baseName, DateTime now)
    {
        var fileName = $"{baseName}-{now:yyyy-MM-dd}.{format.ToString().ToLowerInvariant()}";
        return format == ExportFormat.Csv
            ? new ExportFile(WriteCsv(rows, columns), "text/csv; charset=utf-8", fileName)
            : new ExportFile(WriteXlsx(rows, columns, baseName), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", fileName);
    }

    /// <summary>
    /// The API's answer to GET .../export?format=, the same for every export: CSV unless format=xlsx, the file named
    /// <c>&lt;list&gt;-&lt;date&gt;.&lt;format&gt;</c>, and 400 with the error on the format field for any other format.
    /// </summary>
    public static Task<Results<Download, ProblemHttpResult>> AnswerAsync(string? format, Func<ExportFormat, Task<ExportFile>> export) =>
        AnswerAsync(format, async f => Result<ExportFile>.Ok(await export(f)));

    /// <summary>As above, for a use case that may refuse the export (403, 404).</summary>
    public static async Task<Results<Download, ProblemHttpResult>> AnswerAsync(string? format, Func<ExportFormat, Task<Result<ExportFile>>> export)
    {
        if (!TryParseFormat(format ?? "csv", out var f))
            return UnknownFormat();
        var file = await export(f);
        return file.IsOk ? new Download(file.Value!) : file.Problem();
    }

    public static byte[] WriteCsv<T>(IEnumerable<T> rows, IReadOnlyList<ExportColumn<T>> columns)
    {
        using var stream = new MemoryStream();
        // A byte order mark makes Excel open the file as UTF-8.
        using (var writer = new StreamWriter(stream, new System.Text.UTF8Encoding(encoderShouldEmitUTF8Identifier: true)))
        using (var csv = new CsvWriter(writer, new CsvHelper.Configuration.CsvConfiguration(CultureInfo.InvariantCulture) { NewLine = "\r\n" }))
        {
            foreach (var column in columns)
                csv.WriteField(column.Header);
            csv.NextRecord();
            foreach (var row in rows)
            {
                foreach (var column in columns)
                    csv.WriteField(NeutraliseFormula(FormatText(column.Value(row))));
                csv.NextRecord();
            }
        }
        return stream.ToArray();
    }

    /// <summary>
    /// One sheet as people expect an export to open: the header row frozen and filtered, each column as wide as what it
    /// holds (within reason), dates as dates.
    /// </summary>
    public static byte[] WriteXlsx<T>(IEnumerable<T> rows, IReadOnlyList<ExportColumn<T>> columns, string sheetName) =>
        WriteWorkbook([Sheet(sheetName, rows, columns)]);

    /// <summary>A sheet of a workbook: its name, its headers and its rows of values.</summary>
    internal sealed record XlsxSheet(string Name, IReadOnlyList<string> Headers, IReadOnlyList<object?[]> Rows);

    public static XlsxSheet Sheet<T>(string name, IEnumerable<T> rows, IReadOnlyList<ExportColumn<T>> columns) =>
        new(name, columns.Select(c => c.Header).ToList(), rows.Select(row => columns.Select(c => c.Value(row)).ToArray()).ToList());

    /// <summary>
    /// A workbook of several sheets (a report), each as people expect an export to open: the header row frozen and
    /// filtered, each column as wide as what it holds (within reason), dates as dates.
    /// </summary>
    public static byte[] WriteWorkbook(IReadOnlyList<XlsxSheet> sheets)
    {
        using var stream = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            var workbook = document.AddWorkbookPart();
            workbook.Workbook = new Workbook();
            var styles = workbook.AddNewPart<WorkbookStylesPart>();
            styles.Stylesheet = Stylesheet();
            var sheetList = new Sheets();
            var names = new DefinedNames();
            for (var index = 0; index < sheets.Count; index++)
            {
                var (sheetName, headers, cells) = sheets[index];
                var name = sheetName.Length > 31 ? sheetName[..31] : sheetName;
                var lastCell = $"{ColumnName(headers.Count)}{cells.Count + 1}";
                var sheet = workbook.AddNewPart<WorksheetPart>();
                using (var writer = OpenXmlWriter.Create(sheet))
                {
                    writer.WriteStartElement(new Worksheet());
                    writer.WriteElement(new SheetViews(new SheetView(
                        new Pane { VerticalSplit = 1, TopLeftCell = "A2", ActivePane = PaneValues.BottomLeft, State = PaneStateValues.Frozen },
                        new Selection { Pane = PaneValues.BottomLeft, ActiveCell = "A2", SequenceOfReferences = new ListValue<StringValue> { InnerText = "A2" } })
                    { TabSelected = index == 0, WorkbookViewId = 0 }));
                    writer.WriteElement(new Columns(headers.Select((header, i) => new Column
                    {
                        Min = (uint)(i + 1),
                        Max = (uint)(i + 1),
                        Width = Width(header, cells.Select(r => r[i])),
                        CustomWidth = true,
                    })));
                    writer.WriteStartElement(new SheetData());
                    writer.WriteStartElement(new Row());
                    foreach (var header in headers)
                        writer.WriteElement(TextCell(FormatText(header)!, style: 1));
                    writer.WriteEndElement();
                    foreach (var row in cells)
                    {
                        writer.WriteStartElement(new Row());
                        foreach (var value in row)
                            writer.WriteElement(Cell(value));
                        writer.WriteEndElement();
                    }
                    writer.WriteEndElement();
                    writer.WriteElement(new AutoFilter { Reference = $"A1:{lastCell}" });
                    writer.WriteEndElement();
                }
                sheetList.AppendChild(new Sheet { Id = workbook.GetIdOfPart(sheet), SheetId = (uint)(index + 1), Name = name });
                // Excel keeps a filter's range in this hidden name; without it, it repairs the file on opening.
                names.AppendChild(new DefinedName($"'{name.Replace("'", "''", StringComparison.Ordinal)}'!$A$1:${ColumnName(headers.Count)}${cells.Count + 1}")
                {
                    Name = "_xlnm._FilterDatabase",
                    LocalSheetId = (uint)index,
                    Hidden = true,
                });
            }
            workbook.Workbook.AppendChild(sheetList);
            workbook.Workbook.AppendChild(names);
            workbook.Workbook.Save();
        }
        return stream.ToArray();
    }

    /// <summary>A column's width in characters: its longest value or header, from 8 to 60 (longer text wraps in the cell when widened).</summary>
    private static double Width(string header, IEnumerable<object?> values)
    {
        var longest = values.Select(v => v switch
        {
            DateOnly => 10,
            DateTime => 16,
            _ => FormatText(v)?.Length ?? 0,
        }).DefaultIfEmpty(0).Max();
        return Math.Clamp(Math.Max(longest, header.Length) + 2, 8, 60);
    }

    /// <summary>A, B, ... Z, AA, AB, ...: the letters of the n-th column (1-based).</summary>
    private static string ColumnName(int n)
    {
        var name = "";
        for (; n > 0; n = (n - 1) / 26)
            name = (char)('A' + ((n - 1) % 26)) + name;
        return name;
    }

    private static Cell Cell(object? value) => value switch
    {
        null => new Cell(),
        int or long or decimal or double => new Cell { CellValue = new CellValue(Convert.ToDecimal(value, CultureInfo.InvariantCulture)), DataType = CellValues.Number },
        DateOnly d => new Cell { CellValue = new CellValue(d.ToDateTime(TimeOnly.MinValue).ToOADate()), StyleIndex = 2 },
        DateTime d => new Cell { CellValue = new CellValue(d.ToOADate()), StyleIndex = 3 },
        _ => TextCell(FormatText(value) ?? "", style: 0),
    };

    private static Cell TextCell(string text, uint style) => new()
    {
        DataType = CellValues.InlineString,
        InlineString = new InlineString(new Text(text) { Space = SpaceProcessingModeValues.Preserve }),
        StyleIndex = style,
    };

    /// <summary>
    /// A cell's text. Whatever was stored before Liaison refused control characters is written with each one replaced by
    /// U+FFFD, so no record can make a file unreadable (XML cannot carry them) for everyone who exports it.
    /// </summary>
    internal static string? FormatText(object? value) => value switch
    {
        null => null,
        bool b => b ? "Yes" : "No",
        DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        DateTime d => d.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => InputRules.Printable(value.ToString()),
    };

    /// <summary>A cell that starts like a formula is written as text, so opening the file runs nothing.</summary>
    private static string? NeutraliseFormula(string? text) =>
        text is { Length: > 0 } && "=+-@\t\r".Contains(text[0]) && !decimal.TryParse(text, NumberStyles.Number, CultureInfo.InvariantCulture, out _)
            ? "'" + text
            : text;

    private static Stylesheet Stylesheet() => new(
        new NumberingFormats(new NumberingFormat { NumberFormatId = 164, FormatCode = "yyyy-mm-dd hh:mm" }) { Count = 1 },
        new Fonts(new Font(), new Font(new Bold())) { Count = 2 },
        new Fills(new Fill(new PatternFill { PatternType = PatternValues.None }), new Fill(new PatternFill { PatternType = PatternValues.Gray125 })) { Count = 2 },
        new Borders(new Border()) { Count = 1 },
        new CellFormats(
            new CellFormat(),
            new CellFormat { FontId = 1, ApplyFont = true },
            new CellFormat { NumberFormatId = 14, ApplyNumberFormat = true },
            new CellFormat { NumberFormatId = 164, ApplyNumberFormat = true })
        { Count = 4 });
}
