using System.Linq.Expressions;
using Liaison.Web.Platform.Data;

namespace Liaison.Web.Features.Relationships.ActionItems;

/// <summary>
/// A comment on an action item, by its staff or by the agency contact who owns it ("sent the quote on Monday"). Seen by
/// whoever sees the item; written into the item's history. Not edited once written.
/// </summary>
[Liaison.Web.Platform.Modules.AgencyHealthNeutral]
internal sealed class ActionItemComment : IAgencyShared<ActionItemComment>, IAuditedAsPartOf
{
    public const int MaxLength = 2000;

    public int Id { get; set; }
    public int ActionItemId { get; set; }
    public ActionItem? ActionItem { get; set; }

    /// <summary>The account that wrote it; its name is kept as written, so a comment reads the same after the account goes.</summary>
    public int? AuthorUserId { get; set; }
    public string AuthorName { get; set; } = "";

    /// <summary>Whether the author wrote as the agency (an agency user) rather than as the provider's staff.</summary>
    public bool ByAgency { get; set; }
    public string Text { get; set; } = "";
    public DateTime CreatedAt { get; set; }

    /// <summary>An agency user sees the comments of the items they see: their agency's items assigned to them.</summary>
    public static Expression<Func<ActionItemComment, int, int?, bool>> VisibleToAgencyUser =>
        (c, agencyId, personId) => c.ActionItem!.AgencyId == agencyId && c.ActionItem.OwnerPersonId == personId;

    public (string RecordType, string RecordId, string Field) AuditTarget =>
        (nameof(ActionItem), ActionItemId.ToString(System.Globalization.CultureInfo.InvariantCulture), "Comment");

    public Task<string> DescribeAsync(LiaisonDbContext db, CancellationToken ct) =>
        Task.FromResult($"{AuthorName}: {(Text.Length > 200 ? Text[..199] + "…" : Text)}");
}
