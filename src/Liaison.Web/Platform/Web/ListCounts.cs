using Liaison.Web.Platform.Auth;
using Liaison.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;

namespace Liaison.Web.Platform.Web;

/// <summary>
/// The number of rows a filtered list has, cached per filter and visibility scope until the next save
/// (<see cref="DataGeneration"/>) or a minute, whichever comes first. Counting 20,000 people costs
/// more than fetching the page of 25 the user sees.
/// </summary>
internal sealed class ListCounts(IMemoryCache cache, CurrentUser user)
{
    public async Task<int> CountAsync<T>(IQueryable<T> query, string key, CancellationToken ct)
    {
        var cacheKey = $"count:{DataGeneration.Current}:{user.AgencyScope}:{key}";
        if (cache.TryGetValue(cacheKey, out int count))
            return count;
        count = await query.CountAsync(ct);
        cache.Set(cacheKey, count, TimeSpan.FromMinutes(1));
        return count;
    }
}
