using System.Linq.Expressions;
using Liaison.Web.Features.Directory.LinesOfService;
using Liaison.Web.Platform.Data;

namespace Liaison.Web.Features.Directory.Agencies;

/// <summary>A partner agency the provider serves.</summary>
internal sealed class Agency : IVersioned, ITimestamped, IAgencyOwned<Agency>, ISearchable
{
    public int Id { get; set; }
    public string Name { get; set; } = "";
    public string? Acronym { get; set; }
    public string? ParentDepartment { get; set; }
    public string? Website { get; set; }
    public string? Phone { get; set; }
    public string? Address { get; set; }

    /// <summary>The provider's own notes; never shown to the agency's users.</summary>
    public string? InternalNotes { get; set; }

    public bool IsActive { get; set; } = true;
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
    public int Version { get; set; }

    public List<AgencyLineOfService> LinesOfService { get; } = [];

    public string SearchText { get; set; } = "";

    public IEnumerable<string?> SearchWords() => [Name, Acronym, ParentDepartment];

    public static Expression<Func<Agency, int?>> OwningAgency => a => a.Id;

    public string DisplayName => string.IsNullOrWhiteSpace(Acronym) ? Name : $"{Name} ({Acronym})";
}

/// <summary>A line of service an agency consumes.</summary>
internal sealed class AgencyLineOfService : IAuditedAsPartOf, IAgencyOwned<AgencyLineOfService>
{
    public int AgencyId { get; set; }
    public Agency? Agency { get; set; }
    public int LineOfServiceId { get; set; }
    public LineOfService? LineOfService { get; set; }

    public static Expression<Func<AgencyLineOfService, int?>> OwningAgency => l => l.AgencyId;

    public (string RecordType, string RecordId, string Field) AuditTarget =>
        (nameof(Agency), AgencyId.ToString(), "Lines of service");

    public async Task<string> DescribeAsync(LiaisonDbContext db, CancellationToken ct) =>
        LineOfService?.Name ?? (await db.LinesOfService.FindAsync([LineOfServiceId], ct))?.Name ?? $"Line of service #{LineOfServiceId}";
}
