using Liaison.Web.Platform.Auth;
using Liaison.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;

namespace Liaison.Web.Platform.Web;

/// <summary>
/// Figures derived from many rows (a count, a health report, a summary), cached per key and per what the user may see
/// until the next save or a minute, whichever comes first. The data generation in the key is read from the database
/// once per request (<see cref="LiaisonDbContext.DataGenerationAsync"/>), so a save on any app instance retires the
/// figures of every instance at its next request. What the user may see is what the access rule's filters read: the
/// agency an agency user is confined to and their own directory entry (action items assigned to them). Anything else
/// that changes the answer (today's date, a page number, the user for "my" figures) belongs in the key.
/// Performance:DerivedCache=false turns it off (the benchmark measures the cost of a first reading that way).
/// </summary>
internal sealed class DerivedCache(IMemoryCache cache, CurrentUser user, LiaisonDbContext db, IConfiguration config)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(1);

    private readonly bool _enabled = config.GetValue("Performance:DerivedCache", true);

    public async Task<T> GetAsync<T>(string key, Func<Task<T>> compute)
    {
        if (!_enabled)
            return await compute();
        var cacheKey = $"derived:{await db.DataGenerationAsync(CancellationToken.None)}:{user.AgencyScope}:{user.PersonScope}:{key}";
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
/// people costs more than fetching the page of 25 the user sees. The organisation's date is in the key: "stale", "late"
/// and "overdue" filters count other rows tomorrow.
/// </summary>
internal sealed class ListCounts(DerivedCache cache, Time.OrganisationClock clock)
{
    public Task<int> CountAsync<T>(IQueryable<T> query, string key, CancellationToken ct) =>
        cache.GetAsync($"count:{clock.Today:yyyy-MM-dd}:{key}", () => query.CountAsync(ct));
}
