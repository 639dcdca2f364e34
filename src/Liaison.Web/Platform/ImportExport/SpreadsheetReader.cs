using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Xml;
using CsvHelper;
using CsvHelper.Configuration;
using Liaison.Web.Platform.Web;

namespace Liaison.Web.Platform.ImportExport;

/// <summary>A data row of an uploaded sheet, keyed by the file's own headers; RowNumber is as a spreadsheet shows it.</summary>
internal sealed record ImportRow(int RowNumber, IReadOnlyDictionary<string, string> Values)
{
    public string Get(string? header) => header is not null && Values.TryGetValue(header, out var value) ? value : "";
}

internal sealed record ImportTable(IReadOnlyList<string> Headers, IReadOnlyList<ImportRow> Rows);

/// <summary>The file itself could not be read; the message is meant for the person who uploaded it.</summary>
internal class ImportFormatException(string message) : Exception(message);

/// <summary>
/// The file is larger than Liaison reads, in bytes (413) or in what it holds once unpacked (422): found before the
/// reader allocates for it, and said in words.
/// </summary>
internal sealed class ImportLimitException(string message, int statusCode = StatusCodes.Status422UnprocessableEntity) : ImportFormatException(message)
{
    public int StatusCode { get; } = statusCode;
}

/// <summary>
/// What one upload may hold. A legitimate import (the benchmark's 10,000 initiatives in 13 columns) uses a small part of
/// each; a hostile one (millions of empty rows, a cell of a gigabyte, a cell at column ZZZZZZ) stops at the first limit
/// it crosses, before the reader has allocated for it.
/// </summary>
internal static class ImportLimits
{
    /// <summary>The upload itself (answered 413).</summary>
    public const int MaxBytes = 20 * 1024 * 1024;

    /// <summary>Rows that hold something, after the header.</summary>
    public const int MaxRows = 50_000;

    /// <summary>Row elements of any kind, empty ones included: a spreadsheet has at most this many.</summary>
    public const int MaxRowElements = 1_048_576;

    public const int MaxColumns = 200;

    /// <summary>Cells that hold something.</summary>
    public const int MaxCells = 1_000_000;

    /// <summary>What one cell holds: a spreadsheet program's own limit.</summary>
    public const int MaxCellCharacters = 32_767;

    /// <summary>All the text kept from the sheet's cells.</summary>
    public const long MaxTableCharacters = 16_000_000;

    /// <summary>The workbook's table of shared strings, in entries and in characters.</summary>
    public const int MaxSharedStrings = 1_000_000;

    public const long MaxSharedStringCharacters = 16_000_000;

    /// <summary>The XML the reader unpacks, all parts together (a small file can unpack to gigabytes).</summary>
    public const long MaxDecompressedBytes = 200L * 1024 * 1024;

    /// <summary>Parts of the package: a workbook has a dozen or two.</summary>
    public const int MaxEntries = 10_000;
}

