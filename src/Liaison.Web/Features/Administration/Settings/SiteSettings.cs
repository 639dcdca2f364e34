using Liaison.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;

namespace Liaison.Web.Features.Administration.Settings;

/// <summary>
/// The organisation's settings as every page needs them, cached until the next save on any app instance (the data
/// generation, which every page reads once anyway) or five minutes.
/// </summary>
internal sealed class SiteSettings(LiaisonDbContext db, IMemoryCache cache)
{
    public async Task<OrganisationSettings> GetAsync(CancellationToken ct = default) =>
        (await cache.GetOrCreateAsync($"settings:{await db.DataGenerationAsync(ct)}", async entry =>
        {
            entry.AbsoluteExpirationRelativeToNow = TimeSpan.FromMinutes(5);
            return await db.OrganisationSettings.AsNoTracking().FirstOrDefaultAsync(s => s.Id == OrganisationSettings.SingletonId, ct) ?? new OrganisationSettings();
        }))!;
}
