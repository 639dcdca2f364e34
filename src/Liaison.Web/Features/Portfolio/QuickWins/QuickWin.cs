using System.Linq.Expressions;
using Liaison.Web.Features.Directory.Agencies;
using Liaison.Web.Features.Directory.People;
using Liaison.Web.Platform.Data;

namespace Liaison.Web.Features.Portfolio.QuickWins;

/// <summary>
/// A line of the quick wins log: something done for an agency quickly, outside projects and tickets. Internal to the
/// provider: agency users never see the log (<see cref="VisibleToAgencyUser"/> is always false).
/// </summary>
internal sealed class QuickWin : IVersioned, ITimestamped, IAgencyShared<QuickWin>, ISearchable
{
    public int Id { get; set; }
    public string TaskName { get; set; } = "";
    public string? Description { get; set; }
    public int AgencyId { get; set; }
    public Agency? Agency { get; set; }
    public int? RelationshipManagerPersonId { get; set; }
    public Person? RelationshipManager { get; set; }
    public string? Benefit { get; set; }
    public DateOnly CompletedOn { get; set; }
    public List<QuickWinContributor> Contributors { get; set; } = [];
    public string SearchText { get; set; } = "";
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
    public int Version { get; set; }

    public static Expression<Func<QuickWin, int, int?, bool>> VisibleToAgencyUser => (q, agencyId, personId) => false;

    public IEnumerable<string?> SearchWords() => [TaskName, Description, Benefit];
}

/// <summary>A member of staff who contributed to a quick win.</summary>
[Liaison.Web.Platform.Modules.AgencyHealthNeutral]
internal sealed class QuickWinContributor : IAuditedAsPartOf
{
    public int QuickWinId { get; set; }
    public QuickWin? QuickWin { get; set; }
    public int PersonId { get; set; }
    public Person? Person { get; set; }

    public (string RecordType, string RecordId, string Field) AuditTarget => (nameof(QuickWin), QuickWinId.ToString(System.Globalization.CultureInfo.InvariantCulture), "Contributors");

    public async Task<string> DescribeAsync(LiaisonDbContext db, CancellationToken ct) =>
        Person?.FullName ?? (await db.People.FindAsync([PersonId], ct))?.FullName ?? $"Person #{PersonId}";
}
