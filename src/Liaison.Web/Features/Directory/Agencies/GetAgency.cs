using Liaison.Web.Platform.Auth;
using Liaison.Web.Platform.Data;
using Liaison.Web.Platform.Web;
using Microsoft.EntityFrameworkCore;

namespace Liaison.Web.Features.Directory.Agencies;

internal sealed record AgencyDetails(Agency Agency, IReadOnlyList<(int Id, string Name)> LinesOfService);

/// <summary>One agency, its lines of service and its active contacts.</summary>
internal sealed class GetAgency(LiaisonDbContext db, AccessRule access)
{
    public async Task<Result<AgencyDetails>> HandleAsync(int id, CancellationToken ct)
    {
        // The agency and its lines of service in one round trip.
        var agency = await access.FindAsync(db.Agencies.AsNoTracking().Include(a => a.LinesOfService).ThenInclude(l => l.LineOfService), id, ct);
        if (agency is null)
            return Result<AgencyDetails>.NotFound();
        if (!access.CanSeeInternalNotes)
            agency.InternalNotes = null;
        var lines = agency.LinesOfService.Where(l => l.LineOfService is not null).Select(l => (l.LineOfServiceId, l.LineOfService!.Name))
            .OrderBy(l => l.Name, StringComparer.CurrentCultureIgnoreCase).ToList();
        return Result<AgencyDetails>.Ok(new AgencyDetails(agency, lines));
    }
}
