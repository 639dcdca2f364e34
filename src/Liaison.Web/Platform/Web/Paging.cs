using System.Linq.Expressions;
using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore;

namespace Liaison.Web.Platform.Web;

/// <summary>What every list accepts: free-text search, sort column and direction, page.</summary>
internal interface IListQuery
{
    string? Search { get; }
    string? Sort { get; }
    bool Desc { get; }
    int Page { get; }
    int PageSize { get; }
}

internal sealed record PagedResult<T>(IReadOnlyList<T> Items, int Page, int PageSize, int TotalCount)
{
    public int TotalPages => Math.Max(1, (int)Math.Ceiling(TotalCount / (double)PageSize));
    [JsonIgnore]
    public int FirstItem => TotalCount == 0 ? 0 : ((Page - 1) * PageSize) + 1;

    [JsonIgnore]
    public int LastItem => Math.Min(Page * PageSize, TotalCount);

    [JsonIgnore]
    public PageInfo Info => new(Page, TotalPages, TotalCount, FirstItem, LastItem);
}

/// <summary>Where a list is: what the pagination and the "showing 1–25 of 240" line need.</summary>
internal sealed record PageInfo(int Page, int TotalPages, int TotalCount, int FirstItem, int LastItem);

/// <summary>A named way to order a list, applied with the direction the user chose.</summary>
internal sealed class SortOrder<T>(Func<IQueryable<T>, bool, IOrderedQueryable<T>> apply)
{
    public IOrderedQueryable<T> Apply(IQueryable<T> query, bool desc) => apply(query, desc);

    public static SortOrder<T> By<TKey>(Expression<Func<T, TKey>> key) =>
        new((q, desc) => desc ? q.OrderByDescending(key) : q.OrderBy(key));

    public SortOrder<T> ThenBy<TKey>(Expression<Func<T, TKey>> key) =>
        new((q, desc) => desc ? Apply(q, desc).ThenByDescending(key) : Apply(q, desc).ThenBy(key));
}

internal static class Paging
{
    public const int DefaultPageSize = 25;
    public const int MaxPageSize = 200;

    public static int ClampPage(int page) => Math.Max(1, page);

    public static int ClampPageSize(int size) => size <= 0 ? DefaultPageSize : Math.Min(size, MaxPageSize);

    /// <summary>Orders by the chosen sort (or the default) and then by id, so pages never overlap.</summary>
    public static IQueryable<T> Sorted<T>(this IQueryable<T> query, IListQuery list,
        IReadOnlyDictionary<string, SortOrder<T>> sorts, string defaultSort, Expression<Func<T, int>> id)
    {
        var sort = list.Sort is not null && sorts.TryGetValue(list.Sort, out var chosen) ? chosen : sorts[defaultSort];
        var ordered = sort.Apply(query, list.Desc);
        return list.Desc ? ordered.ThenByDescending(id) : ordered.ThenBy(id);
    }

    /// <summary>One page of a list; with <paramref name="counts"/>, its total comes from the count cache.</summary>
    public static async Task<PagedResult<T>> ToPageAsync<T>(this IQueryable<T> query, IListQuery list, CancellationToken ct, ListCounts? counts = null)
    {
        var size = ClampPageSize(list.PageSize);
        // The filters, not the page, decide the count; the query's own text says which list it is.
        var total = counts is null ? await query.CountAsync(ct) : await counts.CountAsync(query, CountKey<T>(list), ct);
        var lastPage = Math.Max(1, (int)Math.Ceiling(total / (double)size));
        var page = Math.Min(ClampPage(list.Page), lastPage);
        var items = total == 0 ? [] : await query.Skip((page - 1) * size).Take(size).ToListAsync(ct);
        return new PagedResult<T>(items, page, size, total);
    }

    /// <summary>What decides a list's count: its row type and its filters (a list query is a record, so its text names them all) but not the page.</summary>
    private static string CountKey<T>(IListQuery list) =>
        typeof(T).Name + ":" + System.Text.RegularExpressions.Regex.Replace(list.ToString() ?? "", @"\bPage = \d+, ", "");

    /// <summary>Case-insensitive "contains" that both SQLite and PostgreSQL translate to LIKE over lower().</summary>
    public static string? SearchPattern(string? search) =>
        string.IsNullOrWhiteSpace(search) ? null : search.Trim().ToLowerInvariant();
}

/// <summary>A record named by id and display name: options of a select, links in a list.</summary>
internal sealed record NamedRef(int Id, string Name);
