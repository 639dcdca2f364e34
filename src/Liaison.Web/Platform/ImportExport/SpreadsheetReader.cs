using System.Globalization;
using CsvHelper;
using CsvHelper.Configuration;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Liaison.Web.Platform.ImportExport;

/// <summary>A data row of an uploaded sheet, keyed by the file's own headers; RowNumber is as a spreadsheet shows it.</summary>
internal sealed record ImportRow(int RowNumber, IReadOnlyDictionary<string, string> Values)
{
    public string Get(string? header) => header is not null && Values.TryGetValue(header, out var value) ? value : "";
}

internal sealed record ImportTable(IReadOnlyList<string> Headers, IReadOnlyList<ImportRow> Rows);

/// <summary>The file itself could not be read; the message is meant for the person who uploaded it.</summary>
internal sealed class ImportFormatException(string message) : Exception(message);

/// <summary>Reads the first sheet of an .xlsx file, or a .csv file, into rows keyed by header.</summary>
internal static class SpreadsheetReader
{
    public const int MaxBytes = 20 * 1024 * 1024;

    public static ImportTable Read(byte[] content, string fileName)
    {
        if (content.Length == 0)
            throw new ImportFormatException("The file is empty.");
        if (content.Length > MaxBytes)
            throw new ImportFormatException($"The file is larger than {MaxBytes / 1024 / 1024} MB.");
        var extension = Path.GetExtension(fileName).ToLowerInvariant();
        return extension switch
        {
            ".csv" or ".txt" => ReadCsv(content),
            ".xlsx" => ReadXlsx(content),
            _ => throw new ImportFormatException("Upload a .csv or .xlsx file."),
        };
    }

    private static ImportTable ReadCsv(byte[] content)
    {
        using var reader = new StreamReader(new MemoryStream(content), detectEncodingFromByteOrderMarks: true);
        using var csv = new CsvReader(reader, new CsvConfiguration(CultureInfo.InvariantCulture)
        {
            DetectDelimiter = true,
            BadDataFound = null,
            MissingFieldFound = null,
            TrimOptions = TrimOptions.Trim,
        });
        try
        {
            if (!csv.Read() || !csv.ReadHeader())
                throw new ImportFormatException("The file has no header row.");
            var headers = csv.HeaderRecord!.Select(h => h.Trim()).ToList();
            var rows = new List<ImportRow>();
            var rowNumber = 1;
            while (csv.Read())
            {
                rowNumber++;
                var values = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
                for (var i = 0; i < headers.Count; i++)
                {
                    if (headers[i].Length > 0)
                        values[headers[i]] = (csv.TryGetField<string>(i, out var v) ? v : null)?.Trim() ?? "";
                }
                if (values.Values.Any(v => v.Length > 0))
                    rows.Add(new ImportRow(rowNumber, values));
            }
            return new ImportTable(headers, rows);
        }
        catch (CsvHelperException ex)
        {
            throw new ImportFormatException($"The CSV file could not be read: {ex.Message.Split('\n')[0]}");
        }
    }

