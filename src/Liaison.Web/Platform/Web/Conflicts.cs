using System.Collections;
using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Reflection;
using Liaison.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Liaison.Web.Platform.Web;

/// <summary>
/// Builds the conflict message an editor sees when someone saved the record first: who, when, and
/// each field where the saved record and the editor's version differ.
/// </summary>
internal static class Conflicts
{
    public static async Task<ConflictInfo> DescribeAsync<TInput>(LiaisonDbContext db, string recordType, int recordId,
        int currentVersion, TInput saved, TInput yours, CancellationToken ct, Func<string, object?, string?>? format = null)
        where TInput : class
    {
        format ??= (_, value) => Format(value);
        var fields = typeof(TInput).GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.Name != "Version")
            .Select(p => new ConflictField(p.Name, Label(p), format(p.Name, p.GetValue(saved)), format(p.Name, p.GetValue(yours))))
            .Where(f => !string.Equals(f.Saved ?? "", f.Yours ?? "", StringComparison.Ordinal))
            .ToList();
        var id = recordId.ToString(CultureInfo.InvariantCulture);
        var last = await db.AuditEntries.AsNoTracking()
            .Where(e => e.RecordType == recordType && e.RecordId == id)
            .OrderByDescending(e => e.Id)
            .Select(e => new { e.UserName, e.Timestamp })
            .FirstOrDefaultAsync(ct);
        return new ConflictInfo(currentVersion, fields, last?.UserName, last?.Timestamp);
    }

    public static string Label(PropertyInfo property) =>
        property.GetCustomAttribute<DisplayAttribute>()?.Name ?? Humanize(property.Name);

    public static string Humanize(string name)
    {
        var words = System.Text.RegularExpressions.Regex.Replace(name, "(?<=[a-z0-9])([A-Z])", " $1").ToLowerInvariant();
        return char.ToUpperInvariant(words[0]) + words[1..];
    }

    private static string? Format(object? value) => value switch
    {
        null => null,
        string s => string.IsNullOrWhiteSpace(s) ? null : s.Trim(),
        IEnumerable items => string.Join(", ", items.Cast<object>().Select(i => Convert.ToString(i, CultureInfo.InvariantCulture)).Order()),
        bool b => b ? "Yes" : "No",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString(),
    };
}
