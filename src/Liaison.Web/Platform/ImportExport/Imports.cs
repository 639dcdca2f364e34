using Liaison.Web.Platform.Auth;
using Liaison.Web.Platform.Data;
using Liaison.Web.Platform.Web;
using Microsoft.EntityFrameworkCore;

namespace Liaison.Web.Platform.ImportExport;

/// <summary>A column an importer understands, with the other headers people use for it.</summary>
internal sealed record ImportField(string Key, string Label, bool Required, params string[] Synonyms)
{
    public IEnumerable<string> AllNames => Synonyms.Prepend(Label).Prepend(Key);
}

/// <summary>What will happen to one row, or why it cannot.</summary>
internal sealed record ImportRowResult(int RowNumber, string Action, string Summary, IReadOnlyList<string> Errors);

/// <summary>The preview of an upload: every row's fate, and whether the whole file can be accepted.</summary>
internal sealed record ImportPreview(
    string FileName,
    IReadOnlyList<ImportRowResult> Rows,
    IReadOnlyList<string> FileErrors,
    IReadOnlyDictionary<string, string> ColumnMap,
    IReadOnlyList<string> IgnoredColumns)
{
    /// <summary>Every header of the file, in its order, for choosing which column feeds which field.</summary>
    public IReadOnlyList<string> Headers { get; init; } = [];

    /// <summary>Set when the file is larger than Liaison reads: the HTTP status to answer (413 for its bytes, 422 for what it holds).</summary>
    public int? RefusedWith { get; init; }

    public const string Create = "Create";
    public const string Update = "Update";

    public bool CanImport => FileErrors.Count == 0 && Rows.Count > 0 && Rows.All(r => r.Errors.Count == 0);
    public int CreateCount => Rows.Count(r => r.Action == Create);
    public int UpdateCount => Rows.Count(r => r.Action == Update);
    public int ErrorRowCount => Rows.Count(r => r.Errors.Count > 0);

    public static ImportPreview Failed(string fileName, string error, int? refusedWith = null) =>
        new(fileName, [], [error], new Dictionary<string, string>(), []) { RefusedWith = refusedWith };

    /// <summary>The preview's problems as field errors for the API: one entry per bad row ("row 7"), plus the file's own.</summary>
    public Dictionary<string, string[]> Errors()
    {
        var errors = Rows.Where(r => r.Errors.Count > 0).ToDictionary(r => $"row {r.RowNumber}", r => r.Errors.ToArray());
        if (FileErrors.Count > 0)
            errors["file"] = FileErrors.ToArray();
        if (errors.Count == 0)
            errors["file"] = ["The file has no rows to import."];
        return errors;
    }
}

/// <summary>
/// A file read and its headers matched to an importer's fields, or the preview saying why it cannot be. What the rules for
/// every input refuse in text (<see cref="InputRules"/>: control characters) is found here for every importer: such a
/// row is reported and never imported, and its values are handed to the importer only in printable form.
/// </summary>
internal sealed record MatchedSheet(ImportTable Table, Dictionary<string, string> Map, List<string> Ignored)
{
    private readonly Dictionary<int, List<string>> _textProblems = TextProblems(Table, Map);

    public string Value(ImportRow row, string key) => InputRules.Printable(row.Get(Map.GetValueOrDefault(key)))!;

    /// <summary>The preview of this sheet's rows, with its column matching (and each row's text problems).</summary>
    public ImportPreview Preview(string fileName, IReadOnlyList<ImportRowResult> rows) =>
        new(fileName, rows.Select(r => _textProblems.TryGetValue(r.RowNumber, out var problems) ? r with { Errors = [.. problems, .. r.Errors] } : r).ToList(),
            [], Map, Ignored)
        { Headers = Table.Headers.Where(h => h.Length > 0).ToList() };

    private static Dictionary<int, List<string>> TextProblems(ImportTable table, Dictionary<string, string> map)
    {
        var problems = new Dictionary<int, List<string>>();
        foreach (var row in table.Rows)
        {
            foreach (var header in map.Values)
            {
                if (InputRules.TextProblem(row.Get(header), multiLine: true) is { } problem)
                {
                    if (!problems.TryGetValue(row.RowNumber, out var list))
                        problems[row.RowNumber] = list = [];
                    list.Add($"Column \"{header}\": {problem}");
                }
            }
        }
        return problems;
    }