/// <summary>
/// Reads the first sheet of an .xlsx file, or a .csv file, into rows keyed by header, within <see cref="ImportLimits"/>.
/// The XLSX is read as it is unpacked (a streaming XML reader over each part, never a document model), so memory follows
/// what the rows hold: at most <see cref="ImportLimits.MaxTableCharacters"/> characters of cells and
/// <see cref="ImportLimits.MaxSharedStringCharacters"/> of shared strings, whatever the file claims.
/// </summary>
internal static class SpreadsheetReader
{
    public static ImportTable Read(byte[] content, string fileName)
    {
        if (content.Length == 0)
            throw new ImportFormatException("The file is empty.");
        if (content.Length > ImportLimits.MaxBytes)
            throw new ImportLimitException($"The file is larger than {ImportLimits.MaxBytes / 1024 / 1024} MB.", StatusCodes.Status413PayloadTooLarge);
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
            MaxFieldSize = ImportLimits.MaxCellCharacters,
        });
        try
        {
            if (!csv.Read() || !csv.ReadHeader())
                throw new ImportFormatException("The file has no header row.");
            var table = new TableBuilder();
            var header = csv.HeaderRecord!;
            for (var i = 0; i < header.Length; i++)
                table.Cell(0, i, header[i]);
            table.EndHeader();
            var rowNumber = 1;
            while (csv.Read())
            {
                rowNumber++;
                table.StartRow(rowNumber);
                var count = csv.Parser.Count;
                for (var i = 0; i < count; i++)
                    table.Cell(rowNumber, i, csv.Parser[i]);
                table.EndRow();
            }
            return table.Build();
        }
        catch (MaxFieldSizeException)
        {
            throw new ImportLimitException($"A field holds more than {ImportLimits.MaxCellCharacters:N0} characters, more than a spreadsheet cell can.");
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
            using var zip = new ZipArchive(new MemoryStream(content), ZipArchiveMode.Read);
            if (zip.Entries.Count > ImportLimits.MaxEntries)
                throw new ImportFormatException("The file is not a readable .xlsx workbook.");
            var package = new Package(zip);
            var workbookPath = package.Relationships("", "_rels/.rels").FirstOrDefault(r => r.Type.EndsWith("/officeDocument", StringComparison.Ordinal)).Target
                ?? throw new ImportFormatException("The file is not a readable .xlsx workbook.");
            var workbookRels = package.Relationships(workbookPath, RelationshipsPath(workbookPath));
            var sheetId = FirstSheetRelationship(package, workbookPath) ?? throw new ImportFormatException("The workbook has no sheets.");
            var sheetPath = workbookRels.FirstOrDefault(r => r.Id == sheetId).Target ?? throw new ImportFormatException("The workbook has no sheets.");
            var sharedPath = workbookRels.FirstOrDefault(r => r.Type.EndsWith("/sharedStrings", StringComparison.Ordinal)).Target;
            var stylesPath = workbookRels.FirstOrDefault(r => r.Type.EndsWith("/styles", StringComparison.Ordinal)).Target;
            var shared = sharedPath is null ? [] : ReadSharedStrings(package, sharedPath);
            var dateStyles = stylesPath is null ? [] : ReadDateStyles(package, stylesPath);
            return ReadSheet(package, sheetPath, shared, dateStyles);
        }
        catch (Exception ex) when (ex is InvalidDataException or XmlException or IOException or NotSupportedException)
        {
            throw new ImportFormatException("The file is not a readable .xlsx workbook.");
        }
    }

    private static string? FirstSheetRelationship(Package package, string workbookPath)
    {
        using var xml = package.Open(workbookPath);
        while (xml.Read())
        {
            if (xml.NodeType == XmlNodeType.Element && xml.LocalName == "sheet")
                return xml.GetAttribute("id", "http://schemas.openxmlformats.org/officeDocument/2006/relationships");
        }
        return null;
    }

    // The readers below "consume" an element: they start on its start tag and leave the reader on the node after its end
    // tag, so a loop over siblings never reads past the next one.

    private static List<string> ReadSharedStrings(Package package, string path)
    {
        var strings = new List<string>();
        long characters = 0;
        var text = new StringBuilder();
        using var xml = package.Open(path);
        xml.Read();
        while (!xml.EOF)
        {
            if (xml.NodeType != XmlNodeType.Element || xml.LocalName != "si")
            {
                xml.Read();
                continue;
            }
            if (strings.Count >= ImportLimits.MaxSharedStrings)
                throw new ImportLimitException($"The workbook's table of text has more than {ImportLimits.MaxSharedStrings:N0} entries.");
            var value = ReadRichText(xml, text);
            characters += value.Length;
            if (characters > ImportLimits.MaxSharedStringCharacters)
                throw new ImportLimitException($"The workbook's table of text holds more than {ImportLimits.MaxSharedStringCharacters:N0} characters.");
            strings.Add(value);
        }
        return strings;
    }

    /// <summary>Cell styles whose number format shows a date, so their serial numbers are read as dates.</summary>
    private static HashSet<int> ReadDateStyles(Package package, string path)
    {
        var customDates = new HashSet<int>();
        var result = new HashSet<int>();
        using var xml = package.Open(path);
        var inCellFormats = false;
        var index = 0;
        while (xml.Read())
        {
            if (xml.NodeType == XmlNodeType.EndElement && xml.LocalName == "cellXfs")
                inCellFormats = false;
            if (xml.NodeType != XmlNodeType.Element)
                continue;
            switch (xml.LocalName)
            {
                case "numFmt" when int.TryParse(xml.GetAttribute("numFmtId"), CultureInfo.InvariantCulture, out var id) && LooksLikeDate(xml.GetAttribute("formatCode") ?? ""):
                    customDates.Add(id);
                    break;
                case "cellXfs":
                    inCellFormats = !xml.IsEmptyElement;
                    break;
                case "xf" when inCellFormats:
                    var format = int.TryParse(xml.GetAttribute("numFmtId"), CultureInfo.InvariantCulture, out var f) ? f : 0;
                    if (format is >= 14 and <= 22 or >= 45 and <= 47 || customDates.Contains(format))
                        result.Add(index);
                    index++;
                    break;
            }
        }
        return result;
    }

    private static ImportTable ReadSheet(Package package, string path, List<string> shared, HashSet<int> dateStyles)
    {
        var table = new TableBuilder();
        var cell = new CellReader(shared, dateStyles);
        using var xml = package.Open(path);
        var rowElements = 0;
        var lastRow = 0;
        var headerDone = false;
        xml.Read();
        while (!xml.EOF)
        {
            if (xml.NodeType != XmlNodeType.Element || xml.LocalName != "row")
            {
                xml.Read();
                continue;
            }
            if (++rowElements > ImportLimits.MaxRowElements)
                throw new ImportLimitException($"The sheet has more than {ImportLimits.MaxRowElements:N0} rows, more than a spreadsheet can.");
            var rowNumber = int.TryParse(xml.GetAttribute("r"), CultureInfo.InvariantCulture, out var r) && r > lastRow ? r : lastRow + 1;
            if (rowNumber > ImportLimits.MaxRowElements)
                throw new ImportLimitException($"Row {rowNumber:N0} is beyond the {ImportLimits.MaxRowElements:N0} rows a spreadsheet has.");
            lastRow = rowNumber;
            if (headerDone)
                table.StartRow(rowNumber);
            if (EnterChildren(xml, out var depth))
            {
                while (NextChild(xml, depth))
                {
                    if (xml.LocalName == "c")
                        cell.Read(xml, table, rowNumber);
                    else
                        xml.Skip();
                }
            }
            if (!headerDone)
            {
                table.EndHeader();
                headerDone = true;
            }
            else
                table.EndRow();
        }
        if (!headerDone)
            throw new ImportFormatException("The first sheet is empty.");
        return table.Build();
    }

    /// <summary>Reads &lt;c&gt; elements into the table, reusing its buffers from cell to cell.</summary>
    private sealed class CellReader(List<string> shared, HashSet<int> dateStyles)
    {
        private readonly StringBuilder _text = new();

        public void Read(XmlReader xml, TableBuilder table, int rowNumber)
        {
            var reference = xml.GetAttribute("r");
            var column = reference is null ? table.NextColumn : ColumnIndex(reference);
            table.NextColumn = column + 1;
            var type = xml.GetAttribute("t");
            var style = int.TryParse(xml.GetAttribute("s"), CultureInfo.InvariantCulture, out var s) ? s : -1;
            string? raw = null;
            string? inline = null;
            if (EnterChildren(xml, out var depth))
            {
                while (NextChild(xml, depth))
                {
                    if (xml.LocalName is "v" or "is")
                    {
                        try
                        {
                            if (xml.LocalName == "v")
                                raw = ReadText(xml, _text);
                            else
                                inline = ReadRichText(xml, _text);
                        }
                        catch (ImportLimitException)
                        {
                            throw new ImportLimitException($"Cell {InputRules.Printable(reference) ?? ColumnName(column) + rowNumber.ToString(CultureInfo.InvariantCulture)} holds more than {ImportLimits.MaxCellCharacters:N0} characters, more than a spreadsheet cell can.");
                        }
                    }
                    else
                        xml.Skip();
                }
            }
            var value = type switch
            {
                "s" => int.TryParse(raw, CultureInfo.InvariantCulture, out var i) && i >= 0 && i < shared.Count ? shared[i] : "",
                "inlineStr" => inline ?? "",
                "b" => raw == "1" ? "Yes" : "No",
                _ when raw is not null && dateStyles.Contains(style) && double.TryParse(raw, NumberStyles.Float, CultureInfo.InvariantCulture, out var oaDate) => FromOaDate(oaDate, raw),
                _ => raw ?? inline ?? "",
            };
            table.Cell(rowNumber, column, value, reference);
        }

        private static string ReadText(XmlReader xml, StringBuilder text)
        {
            text.Clear();
            AppendText(xml, text);
            return text.ToString();
        }
    }

    private static string FromOaDate(double serial, string raw)
    {
        // Beyond what DateTime can hold is not a date anyone typed: keep the number, and let the field's rule refuse it.
        if (serial is < -657435 or > 2958465)
            return raw;
        var date = DateTime.FromOADate(serial);
        return date.TimeOfDay == TimeSpan.Zero
            ? date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)
            : date.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
    }

    /// <summary>Appends the text of the element the reader is on (a &lt;v&gt; or &lt;t&gt;), read in chunks and refused past a cell's limit.</summary>
    private static void AppendText(XmlReader xml, StringBuilder text)
    {
        if (xml.IsEmptyElement)
        {
            xml.Read();
            return;
        }
        var depth = xml.Depth;
        var buffer = System.Buffers.ArrayPool<char>.Shared.Rent(4096);
        try
        {
            ReadChunks(xml, text, depth, buffer);
        }
        finally
        {
            System.Buffers.ArrayPool<char>.Shared.Return(buffer);
        }
    }

    private static void ReadChunks(XmlReader xml, StringBuilder text, int depth, char[] buffer)
    {
        xml.Read();
        while (!xml.EOF && !(xml.NodeType == XmlNodeType.EndElement && xml.Depth == depth))
        {
            if (xml.NodeType is XmlNodeType.Text or XmlNodeType.CDATA or XmlNodeType.SignificantWhitespace or XmlNodeType.Whitespace)
            {
                int read;
                while ((read = xml.ReadValueChunk(buffer, 0, buffer.Length)) > 0)
                {
                    if (text.Length + read > ImportLimits.MaxCellCharacters)
                        throw new ImportLimitException($"A text of the workbook holds more than {ImportLimits.MaxCellCharacters:N0} characters, more than a spreadsheet cell can.");
                    text.Append(buffer, 0, read);
                }
                xml.Read();
            }
            else if (xml.NodeType == XmlNodeType.Element)
                xml.Skip();
            else
                xml.Read();
        }
        xml.Read();
    }

    /// <summary>Rich text (&lt;si&gt; or &lt;is&gt;): the &lt;t&gt; of each run (&lt;r&gt;), without phonetic guides.</summary>
    private static string ReadRichText(XmlReader xml, StringBuilder text)
    {
        text.Clear();
        AppendRuns(xml, text);
        return text.ToString();
    }

    private static void AppendRuns(XmlReader xml, StringBuilder text)
    {
        if (!EnterChildren(xml, out var depth))
            return;
        while (NextChild(xml, depth))
        {
            if (xml.LocalName == "t")
                AppendText(xml, text);
            else if (xml.LocalName == "r")
                AppendRuns(xml, text);
            else
                xml.Skip();
        }
    }

    /// <summary>
    /// Steps into the element the reader is on: false (and past it) when it is empty. Then <see cref="NextChild"/> finds
    /// each child element in turn, which the caller consumes (reads or skips); no delegate per element, so a million
    /// empty rows cost nothing.
    /// </summary>
    private static bool EnterChildren(XmlReader xml, out int depth)
    {
        depth = xml.Depth;
        var empty = xml.IsEmptyElement;
        xml.Read();
        return !empty;
    }

    /// <summary>Moves to the next child element of the element entered at <paramref name="depth"/>; false (and past its end) when there is none.</summary>
    private static bool NextChild(XmlReader xml, int depth)
    {
        while (!xml.EOF && !(xml.NodeType == XmlNodeType.EndElement && xml.Depth == depth))
        {
            if (xml.NodeType == XmlNodeType.Element)
                return true;
            xml.Read();
        }
        xml.Read();
        return false;
    }

    /// <summary>The zero-based column of a reference like "AB12"; refused beyond the columns Liaison reads.</summary>
    private static int ColumnIndex(string reference)
    {
        var index = 0;
        var letters = 0;
        foreach (var c in reference)
        {
            if (!char.IsAsciiLetter(c))
                break;
            if (++letters > 3)
                break;
            index = (index * 26) + (char.ToUpperInvariant(c) - 'A' + 1);
        }
        if (letters == 0)
            throw new ImportFormatException($"The cell reference \"{InputRules.Printable(reference[..Math.Min(reference.Length, 20)])}\" is not one a spreadsheet writes.");
        if (letters > 3 || index > ImportLimits.MaxColumns)
            throw new ImportLimitException($"Cell {InputRules.Printable(reference[..Math.Min(reference.Length, 20)])} is beyond the {ImportLimits.MaxColumns} columns Liaison reads; move the table to the left or remove what is there.");
        return index - 1;
    }

    private static string ColumnName(int index)
    {
        var name = "";
        for (var n = index + 1; n > 0; n = (n - 1) / 26)
            name = (char)('A' + ((n - 1) % 26)) + name;
        return name;
    }

    private static bool LooksLikeDate(string code)
    {
        var unquoted = System.Text.RegularExpressions.Regex.Replace(code, "\"[^\"]*\"|\\[[^\\]]*\\]", "");
        return unquoted.Contains('y', StringComparison.OrdinalIgnoreCase) || unquoted.Contains('d', StringComparison.OrdinalIgnoreCase);
    }

    private static string RelationshipsPath(string part)
    {
        var slash = part.LastIndexOf('/');
        return slash < 0 ? $"_rels/{part}.rels" : $"{part[..slash]}/_rels/{part[(slash + 1)..]}.rels";
    }

    /// <summary>The parts of the zip package, each opened through one budget of unpacked bytes.</summary>
    private sealed class Package(ZipArchive zip)
    {
        private long _budget = ImportLimits.MaxDecompressedBytes;

        public XmlReader Open(string path)
        {
            var entry = zip.GetEntry(path) ?? throw new ImportFormatException("The file is not a readable .xlsx workbook.");
            if (entry.Length > _budget)
                throw new ImportLimitException($"The file is too large once unpacked (more than {ImportLimits.MaxDecompressedBytes / 1024 / 1024} MB of sheets).");
            var stream = new BudgetStream(entry.Open(), this);
            return XmlReader.Create(stream, new XmlReaderSettings
            {
                DtdProcessing = DtdProcessing.Prohibit,
                XmlResolver = null,
                IgnoreComments = true,
                IgnoreProcessingInstructions = true,
                CloseInput = true,
            });
        }

        public void Spend(int bytes)
        {
            _budget -= bytes;
            if (_budget < 0)
                throw new ImportLimitException($"The file is too large once unpacked (more than {ImportLimits.MaxDecompressedBytes / 1024 / 1024} MB of sheets).");
        }

        /// <summary>The relationships of a part (Id, Type, Target resolved against the part's folder).</summary>
        public List<(string Id, string Type, string? Target)> Relationships(string part, string relsPath)
        {
            var result = new List<(string, string, string?)>();
            if (zip.GetEntry(relsPath) is null)
                return result;
            var folder = part.Contains('/', StringComparison.Ordinal) ? part[..(part.LastIndexOf('/') + 1)] : "";
            using var xml = Open(relsPath);
            while (xml.Read())
            {
                if (xml.NodeType != XmlNodeType.Element || xml.LocalName != "Relationship" || xml.GetAttribute("TargetMode") == "External")
                    continue;
                var target = xml.GetAttribute("Target");
                result.Add((xml.GetAttribute("Id") ?? "", xml.GetAttribute("Type") ?? "", target is null ? null : Resolve(folder, target)));
                if (result.Count > ImportLimits.MaxEntries)
                    throw new ImportFormatException("The file is not a readable .xlsx workbook.");
            }
            return result;
        }

        private static string Resolve(string folder, string target)
        {
            var path = target.StartsWith('/') ? target[1..] : folder + target;
            var parts = new List<string>();
            foreach (var segment in path.Split('/'))
            {
                if (segment == "..")
                {
                    if (parts.Count > 0)
                        parts.RemoveAt(parts.Count - 1);
                }
                else if (segment is not ("." or ""))
                    parts.Add(segment);
            }
            return string.Join('/', parts);
        }
    }

    /// <summary>Counts what is unpacked against the package's budget as it is read.</summary>
    private sealed class BudgetStream(Stream inner, Package package) : Stream
    {
        public override int Read(byte[] buffer, int offset, int count)
        {
            var read = inner.Read(buffer, offset, count);
            package.Spend(read);
            return read;
        }

        public override int Read(Span<byte> buffer)
        {
            var read = inner.Read(buffer);
            package.Spend(read);
            return read;
        }

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing)
                inner.Dispose();
            base.Dispose(disposing);
        }
    }

    /// <summary>
    /// Builds the table row by row within the limits, the same way for CSV and XLSX: the header row names the columns
    /// (twice the same name is an error naming it), each later row's cells are kept under their header, CR LF becomes
    /// LF, and empty rows are left out.
    /// </summary>
    private sealed class TableBuilder
    {
        private readonly List<string> _headers = [];
        private readonly Dictionary<int, string> _header = [];
        private readonly List<ImportRow> _rows = [];
        private bool _inHeader = true;

        /// <summary>The row being read: made on its first value, so a million empty rows cost nothing.</summary>
        private Dictionary<string, string>? _current;
        private int _rowNumber;
        private long _characters;
        private int _cells;

        /// <summary>Where a cell without a reference falls: after the previous one.</summary>
        public int NextColumn { get; set; }

        public void Cell(int rowNumber, int column, string? value, string? reference = null)
        {
            if (column >= ImportLimits.MaxColumns)
                throw new ImportLimitException($"Row {rowNumber} has a cell beyond the {ImportLimits.MaxColumns} columns Liaison reads.");
            if (string.IsNullOrEmpty(value))
                return;
            if (value.Length > ImportLimits.MaxCellCharacters)
                throw new ImportLimitException($"{(reference is null ? $"A cell in row {rowNumber}" : $"Cell {reference}")} holds more than {ImportLimits.MaxCellCharacters:N0} characters, more than a spreadsheet cell can.");
            if (_inHeader)
            {
                _header[column] = value.Trim();
                return;
            }
            if (!_header.TryGetValue(column, out var header) || header.Length == 0)
                return;
            if (++_cells > ImportLimits.MaxCells)
                throw new ImportLimitException($"The sheet holds more than {ImportLimits.MaxCells:N0} cells; split it into smaller files.");
            _characters += value.Length;
            if (_characters > ImportLimits.MaxTableCharacters)
                throw new ImportLimitException($"The sheet holds more than {ImportLimits.MaxTableCharacters:N0} characters; split it into smaller files.");
            _current ??= new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            _current[header] = InputRules.NormalizeLineBreaks(value.Trim());
        }

        public void EndHeader()
        {
            var count = _header.Count == 0 ? 0 : _header.Keys.Max() + 1;
            var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            for (var i = 0; i < count; i++)
            {
                var name = _header.GetValueOrDefault(i, "");
                if (name.Length > 0 && !seen.Add(name))
                    throw new ImportFormatException($"The column \"{InputRules.Printable(name)}\" appears twice in the header row; rename or remove one of them.");
                _headers.Add(name);
            }
            _inHeader = false;
        }

        public void StartRow(int rowNumber)
        {
            _rowNumber = rowNumber;
            NextColumn = 0;
            _current = null;
        }

        public void EndRow()
        {
            if (_current is not { Count: > 0 })
                return;
            if (_rows.Count >= ImportLimits.MaxRows)
                throw new ImportLimitException($"The sheet has more than {ImportLimits.MaxRows:N0} rows; split it into smaller files.");
            _rows.Add(new ImportRow(_rowNumber, _current));
        }

        public ImportTable Build() => new(_headers, _rows);
    }
}
