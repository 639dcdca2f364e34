using System.ComponentModel.DataAnnotations;
using Liaison.Web.Features.Directory.Agencies;
using Liaison.Web.Platform.Auth;
using Liaison.Web.Platform.Data;
using Liaison.Web.Platform.Time;
using Liaison.Web.Platform.Web;
using Microsoft.EntityFrameworkCore;

namespace Liaison.Web.Features.Relationships;

internal sealed class AssignmentInput
{
    [Display(Name = "Primary relationship manager")]
    public int? PrimaryUserId { get; set; }

    [Display(Name = "Backup relationship manager")]
    public int? BackupUserId { get; set; }
}

internal sealed record AssignmentRow(int Id, AssignmentRole Role, int UserId, string UserName, DateOnly StartedOn, DateOnly? EndedOn);

internal sealed record AgencyManagers(NamedRef? Primary, NamedRef? Backup, IReadOnlyList<AssignmentRow> History)
{
    /// <summary>How to reach the current primary and backup: what an agency's own people look for first.</summary>
    public IReadOnlyList<ManagerContact> Contacts { get; init; } = [];
}

/// <summary>A current relationship manager, with the work email and phone an agency reaches them at.</summary>
internal sealed record ManagerContact(AssignmentRole Role, string Name, string? Title, string? Email, string? Phone);

internal sealed record ManagerLoad(int UserId, string Name, string Email, IReadOnlyList<NamedRef> PrimaryFor, IReadOnlyList<NamedRef> BackupFor)
{
    public int Load => PrimaryFor.Count + BackupFor.Count;
}

internal sealed record CoverageReport(IReadOnlyList<ManagerLoad> Managers, IReadOnlyList<NamedRef> WithoutManager, IReadOnlyList<NamedRef> WithoutBackup);

/// <summary>Who looks after each agency: primary and backup relationship managers, with the history of who held them when.</summary>
internal sealed class ManageAssignments(LiaisonDbContext db, AccessRule access, OrganisationClock clock)
{
    private readonly Dictionary<int, Result<AgencyManagers>> _read = [];

    /// <summary>An agency's managers and their history; read once per request however many parts of a page ask.</summary>
    public async Task<Result<AgencyManagers>> ForAgencyAsync(int agencyId, CancellationToken ct)
    {
        if (!_read.TryGetValue(agencyId, out var result))
            _read[agencyId] = result = await ReadAsync(agencyId, ct);
        return result;
    }

    private async Task<Result<AgencyManagers>> ReadAsync(int agencyId, CancellationToken ct)
    {
        if (!await access.CanSeeAsync<Agency>(agencyId, ct))
            return Result<AgencyManagers>.NotFound();
        var rows = await db.AgencyAssignments.AsNoTracking().Where(a => a.AgencyId == agencyId)
            .OrderByDescending(a => a.EndedOn == null).ThenByDescending(a => a.StartedOn).ThenByDescending(a => a.Id)
            .Select(a => new AssignmentRow(a.Id, a.Role, a.UserId, a.User!.DisplayName, a.StartedOn, a.EndedOn))
            .ToListAsync(ct);
        NamedRef? Current(AssignmentRole role) =>
            rows.FirstOrDefault(r => r.Role == role && r.EndedOn is null) is { } r ? new NamedRef(r.UserId, r.UserName) : null;
        // The managers' own directory entries are staff records an agency user cannot list; their work address and phone
        // are what the agency needs, so they are read here, for this agency's current managers only.
        var contacts = (await db.AgencyAssignments.AsNoTracking().IgnoreQueryFilters()
                .Where(a => a.AgencyId == agencyId && a.EndedOn == null)
                .Select(a => new
                {
                    a.Role,
                    a.User!.DisplayName,
                    UserEmail = a.User.Email,
                    Title = a.User.Person != null ? a.User.Person.Title : null,
                    PersonEmail = a.User.Person != null ? a.User.Person.Email : null,
                    Phone = a.User.Person != null ? a.User.Person.Phone : null,
                })
                .ToListAsync(ct))
            .OrderBy(c => c.Role)
            .Select(c => new ManagerContact(c.Role, c.DisplayName, c.Title, c.PersonEmail ?? c.UserEmail, c.Phone))
            .ToList();
        return Result<AgencyManagers>.Ok(new AgencyManagers(Current(AssignmentRole.Primary), Current(AssignmentRole.Backup), rows) { Contacts = contacts });
    }

