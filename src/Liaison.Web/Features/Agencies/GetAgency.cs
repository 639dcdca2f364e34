using Liaison.Web.Platform.Auth;
using Liaison.Web.Platform.Data;
using Liaison.Web.Platform.Web;
using Microsoft.EntityFrameworkCore;

namespace Liaison.Web.Features.Agencies;

internal sealed record AgencyDetails(Agency Agency, IReadOnlyList<(int Id, string Name)> LinesOfService);

/// <summary>One agency, its lines of service and its active contacts.</summary>
internal sealed class GetAgency(LiaisonDbContext db, AccessRule access)
{
    public async Task<Result<AgencyDetails>> HandleAsync(int id, CancellationToken ct)
    {
        var agency = await access.FindAsync(db.Agencies.AsNoTracking(), id, ct);
        if (agency is null)
            return Result<AgencyDetails>.NotFound();
        if (!access.CanSeeInternalNotes)
            agency.InternalNotes = null;
        var lines = await db.AgencyLinesOfService.AsNoTracking().Where(l => l.AgencyId == id)
            .OrderBy(l => l.LineOfService!.Name)
            .Select(l => new { l.LineOfServiceId, l.LineOfService!.Name })
            .ToListAsync(ct);
        return Result<AgencyDetails>.Ok(new AgencyDetails(agency, lines.Select(l => (l.LineOfServiceId, l.Name)).ToList()));
    }
}
