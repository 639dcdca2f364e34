using Liaison.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Liaison.Web.Features.Directory.Agencies;

internal sealed record AgencyName(int Id, string Name, string? Acronym);

/// <summary>The agencies an import can name, found by name or acronym in any case: read once per file, not per row.</summary>
internal sealed class AgencyNames(IReadOnlyList<AgencyName> agencies)
{
    public static async Task<AgencyNames> LoadAsync(LiaisonDbContext db, CancellationToken ct) =>
        new(await db.Agencies.AsNoTracking().Select(a => new AgencyName(a.Id, a.Name, a.Acronym)).ToListAsync(ct));

    public AgencyName? Find(string text) => agencies.FirstOrDefault(a =>
        string.Equals(a.Name, text, StringComparison.OrdinalIgnoreCase) || string.Equals(a.Acronym, text, StringComparison.OrdinalIgnoreCase));
}
