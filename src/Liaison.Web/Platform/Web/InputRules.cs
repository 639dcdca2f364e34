using System.Collections;
using System.Collections.Concurrent;
using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Reflection;
using System.Text;

namespace Liaison.Web.Platform.Web;

/// <summary>At most this many items in a list property of an input; <see cref="InputRules.DefaultMaxItems"/> otherwise.</summary>
[AttributeUsage(AttributeTargets.Property)]
internal sealed class MaxItemsAttribute(int count) : Attribute
{
    public int Count { get; } = count;

    /// <summary>The field the error is shown at, for a list computed from another field (agenda lines from the agenda).</summary>
    public string? Field { get; init; }
}

/// <summary>
/// What every input obeys, whichever module it belongs to and however it arrives (a form, the API, a spreadsheet row):
/// <list type="bullet">
/// <item>text is text: CR LF becomes LF in multi-line fields (<c>[DataType(DataType.MultilineText)]</c>); any other
/// control character but a tab, a line break in a single-line field, a lone surrogate or a non-character is refused,
/// since PostgreSQL cannot store U+0000, XML (and so XLSX) cannot carry most controls, and a line break in a subject
/// line breaks mail;</item>
/// <item>dates fall between <see cref="EarliestDate"/> and <see cref="LatestDate"/>;</item>
/// <item>a list holds at most <see cref="DefaultMaxItems"/> items, or what its <see cref="MaxItemsAttribute"/> says.</item>
/// </list>
/// <see cref="Validation.Check{T}"/> applies them before a use case's own rules, so every use case has them.
/// </summary>
internal static class InputRules
{
    public const int DefaultMaxItems = 1000;
    public static readonly DateOnly EarliestDate = new(1900, 1, 1);
    public static readonly DateOnly LatestDate = new(2199, 12, 31);

    public const string DateRangeMessage = "Enter a date between 1900 and 2199.";
    public const string OneLineMessage = "Keep this on one line.";

    private sealed record Rule(PropertyInfo Property, bool MultiLine, int MaxItems, string Field);

    private static readonly ConcurrentDictionary<Type, Rule[]> Rules = new();

    /// <summary>Applies the rules to an input's own properties: normalises its text in place and answers the field errors, keyed by property name.</summary>
    public static Dictionary<string, string[]> Check(object input)
    {
        var errors = new Dictionary<string, string[]>();
        foreach (var rule in Rules.GetOrAdd(input.GetType(), RulesOf))
        {
            var value = rule.Property.GetValue(input);
            switch (value)
            {
                case string text:
                    var normalized = rule.MultiLine ? NormalizeLineBreaks(text) : text;
                    if (TextProblem(normalized, rule.MultiLine) is { } problem)
                    {
                        errors[rule.Field] = [problem];
                        // Judged, then made harmless: the use case's own checks (is the name taken?) may still query with it.
                        normalized = Printable(normalized)!;
                    }
                    if (!ReferenceEquals(normalized, text) && rule.Property.CanWrite)
                        rule.Property.SetValue(input, normalized);
                    break;
                case DateOnly or DateTime or DateTimeOffset when !IsDateInRange(value):
                    errors[rule.Field] = [DateRangeMessage];
                    break;
                case ICollection items when items.Count > rule.MaxItems:
                    errors[rule.Field] = [$"Choose at most {rule.MaxItems:N0}; this has {items.Count:N0}."];
                    break;
                case IEnumerable<string> lines:
                    foreach (var line in lines)
                    {
                        if (TextProblem(line, multiLine: false) is { } lineProblem)
                        {
                            errors[rule.Field] = [lineProblem];
                            break;
                        }
                    }
                    break;
            }
        }
        return errors;
    }

    private static Rule[] RulesOf(Type type) => type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
        .Where(p => p.CanRead && p.GetIndexParameters().Length == 0 && p.DeclaringType?.Namespace?.StartsWith("Liaison", StringComparison.Ordinal) == true)
        .Select(p => new Rule(p,
            p.GetCustomAttribute<DataTypeAttribute>()?.DataType == DataType.MultilineText,
            p.GetCustomAttribute<MaxItemsAttribute>()?.Count ?? DefaultMaxItems,
            p.GetCustomAttribute<MaxItemsAttribute>()?.Field ?? p.Name))
        .ToArray();

    /// <summary>CR LF (and a lone CR, as old Mac files write it) as LF.</summary>
    public static string NormalizeLineBreaks(string text) =>
        text.Contains('\r', StringComparison.Ordinal) ? text.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n') : text;

    /// <summary>Why the text cannot be stored as it is, in words for the person who typed it; null when it can.</summary>
    public static string? TextProblem(string? text, bool multiLine)
    {
        if (string.IsNullOrEmpty(text))
            return null;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c is '\n' or '\r')
            {
                if (!multiLine)
                    return OneLineMessage;
                continue;
            }
            if (c == '\t')
                continue;
            if (char.IsControl(c) || c is '\uFFFE' or '\uFFFF')
                return $"Remove the control character U+{(int)c:X4} (it cannot be stored; it is usually pasted in by accident).";
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
                continue;
            }
            if (char.IsSurrogate(c))
                return "Remove the broken character (half of a surrogate pair); retype it.";
        }
        return null;
    }

    /// <summary>Whether the text has anything <see cref="TextProblem"/> would refuse even in a multi-line field.</summary>
    public static bool HasForbiddenCharacters(string? text) => TextProblem(text, multiLine: true) is not null;

    /// <summary>The text with every character <see cref="TextProblem"/> refuses in a multi-line field replaced by U+FFFD: for what is already stored.</summary>
    public static string? Printable(string? text)
    {
        if (!HasForbiddenCharacters(text))
            return text;
        var builder = new StringBuilder(text!.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                builder.Append(c).Append(text[++i]);
                continue;
            }
            var bad = c is not ('\n' or '\r' or '\t') && (char.IsControl(c) || char.IsSurrogate(c) || c is '\uFFFE' or '\uFFFF');
            builder.Append(bad ? '\uFFFD' : c);
        }
        return builder.ToString();
    }

    public static bool IsInRange(DateOnly date) => date >= EarliestDate && date <= LatestDate;

    /// <summary>Whether a DateOnly, DateTime or DateTimeOffset falls between the earliest and the latest date (anything else passes).</summary>
    public static bool IsDateInRange(object date) => date switch
    {
        DateOnly d => IsInRange(d),
        DateTime d => IsInRange(DateOnly.FromDateTime(d)),
        DateTimeOffset d => IsInRange(DateOnly.FromDateTime(d.UtcDateTime)),
        _ => true,
    };

    /// <summary>The year range, for messages and form hints.</summary>
    public static string YearRange => string.Create(CultureInfo.InvariantCulture, $"{EarliestDate.Year}–{LatestDate.Year}");
}
