using System.ComponentModel.DataAnnotations;
using Liaison.Web.Features.Directory.Agencies;
using Liaison.Web.Features.Directory.People;
using Liaison.Web.Platform.Auth;
using Liaison.Web.Platform.Data;
using Liaison.Web.Platform.ImportExport;
using Liaison.Web.Platform.Time;
using Liaison.Web.Platform.Web;
using Microsoft.EntityFrameworkCore;

namespace Liaison.Web.Features.Relationships;

/// <summary>A contact's line of the matrix as a person fills it in.</summary>
internal sealed class StakeholderInput : IVersionedInput
{
    [Display(Name = "Priority")]
    public Priority? Priority { get; set; }

    [Display(Name = "Impact")]
    public Impact? Impact { get; set; }

    [Display(Name = "Frequency of engagement")]
    public Frequency? Frequency { get; set; }

    [Display(Name = "Methods of engagement")]
    public List<Methods> Methods { get; set; } = [];

    [Display(Name = "Agency executive")]
    public bool IsAgencyExecutive { get; set; }

    [Display(Name = "Key stakeholder (receives the service assessment)")]
    public bool IsKeyStakeholder { get; set; }

    [Display(Name = "Implementation coordinator")]
    public bool IsImplementationCoordinator { get; set; }

    public int? Version { get; set; }

    public static StakeholderInput From(StakeholderProfile p) => new()
    {
        Priority = p.Priority,
        Impact = p.Impact,
        Frequency = p.Frequency,
        Methods = StakeholderCodes.Split(p.Methods),
        IsAgencyExecutive = p.IsAgencyExecutive,
        IsKeyStakeholder = p.IsKeyStakeholder,
        IsImplementationCoordinator = p.IsImplementationCoordinator,
        Version = p.Version,
    };

    public void ApplyTo(StakeholderProfile p)
    {
        p.Priority = Priority;
        p.Impact = Impact;
        p.Frequency = Frequency;
        p.Methods = Methods.Aggregate(Relationships.Methods.None, (all, m) => all | m);
        p.IsAgencyExecutive = IsAgencyExecutive;
        p.IsKeyStakeholder = IsKeyStakeholder;
        p.IsImplementationCoordinator = IsImplementationCoordinator;
    }
}

/// <summary>The engagement plan's codes, as people write them and as Liaison explains them.</summary>
internal static class StakeholderCodes
{
    public static readonly Methods[] AllMethods = [Methods.R, Methods.F, Methods.P, Methods.E, Methods.C, Methods.S, Methods.W];

    public static List<Methods> Split(Methods methods) => AllMethods.Where(m => methods.HasFlag(m)).ToList();

    public static string Codes(Methods methods) => string.Join(", ", Split(methods));

    public static string Describe(Priority p) => p switch { Priority.H => "High", Priority.M => "Medium", _ => "Low" };

    public static string Describe(Impact i) => i switch { Impact.A => "Monitor", Impact.B => "Work closely", _ => "Keep informed" };

    public static string Describe(Frequency f) => f switch
    {
        Frequency.W => "Weekly",
        Frequency.S => "Semi-monthly",
        Frequency.M => "Monthly",
        Frequency.Q => "Quarterly",
        Frequency.AN => "As needed",
        _ => "As requested",
    };

    public static string Describe(Methods m) => m switch
    {
        Methods.R => "Report",
        Methods.F => "Face to face",
        Methods.P => "Presentation",
        Methods.E => "Email",
        Methods.C => "Phone call",
        Methods.S => "Shared site",
        _ => "Website",
    };

    public static bool TryParseMethods(string text, out Methods methods, out string? bad)
    {
        methods = Methods.None;
        bad = null;
        foreach (var code in text.Split([',', ';', ' ', '/'], StringSplitOptions.RemoveEmptyEntries))
        {
            if (Enum.TryParse<Methods>(code.Trim(), ignoreCase: true, out var m) && m != Methods.None && AllMethods.Contains(m))
                methods |= m;
            else
            {
                bad = code;
                return false;
            }
        }
        return true;
    }
}

internal sealed record MatrixRow(
    int PersonId, string Name, string? Title, string? Email, string? Phone, Priority? Priority, Impact? Impact, Frequency? Frequency,
    Methods Methods, bool IsAgencyExecutive, bool IsKeyStakeholder, bool IsImplementationCoordinator, DateOnly? LastTouchOn,
    DateOnly? NextDue, CadenceState Cadence);

/// <summary>An agency's stakeholder matrix: each active contact's codes, role flags and cadence.</summary>
internal sealed class StakeholderMatrix(LiaisonDbContext db, AccessRule access, OrganisationClock clock)
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

    public async Task<Result<StakeholderProfile>> GetAsync(int personId, CancellationToken ct)
    {
        var person = await access.FindAsync(db.People.AsNoTracking(), personId, ct);
        if (person is null)
            return Result<StakeholderProfile>.NotFound();
        var profile = await db.StakeholderProfiles.AsNoTracking().FirstOrDefaultAsync(p => p.PersonId == personId, ct)
            ?? new StakeholderProfile { PersonId = personId };
        profile.Person = person;
        return Result<StakeholderProfile>.Ok(profile);
    }

    public async Task<Result<StakeholderProfile>> SaveAsync(int personId, StakeholderInput input, CancellationToken ct)
    {
        var person = await access.FindAsync(db.People.AsNoTracking(), personId, ct);
        if (person is null)
            return Result<StakeholderProfile>.NotFound();
        if (person.Kind != PersonKind.AgencyContact || person.AgencyId is null)
            return Result<StakeholderProfile>.Invalid("", "The stakeholder matrix lists agency contacts only.");
        if (!await access.CanEditAgencyRecordsAsync(person.AgencyId.Value, ct))
            return Result<StakeholderProfile>.Forbidden();
        _read.Remove(person.AgencyId.Value);
        var profile = await db.StakeholderProfiles.FirstOrDefaultAsync(p => p.PersonId == personId, ct);
        if (profile is null)
        {
            profile = new StakeholderProfile { PersonId = personId };
            input.ApplyTo(profile);
            db.StakeholderProfiles.Add(profile);
            await db.SaveChangesAsync(ct);
            return Result<StakeholderProfile>.Ok(profile);
        }
        return await Edits.SaveAsync(db, profile, input.Version ?? 0, input, StakeholderInput.From, input.ApplyTo, nameof(StakeholderProfile), personId, ct);
    }
}