    /// <summary>
    /// Reads the upload and matches its headers; <paramref name="columns"/> (field key → header, "" for none) overrides
    /// the matching where the user chose otherwise. A failure comes back as the preview to show.
    /// </summary>
    public static (MatchedSheet? Sheet, ImportPreview? Failure) Read(byte[] content, string fileName, IReadOnlyList<ImportField> fields,
        IReadOnlyDictionary<string, string>? columns = null)
    {
        ImportTable table;
        try
        {
            table = SpreadsheetReader.Read(content, fileName);
        }
        catch (ImportFormatException ex)
        {
            return (null, ImportPreview.Failed(fileName, ex.Message, (ex as ImportLimitException)?.StatusCode));
        }
        var (map, ignored, missing) = ImportMapping.Match(table.Headers, fields, columns);
        var headers = table.Headers.Where(h => h.Length > 0).ToList();
        if (missing.Count > 0)
            return (null, new ImportPreview(fileName, [], [$"The file needs a column headed {string.Join(", ", missing.Select(f => $"\"{f.Label}\""))}, or choose below which column holds it."], map, ignored) { Headers = headers });
        if (table.Rows.Count == 0)
            return (null, new ImportPreview(fileName, [], ["The file has a header row but nothing under it."], map, ignored) { Headers = headers });
        return (new MatchedSheet(table, map, ignored), null);
    }
}

/// <summary>What an import wrote, once accepted.</summary>
internal sealed record ImportOutcome(int Created, int Updated);

internal static class ImportMapping
{
    /// <summary>Matches the file's headers to fields: case, spaces and punctuation do not matter.</summary>
    public static (Dictionary<string, string> Map, List<string> Ignored, List<ImportField> Missing) Match(
        IReadOnlyList<string> headers, IReadOnlyList<ImportField> fields, IReadOnlyDictionary<string, string>? columns = null)
    {
        var map = new Dictionary<string, string>();
        var ignored = new List<string>();
        foreach (var header in headers.Where(h => h.Length > 0))
        {
            var normalized = Normalize(header);
            var field = fields.FirstOrDefault(f => !map.ContainsKey(f.Key) && f.AllNames.Any(n => Normalize(n) == normalized));
            if (field is null)
                ignored.Add(header);
            else
                map[field.Key] = header;
        }
        // The user's choices win: a field fed from another column, or from none.
        foreach (var (key, header) in columns ?? new Dictionary<string, string>())
        {
            if (fields.All(f => f.Key != key))
                continue;
            if (string.IsNullOrEmpty(header))
                map.Remove(key);
            else if (headers.Contains(header))
            {
                foreach (var other in map.Where(m => m.Value == header && m.Key != key).Select(m => m.Key).ToList())
                    map.Remove(other);
                map[key] = header;
            }
        }
        ignored = headers.Where(h => h.Length > 0 && !map.ContainsValue(h)).ToList();
        var missing = fields.Where(f => f.Required && !map.ContainsKey(f.Key)).ToList();
        return (map, ignored, missing);
    }

    public static string Normalize(string header) => new(header.Where(char.IsLetterOrDigit).Select(char.ToLowerInvariant).ToArray());
}

/// <summary>Keeps an upload between its preview and its confirmation, for the user who uploaded it.</summary>
internal sealed class PendingImports(LiaisonDbContext db, CurrentUser user, TimeProvider clock)
{
    public async Task<Guid> SaveAsync(string kind, string fileName, byte[] content, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        await db.PendingImports.Where(p => p.CreatedAt < now.AddDays(-1)).ExecuteDeleteAsync(ct);
        var pending = new PendingImport
        {
            Id = Guid.NewGuid(),
            UserId = user.Id ?? 0,
            Kind = kind,
            FileName = Path.GetFileName(fileName),
            Content = content,
            CreatedAt = now,
        };
        db.PendingImports.Add(pending);
        await db.SaveChangesAsync(ct);
        return pending.Id;
    }

    public Task<PendingImport?> FindAsync(Guid id, string kind, CancellationToken ct) =>
        db.PendingImports.AsNoTracking().FirstOrDefaultAsync(p => p.Id == id && p.Kind == kind && p.UserId == (user.Id ?? 0), ct);

    public Task DeleteAsync(Guid id, CancellationToken ct) => db.PendingImports.Where(p => p.Id == id).ExecuteDeleteAsync(ct);
}

/// <summary>How a spreadsheet's cells are read, the same way by every importer.</summary>
internal static class ImportValues
{
    /// <summary>
    /// A date as ISO (2026-11-22), as US spreadsheets write it (11/22/2026), or a date and time (its day); null for an
    /// empty cell, or, with the reason added to <paramref name="errors"/>, for one that is not a date Liaison keeps.
    /// </summary>
    public static DateOnly? Date(string text, string label, List<string> errors)
    {
        if (text.Length == 0)
            return null;
        var culture = System.Globalization.CultureInfo.InvariantCulture;
        DateOnly? date = DateOnly.TryParse(text, culture, out var day)
            || DateOnly.TryParseExact(text, "M/d/yyyy", culture, System.Globalization.DateTimeStyles.None, out day)
            ? day
            : DateTime.TryParse(text, culture, System.Globalization.DateTimeStyles.None, out var dateTime) ? DateOnly.FromDateTime(dateTime) : null;
        if (date is null)
            errors.Add($"{label} \"{text}\" should be a date like 2026-11-22.");
        else if (!InputRules.IsInRange(date.Value))
        {
            errors.Add($"{label} {date:yyyy-MM-dd} is outside the years Liaison keeps ({InputRules.YearRange}).");
            return null;
        }
        return date;
    }
}
