using Liaison.Web.Features.Directory.Agencies;
using Liaison.Web.Features.Directory.People;
using Liaison.Web.Platform.Auth;
using Liaison.Web.Platform.Data;
using Liaison.Web.Platform.ImportExport;
using Liaison.Web.Platform.Time;
using Liaison.Web.Platform.Web;
using Microsoft.EntityFrameworkCore;

namespace Liaison.Web.Features.Relationships;

internal sealed record MatrixRow(
    int PersonId, string Name, string? Title, string? Email, string? Phone, Priority? Priority, Impact? Impact, Frequency? Frequency,
    Methods Methods, bool IsAgencyExecutive, bool IsKeyStakeholder, bool IsImplementationCoordinator, DateOnly? LastTouchOn,
    DateOnly? NextDue, CadenceState Cadence);

/// <summary>An agency's stakeholder matrix: each active contact's codes, role flags and cadence.</summary>
internal sealed class ReadStakeholderMatrix(LiaisonDbContext db, AccessRule access, OrganisationClock clock)
{
    private readonly Dictionary<int, Result<IReadOnlyList<MatrixRow>>> _read = [];

    /// <summary>The matrix of one agency; read once per request however many parts of a page ask.</summary>
    public async Task<Result<IReadOnlyList<MatrixRow>>> ForAgencyAsync(int agencyId, CancellationToken ct)
    {
        if (!_read.TryGetValue(agencyId, out var result))
            _read[agencyId] = result = await ReadAsync(agencyId, ct);
        return result;
    }

    private async Task<Result<IReadOnlyList<MatrixRow>>> ReadAsync(int agencyId, CancellationToken ct)
    {
        if (!await access.CanSeeAsync<Agency>(agencyId, ct))
            return Result<IReadOnlyList<MatrixRow>>.NotFound();
        var today = clock.Today;
        // One query: the contacts (read through the access rule) and, by key, their profiles. A list of ids in an IN (...)
        // would make EF generate the SQL anew for every request.
        var contacts = await db.People.AsNoTracking()
            .Where(p => p.AgencyId == agencyId && p.IsActive && p.Kind == PersonKind.AgencyContact)
            .LeftJoin(db.StakeholderProfiles.AsNoTracking().IgnoreQueryFilters(), p => p.Id, s => s.PersonId, (p, s) => new { Person = p, Profile = s })
            .OrderBy(r => r.Person.LastName).ThenBy(r => r.Person.FirstName)
            .Select(r => new { r.Person.Id, r.Person.FirstName, r.Person.LastName, r.Person.Title, r.Person.Email, r.Person.Phone, r.Profile })
            .ToListAsync(ct);
        return Result<IReadOnlyList<MatrixRow>>.Ok(contacts.Select(r =>
        {
            var s = r.Profile;
            return new MatrixRow(r.Id, $"{r.FirstName} {r.LastName}", r.Title, r.Email, r.Phone, s?.Priority, s?.Impact, s?.Frequency,
                s?.Methods ?? Methods.None, s?.IsAgencyExecutive ?? false, s?.IsKeyStakeholder ?? false, s?.IsImplementationCoordinator ?? false,
                s?.LastTouchOn, Relationships.Cadence.NextDue(s?.Frequency, s?.LastTouchOn, today), Relationships.Cadence.State(s?.Frequency, s?.LastTouchOn, today));
        }).ToList());
    }

    /// <summary>The matrix as the engagement plan lays it out, for printing or sending.</summary>
    public static ExportFile Export(IReadOnlyList<MatrixRow> rows, string agencyName, ExportFormat format, DateTime now) => TableExport.ToFile(rows,
    [
        new ExportColumn<MatrixRow>("Person Id", r => r.PersonId),
        new("Name", r => r.Name),
        new("Title / role", r => r.Title),
        new("Priority", r => r.Priority?.ToString()),
        new("Impact", r => r.Impact?.ToString()),
        new("Frequency", r => r.Frequency?.ToString()),
        new("Methods", r => StakeholderCodes.Codes(r.Methods)),
        new("Agency executive", r => r.IsAgencyExecutive),
        new("Key stakeholder", r => r.IsKeyStakeholder),
        new("Implementation coordinator", r => r.IsImplementationCoordinator),
        new("Email", r => r.Email),
        new("Phone", r => r.Phone),
        new("Last contact", r => r.LastTouchOn),
        new("Next contact due", r => r.NextDue),
    ], format, "stakeholder-matrix-" + new string(agencyName.Where(char.IsLetterOrDigit).ToArray()).ToLowerInvariant(), now);

    /// <summary>Forgets an agency's matrix read earlier in this request (a contact's line has just changed).</summary>
    public void Forget(int agencyId) => _read.Remove(agencyId);
}
