using Liaison.Web.Platform.Auth;
using Liaison.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;

namespace Liaison.Web.Platform.Web;

/// <summary>
/// Figures derived from many rows (a count, a health report, a summary), cached per key and visibility scope until the
/// next save (<see cref="DataGeneration"/>) or a minute, whichever comes first. Anything that changes the answer
/// besides the data (today's date, a page number) belongs in the key. The generation is this process's: with several
/// servers, another's save shows here within the minute. Performance:DerivedCache=false turns it off (the benchmark
/// measures the cost of a first reading that way).
/// </summary>
internal sealed class DerivedCache(IMemoryCache cache, CurrentUser user, IConfiguration config)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(1);

    private readonly bool _enabled = config.GetValue("Performance:DerivedCache", true);

    public async Task<T> GetAsync<T>(string key, Func<Task<T>> compute)
    {
        if (!_enabled)
            return await compute();
        var cacheKey = $"derived:{DataGeneration.Current}:{user.AgencyScope}:{key}";
        // An answer of null ("not found") is kept too.
        if (cache.TryGetValue(cacheKey, out T? value))
            return value!;
        value = await compute();
        cache.Set(cacheKey, value, Lifetime);
        return value;
    }
}

/// <summary>
/// The number of rows a filtered list has, cached per filter through <see cref="DerivedCache"/>. Counting 20,000
/// people costs more than fetching the page of 25 the user sees.
/// </summary>
internal sealed class ListCounts(DerivedCache cache)
{
    public Task<int> CountAsync<T>(IQueryable<T> query, string key, CancellationToken ct) =>
        cache.GetAsync("count:" + key, () => query.CountAsync(ct));
}
