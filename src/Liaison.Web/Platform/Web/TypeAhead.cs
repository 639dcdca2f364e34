namespace Liaison.Web.Platform.Web;

/// <summary>
/// The words of what someone types into a type-ahead, and the LIKE patterns that find them as beginnings of words of a
/// record's SearchText (its words, lower case): at the start of the text, or after a space. What is typed is text, not a
/// pattern: % and _ match themselves.
/// </summary>
internal static class TypeAhead
{
    public static List<string> Words(string? typed) =>
        (typed ?? "").ToLowerInvariant().Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(w => w.Length > 40 ? w[..40] : w).Distinct().Take(4).ToList();

    /// <summary>(at the start, after a space), both with <c>\</c> as the escape character.</summary>
    public static (string Start, string Inside) Patterns(string word)
    {
        var literal = word.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal);
        return (literal + "%", "% " + literal + "%");
    }
}
