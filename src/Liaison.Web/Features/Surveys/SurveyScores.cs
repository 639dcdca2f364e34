using System.Security.Cryptography;

namespace Liaison.Web.Features.Surveys;

/// <summary>An average of ratings and how many there were; no average without any.</summary>
internal sealed record Satisfaction(double Sum, int Count)
{
    public static readonly Satisfaction None = new(0, 0);

    public double? Average => Count == 0 ? null : Math.Round(Sum / Count, 2, MidpointRounding.AwayFromZero);

    /// <summary>The strategic plan's target: at least 4.0 on the 5-point scale.</summary>
    public const double Target = 4.0;

    public bool? MeetsTarget => Average is { } a ? a >= Target : null;

    public static Satisfaction Of(IEnumerable<int> ratings) => OfCounts(ratings.Select(r => (r, 1)));

    /// <summary>From counted ratings: each rating (1–5) and how many gave it.</summary>
    public static Satisfaction OfCounts(IEnumerable<(int Number, int Count)> counts)
    {
        double sum = 0;
        var count = 0;
        foreach (var (number, n) in counts)
        {
            sum += (double)number * n;
            count += n;
        }
        return new(sum, count);
    }
}

/// <summary>
/// The Net Promoter Score of a set of 0–10 answers: the share of promoters (9–10) less the share of detractors (0–6), in
/// points from −100 to 100, with the counts behind it (with twenty agencies one answer moves it by many points).
/// </summary>
internal sealed record NetPromoter(int Promoters, int Passives, int Detractors)
{
    public static readonly NetPromoter None = new(0, 0, 0);

    /// <summary>The strategic plan's target: above 30.</summary>
    public const int Target = 30;

    public int Count => Promoters + Passives + Detractors;

    /// <summary>Rounded to a whole point, halves away from zero; none without answers.</summary>
    public int? Score => Count == 0 ? null : (int)Math.Round(100.0 * (Promoters - Detractors) / Count, MidpointRounding.AwayFromZero);

    public bool? MeetsTarget => Score is { } s ? s > Target : null;

    public static NetPromoter Of(IEnumerable<int> answers) => OfCounts(answers.Select(a => (a, 1)));

    /// <summary>From counted answers: each answer (0–10) and how many gave it.</summary>
    public static NetPromoter OfCounts(IEnumerable<(int Number, int Count)> counts)
    {
        int promoters = 0, passives = 0, detractors = 0;
        foreach (var (number, count) in counts)
        {
            if (number >= 9)
                promoters += count;
            else if (number >= 7)
                passives += count;
            else
                detractors += count;
        }
        return new(promoters, passives, detractors);
    }
}

internal static class SurveyRules
{
    /// <summary>Anything published (to staff, to an agency) is hidden where fewer than this many people answered.</summary>
    public const int FewestToShow = 3;

    /// <summary>A rating this low opens a follow-up.</summary>
    public const int LowRating = 2;

    /// <summary>A recommendation this low (a detractor) opens a follow-up.</summary>
    public const int LowRecommendation = 6;

    /// <summary>Business days to the first contact of a follow-up.</summary>
    public const int FirstContactBusinessDays = 2;

    /// <summary>The scale's words, for the form and the results.</summary>
    public static readonly string[] RatingWords = ["", "Very dissatisfied", "Dissatisfied", "Neither", "Satisfied", "Very satisfied"];
}

/// <summary>Personal links: 256 random bits, base64url in the email, only their SHA-256 in the database.</summary>
internal static class SurveyTokens
{
    public static string NewToken() => Base64Url(RandomNumberGenerator.GetBytes(32));

    public static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(token)));

    /// <summary>Whether the text could be a token at all (43 base64url characters): anything else is refused before a query.</summary>
    public static bool LooksLikeToken(string? token) => token is { Length: 43 } && token.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