    /// <summary>Sets the agency's primary and backup; a change ends the current assignment today and starts the new one.</summary>
    public async Task<Result<AgencyManagers>> AssignAsync(int agencyId, AssignmentInput input, CancellationToken ct)
    {
        if (await access.FindAsync(db.Agencies.AsNoTracking(), agencyId, ct) is null)
            return Result<AgencyManagers>.NotFound();
        if (!access.CanManageReferenceData)
            return Result<AgencyManagers>.Forbidden();
        var errors = new Dictionary<string, string[]>();
        var managers = await RelationshipManagersAsync(ct);
        if (input.PrimaryUserId is { } p && managers.All(m => m.Id != p))
            errors[nameof(AssignmentInput.PrimaryUserId)] = ["Choose someone who holds the relationship manager role."];
        if (input.BackupUserId is { } b && managers.All(m => m.Id != b))
            errors[nameof(AssignmentInput.BackupUserId)] = ["Choose someone who holds the relationship manager role."];
        if (input.PrimaryUserId is not null && input.PrimaryUserId == input.BackupUserId)
            errors[nameof(AssignmentInput.BackupUserId)] = ["The backup must be someone other than the primary."];
        if (errors.Count > 0)
            return Result<AgencyManagers>.Invalid(errors);

        var today = clock.Today;
        var current = await db.AgencyAssignments.Where(a => a.AgencyId == agencyId && a.EndedOn == null).ToListAsync(ct);
        await using var write = await db.BeginWriteAsync(ct);
        foreach (var (role, wanted) in new[] { (AssignmentRole.Primary, input.PrimaryUserId), (AssignmentRole.Backup, input.BackupUserId) })
        {
            var holder = current.FirstOrDefault(a => a.Role == role);
            if (holder?.UserId == wanted)
                continue;
            if (holder is not null)
                holder.EndedOn = today;
        }
        // End the old ones first: the unique index allows one current holder per role.
        await db.SaveChangesAsync(ct);
        foreach (var (role, wanted) in new[] { (AssignmentRole.Primary, input.PrimaryUserId), (AssignmentRole.Backup, input.BackupUserId) })
        {
            if (wanted is { } userId && current.FirstOrDefault(a => a.Role == role && a.EndedOn is null)?.UserId != userId)
                db.AgencyAssignments.Add(new AgencyAssignment { AgencyId = agencyId, UserId = userId, Role = role, StartedOn = today });
        }
        await db.SaveChangesAsync(ct);
        await write.CommitAsync(ct);
        _read.Remove(agencyId);
        return await ForAgencyAsync(agencyId, ct);
    }

    public async Task<List<NamedRef>> RelationshipManagersAsync(CancellationToken ct)
    {
        var roleId = await db.Roles.Where(r => r.Name == Roles.RelationshipManager).Select(r => r.Id).FirstAsync(ct);
        return await db.Users.AsNoTracking()
            .Where(u => !u.IsDisabled && u.UserRoles.Any(r => r.RoleId == roleId))
            .OrderBy(u => u.DisplayName).Select(u => new NamedRef(u.Id, u.DisplayName)).ToListAsync(ct);
    }

    /// <summary>Each manager's agencies and load; the agencies with no manager, and those with no backup (one deep).</summary>
    public async Task<Result<CoverageReport>> CoverageAsync(CancellationToken ct)
    {
        if (!access.CanSeeProviderRecords)
            return Result<CoverageReport>.Forbidden();
        var agencies = await db.Agencies.AsNoTracking().Where(a => a.IsActive).OrderBy(a => a.Name).Select(a => new NamedRef(a.Id, a.Name)).ToListAsync(ct);
        var current = await db.AgencyAssignments.AsNoTracking().Where(a => a.EndedOn == null && a.Agency!.IsActive)
            .Select(a => new { a.AgencyId, a.Role, a.UserId }).ToListAsync(ct);
        var names = agencies.ToDictionary(a => a.Id, a => a.Name);
        var users = await db.Users.AsNoTracking().Select(u => new { u.Id, u.DisplayName, u.Email }).ToListAsync(ct);
        var managers = (await RelationshipManagersAsync(ct)).Select(m => m.Id).Union(current.Select(c => c.UserId)).Distinct()
            .Select(id => users.First(u => u.Id == id))
            .Select(u => new ManagerLoad(u.Id, u.DisplayName, u.Email ?? "",
                current.Where(c => c.UserId == u.Id && c.Role == AssignmentRole.Primary && names.ContainsKey(c.AgencyId)).Select(c => new NamedRef(c.AgencyId, names[c.AgencyId])).OrderBy(a => a.Name).ToList(),
                current.Where(c => c.UserId == u.Id && c.Role == AssignmentRole.Backup && names.ContainsKey(c.AgencyId)).Select(c => new NamedRef(c.AgencyId, names[c.AgencyId])).OrderBy(a => a.Name).ToList()))
            .OrderByDescending(m => m.Load).ThenBy(m => m.Name).ToList();
        var withoutManager = agencies.Where(a => !current.Any(c => c.AgencyId == a.Id && c.Role == AssignmentRole.Primary)).ToList();
        var withoutBackup = agencies.Where(a => !current.Any(c => c.AgencyId == a.Id && c.Role == AssignmentRole.Backup)).ToList();
        return Result<CoverageReport>.Ok(new CoverageReport(managers, withoutManager, withoutBackup));
    }
}
