using System.Globalization;
using System.Text;
using Liaison.Web.Platform.Auth;
using Liaison.Web.Platform.Data;
using Liaison.Web.Platform.Web;
using Microsoft.EntityFrameworkCore;

namespace Liaison.Web.Platform.Search;

/// <summary>One result: what it is, its name, a line about it, and its page.</summary>
internal sealed record SearchResult(string Kind, int Id, string Title, string? Detail, string Url);

/// <summary>The results of one search, best first.</summary>
internal sealed record SearchResults(string Query, IReadOnlyList<SearchResult> Items);

/// <summary>
/// A module's records in the search (register with <c>services.AddScoped&lt;ISearchSource, ...&gt;()</c>). The module's
/// migration puts its table in the full-text index with <see cref="SearchIndexMigrations.IndexForSearch"/> under
/// <see cref="Code"/>; the search then asks the source to describe the ids that matched, and the source reads them through
/// its own access-filtered queries, so a search shows exactly what the module's pages would.
/// </summary>
internal interface ISearchSource
{
    /// <summary>The kind's number in the index (1–63, unique; the migration uses the same).</summary>
    int Code { get; }

    /// <summary>What one is called in the results: "Agency", "Person", ...</summary>
    string Kind { get; }

    /// <summary>The records among <paramref name="ids"/> the signed-in user may see, described; the others left out.</summary>
    Task<IReadOnlyList<SearchResult>> DescribeAsync(IReadOnlyCollection<int> ids, CancellationToken ct);
}

/// <summary>
/// The header's search: words, each matched as the start of a word, in every module's records at once. The database's
/// full-text index (SQLite FTS5, PostgreSQL's GIN-indexed tsvector) finds; <see cref="Rank"/> orders. Under the access
/// rule: an agency user's candidates are their agency's records and those of no agency, and every candidate is then read
/// through its module's own filtered query.
/// </summary>
internal sealed class SiteSearch(LiaisonDbContext db, CurrentUser user, IEnumerable<ISearchSource> sources, DerivedCache cache)
{
    public const int MaxResults = 50;
    private const int MaxWords = 8;
    private const int MaxWordLength = 40;

    /// <summary>Candidates read from the index for each result asked: room for those the access rule then removes.</summary>
    private const int Headroom = 2;

    public async Task<SearchResults> SearchAsync(string? query, int limit, CancellationToken ct)
    {
        var words = Words(query);
        if (words.Count == 0 || !user.IsAuthenticated)
            return new SearchResults(query?.Trim() ?? "", []);
        limit = Math.Clamp(limit, 1, MaxResults);
        var bySource = sources.ToDictionary(s => s.Code);
        // The index's answer (keys, best first) is a derived figure like a list's count: kept until the next save on any
        // instance (the data generation is in the key, and the user's agency scope). What each user may see of it is
        // decided below, every time, by each module's own filtered query.
        var take = limit * Headroom;
        var candidates = await cache.GetAsync($"search:{take}:{string.Join(' ', words)}", () => CandidatesAsync(words, take, ct));
        var ranked = candidates
            .Select(key => (Code: (int)(key % SearchIndexMigrations.Slots), RecordId: (int)(key / SearchIndexMigrations.Slots)))
            .Where(c => bySource.ContainsKey(c.Code))
            .ToList();
        var found = new Dictionary<(int Code, int Id), SearchResult>();
        foreach (var group in ranked.GroupBy(c => c.Code))
        {
            foreach (var result in await bySource[group.Key].DescribeAsync(group.Select(c => c.RecordId).ToList(), ct))
                found[(group.Key, result.Id)] = result;
        }
        var items = ranked.Select(c => found.GetValueOrDefault((c.Code, c.RecordId))).OfType<SearchResult>().Take(limit).ToList();
        return new SearchResults(query!.Trim(), items);
    }

    /// <summary>The words of a query as the index knows them: letters and digits, lower case, at most eight of forty characters.</summary>
    internal static List<string> Words(string? query)
    {
        if (string.IsNullOrWhiteSpace(query))
            return [];
        var words = new List<string>();
        var word = new StringBuilder();
        foreach (var c in query.Length > 400 ? query[..400] : query)
        {
            if (char.IsLetterOrDigit(c))
            {
                word.Append(char.ToLowerInvariant(c));
                continue;
            }
            Flush();
        }
        Flush();
        return words.Distinct().Take(MaxWords).ToList();

        void Flush()
        {
            if (word.Length > 0)
                words.Add(word.Length > MaxWordLength ? word.ToString(0, MaxWordLength) : word.ToString());
            word.Clear();
        }
    }

    /// <summary>At most this many matches are read and ranked: beyond it the words say little (see <see cref="MatchAsync"/> for which).</summary>
    private const int RankedAtMost = 300;

    /// <summary>Words up to this long are looked up as beginnings in the index's own prefix indexes (SQLite: 2 to 6 letters).</summary>
    private const int IndexedPrefix = 6;

