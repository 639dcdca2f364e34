using Liaison.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;

namespace Liaison.Web.Features.Settings;

/// <summary>The organisation's settings as every page needs them, cached until an administrator changes them.</summary>
internal sealed class SiteSettings(LiaisonDbContext db, IMemoryCache cache)
{
    private const string CacheKey = "settings";

    public async Task<OrganisationSettings> GetAsync(CancellationToken ct = default) =>
        (await cache.GetOrCreateAsync(CacheKey, async entry =>
        {
            entry.AbsoluteExpirationRelativeToNow = TimeSpan.FromMinutes(5);
            return await db.OrganisationSettings.AsNoTracking().FirstOrDefaultAsync(s => s.Id == OrganisationSettings.SingletonId, ct) ?? new OrganisationSettings();
        }))!;

    public void Invalidate() => cache.Remove(CacheKey);
}