    private static ImportTable ReadXlsx(byte[] content)
    {
        try
        {
            using var document = SpreadsheetDocument.Open(new MemoryStream(content), false);
            var workbook = document.WorkbookPart ?? throw new ImportFormatException("The workbook has no sheets.");
            var firstSheet = workbook.Workbook.Sheets?.Elements<Sheet>().FirstOrDefault()
                ?? throw new ImportFormatException("The workbook has no sheets.");
            var sheet = (WorksheetPart)workbook.GetPartById(firstSheet.Id!);
            var shared = workbook.SharedStringTablePart?.SharedStringTable.Elements<SharedStringItem>().Select(i => i.InnerText).ToList() ?? [];
            var dateStyles = DateStyleIndexes(workbook);

            var rows = sheet.Worksheet.Descendants<Row>().ToList();
            if (rows.Count == 0)
                throw new ImportFormatException("The first sheet is empty.");
            var headerCells = ReadCells(rows[0], shared, dateStyles);
            var columnCount = headerCells.Count == 0 ? 0 : headerCells.Keys.Max() + 1;
            var headers = Enumerable.Range(0, columnCount).Select(i => headerCells.GetValueOrDefault(i, "").Trim()).ToList();
            var result = new List<ImportRow>();
            foreach (var row in rows.Skip(1))
            {
                var cells = ReadCells(row, shared, dateStyles);
                var values = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
                for (var i = 0; i < headers.Count; i++)
                {
                    if (headers[i].Length > 0)
                        values[headers[i]] = cells.GetValueOrDefault(i, "").Trim();
                }
                if (values.Values.Any(v => v.Length > 0))
                    result.Add(new ImportRow((int)(row.RowIndex?.Value ?? 0), values));
            }
            return new ImportTable(headers, result);
        }
        catch (Exception ex) when (ex is DocumentFormat.OpenXml.Packaging.OpenXmlPackageException or InvalidDataException or System.Xml.XmlException or FileFormatException)
        {
            throw new ImportFormatException("The file is not a readable .xlsx workbook.");
        }
    }

    private static Dictionary<int, string> ReadCells(Row row, List<string> shared, HashSet<uint> dateStyles)
    {
        var cells = new Dictionary<int, string>();
        var position = 0;
        foreach (var cell in row.Elements<Cell>())
        {
            var index = cell.CellReference?.Value is { } reference ? ColumnIndex(reference) : position;
            position = index + 1;
            var raw = cell.CellValue?.InnerText;
            string value;
            if (cell.DataType?.Value == CellValues.SharedString && int.TryParse(raw, out var s) && s < shared.Count)
                value = shared[s];
            else if (cell.DataType?.Value == CellValues.InlineString)
                value = cell.InlineString?.InnerText ?? "";
            else if (cell.DataType?.Value == CellValues.Boolean)
                value = raw == "1" ? "Yes" : "No";
            else if (raw is not null && cell.StyleIndex?.Value is { } style && dateStyles.Contains(style)
                     && double.TryParse(raw, NumberStyles.Float, CultureInfo.InvariantCulture, out var oaDate))
            {
                var date = DateTime.FromOADate(oaDate);
                value = date.TimeOfDay == TimeSpan.Zero
                    ? date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)
                    : date.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
            }
            else
                value = raw ?? "";
            cells[index] = value;
        }
        return cells;
    }

    private static int ColumnIndex(string reference)
    {
        var index = 0;
        foreach (var c in reference.TakeWhile(char.IsLetter))
            index = (index * 26) + (char.ToUpperInvariant(c) - 'A' + 1);
        return index - 1;
    }

    /// <summary>Cell styles whose number format shows a date, so their serial numbers are read as dates.</summary>
    private static HashSet<uint> DateStyleIndexes(WorkbookPart workbook)
    {
        var stylesheet = workbook.WorkbookStylesPart?.Stylesheet;
        var result = new HashSet<uint>();
        if (stylesheet?.CellFormats is null)
            return result;
        var custom = stylesheet.NumberingFormats?.Elements<NumberingFormat>()
            .Where(f => f.NumberFormatId is not null && f.FormatCode?.Value is { } code && LooksLikeDate(code))
            .Select(f => f.NumberFormatId!.Value).ToHashSet() ?? [];
        uint i = 0;
        foreach (var format in stylesheet.CellFormats.Elements<CellFormat>())
        {
            var id = format.NumberFormatId?.Value ?? 0;
            if (id is >= 14 and <= 22 or >= 45 and <= 47 || custom.Contains(id))
                result.Add(i);
            i++;
        }
        return result;
    }

    private static bool LooksLikeDate(string code)
    {
        var unquoted = System.Text.RegularExpressions.Regex.Replace(code, "\"[^\"]*\"|\\[[^\\]]*\\]", "");
        return unquoted.Contains('y', StringComparison.OrdinalIgnoreCase) || unquoted.Contains('d', StringComparison.OrdinalIgnoreCase);
    }
}