    /// <summary>
    /// The best <paramref name="take"/> candidates' keys. Every word is the beginning of a word; a longer word is first
    /// tried whole (a common word's beginning would be merged from every word it starts: 30 ms for one in 500,000
    /// records), and as a beginning when that finds too few.
    /// </summary>
    private async Task<List<long>> CandidatesAsync(List<string> words, int take, CancellationToken ct)
    {
        var agency = user.IsAgencyUser ? user.AgencyId ?? -1 : (int?)null;
        List<long>? found = null;
        if (words.Any(w => w.Length > IndexedPrefix))
        {
            found = Rank(words, await MatchAsync(words.Select(w => (w, w.Length <= IndexedPrefix)).ToList(), agency, ct), take);
            if (found.Count >= take)
                return found;
        }
        var anyBeginning = Rank(words, await MatchAsync(words.Select(w => (w, true)).ToList(), agency, ct), take);
        return found is null ? anyBeginning : found.Concat(anyBeginning).Distinct().Take(take).ToList();
    }

    /// <summary>
    /// The matches' keys and words, at most <see cref="RankedAtMost"/> (on SQLite the newest). The database only finds;
    /// ranking is done here, the same on both databases (the databases' own ranking reads every match's word positions:
    /// 25 ms for 1,000 matches of three words on SQLite).
    /// </summary>
    private async Task<List<IndexedText>> MatchAsync(List<(string Word, bool Prefix)> words, int? agency, CancellationToken ct)
    {
        // Each value is a parameter; the words are letters and digits only, so no operator of either syntax can be typed in.
        // An agency user's candidates are their agency's records and those of no one agency.
        if (db.Database.IsNpgsql())
        {
            // No ORDER BY: with one, the planner walks the key index backwards testing every row (0.9 s for a name among
            // 580,000 records); without, it reads the GIN index. Beyond the limit, the matches read are the index's first.
            // The query is written out, not a parameter: a prepared statement's generic plan does not know the words, so
            // it cannot tell a word in half the records (read from the table until 300 match: 4 ms) from a rare one
            // (read from the GIN index), and built the index's bitmap of 548,000 matches for "benchmark" (64 ms). The
            // words are letters and digits only (Words), the agency a number: nothing here can end the literal.
            var tsquery = string.Join(" & ", words.Select(w => w.Prefix ? w.Word + ":*" : w.Word)).Replace("'", "''", StringComparison.Ordinal);
            var scope = agency is { } id ? $" AND (\"AgencyId\" = {id.ToString(CultureInfo.InvariantCulture)} OR \"AgencyId\" IS NULL)" : "";
            var sql = $"SELECT \"Id\", \"Text\" FROM \"SearchIndex\" WHERE \"Vector\" @@ to_tsquery('simple', '{tsquery}'){scope} LIMIT {RankedAtMost}";
#pragma warning disable EF1002 // Built from letters, digits and a number only (see above), so that each search is planned for its own words.
            return await db.Database.SqlQueryRaw<IndexedText>(sql).ToListAsync(ct);
#pragma warning restore EF1002
        }
        // FTS5: each word quoted and, as a beginning, starred.
        var match = string.Join(' ', words.Select(w => w.Prefix ? $"\"{w.Word}\"*" : $"\"{w.Word}\""));
        return await (agency is { } agencyId
            ? db.Database.SqlQuery<IndexedText>($"""
                SELECT rowid AS "Id", "Text" FROM "SearchIndex" WHERE "SearchIndex" MATCH {match} AND ("AgencyId" = {agencyId} OR "AgencyId" IS NULL)
                ORDER BY rowid DESC LIMIT {RankedAtMost}
                """)
            : db.Database.SqlQuery<IndexedText>($"""
                SELECT rowid AS "Id", "Text" FROM "SearchIndex" WHERE "SearchIndex" MATCH {match} ORDER BY rowid DESC LIMIT {RankedAtMost}
                """)).ToListAsync(ct);
    }

    /// <summary>
    /// Best first: a word found whole counts more than one found as a beginning, an early word more than a late one, and a
    /// short record (a name) more than a long one with the same words; ties go to the newest.
    /// </summary>
    internal static List<long> Rank(IReadOnlyList<string> words, IReadOnlyList<IndexedText> matches, int take) =>
        matches.Select(m => (m.Id, Score: Score(words, m.Text)))
            .OrderByDescending(m => m.Score).ThenByDescending(m => m.Id)
            .Take(take).Select(m => m.Id).ToList();

    /// <summary>The score of one record's words (lower case, as SearchText is), read in place: no word is copied.</summary>
    private static double Score(IReadOnlyList<string> words, string text)
    {
        var span = text.AsSpan(0, Math.Min(text.Length, 2000));
        Span<double> best = stackalloc double[words.Count];
        var position = 0;
        var i = 0;
        while (i < span.Length)
        {
            while (i < span.Length && !char.IsLetterOrDigit(span[i]))
                i++;
            var start = i;
            while (i < span.Length && char.IsLetterOrDigit(span[i]))
                i++;
            if (i == start)
                break;
            var token = span[start..i];
            var weight = 1 + 1.0 / (1 + position++);
            for (var w = 0; w < words.Count; w++)
            {
                var found = token.SequenceEqual(words[w]) ? 2.0 : token.StartsWith(words[w], StringComparison.Ordinal) ? 1.0 : 0.0;
                best[w] = Math.Max(best[w], found * weight);
            }
        }
        var score = 0.0;
        foreach (var b in best)
            score += b;
        return score / Math.Log(2 + position);
    }

    /// <summary>A key of the index and the words it holds.</summary>
    internal sealed class IndexedText
    {
        public long Id { get; set; }

        public string Text { get; set; } = "";
    }
}
