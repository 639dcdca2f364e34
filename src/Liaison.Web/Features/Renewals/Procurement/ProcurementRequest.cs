using System.Linq.Expressions;
using Liaison.Web.Features.Directory.Agencies;
using Liaison.Web.Features.Directory.People;
using Liaison.Web.Platform.Auditing;
using Liaison.Web.Platform.Data;
using Liaison.Web.Platform.Modules;

namespace Liaison.Web.Features.Renewals.Procurement;

/// <summary>Where a procurement request stands; the board has a column for each open one.</summary>
internal enum ProcurementStatus
{
    New = 0,
    Assessing = 1,
    Quoting = 2,
    AwaitingApproval = 3,
    Approved = 4,
    Ordered = 5,
    Received = 6,
    Closed = 7,
    Declined = 8,
    Withdrawn = 9,
}

/// <summary>
/// A request to buy something, from or for an agency: what, why, who asked, the estimated cost; then, internal to the
/// provider, the assessment against the enterprise strategy and the quotes; the approval by a named approver, the
/// procurement ticket, the PO, the day it was received and whether the documentation is complete. The agency's users
/// see their agency's requests (<see cref="OwningAgency"/>), never the assessment or the quotes.
/// </summary>
[AgencyHealthNeutral]
internal sealed class ProcurementRequest : IVersioned, ITimestamped, IAgencyOwned<ProcurementRequest>, ISearchable
{
    public int Id { get; set; }
    public int AgencyId { get; set; }
    public Agency? Agency { get; set; }
    public string Title { get; set; } = "";
    public string? Justification { get; set; }

    /// <summary>Who asked for it, as named (an agency's staff member, or the provider's).</summary>
    public string RequestedBy { get; set; } = "";

    public decimal? EstimatedCost { get; set; }
    public ProcurementStatus Status { get; set; }

    /// <summary>The day the request reached its status: the board shows how long it has been there.</summary>
    public DateOnly StatusSince { get; set; }

    /// <summary>Internal: whether it is aligned with the enterprise strategy (null: not assessed yet), and why.</summary>
    public bool? AlignedWithStrategy { get; set; }

    public string? AssessmentReasons { get; set; }
    public int? ApproverPersonId { get; set; }
    public Person? Approver { get; set; }
    public DateOnly? ApprovedOn { get; set; }
    public string? ProcurementTicket { get; set; }
    public string? PurchaseOrder { get; set; }
    public DateOnly? ReceivedOn { get; set; }
    public bool DocumentationComplete { get; set; }
    public List<ProcurementQuote> Quotes { get; set; } = [];

    /// <summary>The user who raised it in Liaison.</summary>
    public int? CreatedByUserId { get; set; }

    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
    public int Version { get; set; }
    public string SearchText { get; set; } = "";

    /// <summary>What the header's search finds it by: only what the agency's own users see too (never the assessment).</summary>
    public IEnumerable<string?> SearchWords() => [Title, Justification, RequestedBy, ProcurementTicket, PurchaseOrder];

    public static Expression<Func<ProcurementRequest, int?>> OwningAgency => r => r.AgencyId;

    /// <summary>Still moving: not closed, declined or withdrawn.</summary>
    public static bool IsOpen(ProcurementStatus status) => status < ProcurementStatus.Closed;
}

/// <summary>A vendor's quote for a request, internal to the provider, with the file it came as.</summary>
[AgencyHealthNeutral]
internal sealed class ProcurementQuote : IAuditedAsPartOf, IAgencyShared<ProcurementQuote>
{
    public static Expression<Func<ProcurementQuote, int, int?, bool>> VisibleToAgencyUser => (q, agencyId, personId) => false;

    public int Id { get; set; }
    public int RequestId { get; set; }
    public string Vendor { get; set; } = "";
    public decimal Amount { get; set; }
    public DateOnly QuotedOn { get; set; }
    public long? AttachmentId { get; set; }

    public (string RecordType, string RecordId, string Field) AuditTarget =>
        (nameof(ProcurementRequest), RequestId.ToString(System.Globalization.CultureInfo.InvariantCulture), $"Quote from {Vendor}");

    public Task<string> DescribeAsync(LiaisonDbContext db, CancellationToken ct) =>
        Task.FromResult($"{Vendor}: {Amount.ToString("C2", System.Globalization.CultureInfo.GetCultureInfo("en-US"))} on {QuotedOn:yyyy-MM-dd}");
}

/// <summary>
/// A file attached to a request (a specification, a quote, an invoice), kept in the database under its id (so in every
/// backup, never on one instance's disk), checked by its content before it is accepted (<see cref="Platform.Files.FileCheck"/>).
/// An internal file (a quote) is the provider's only; the agency sees the others of its own requests.
/// </summary>
[AgencyHealthNeutral]
internal sealed class ProcurementAttachment : IAgencyShared<ProcurementAttachment>
{
    public long Id { get; set; }
    public int RequestId { get; set; }

    /// <summary>The request's agency, kept here for the access rule's filter.</summary>
    public int AgencyId { get; set; }

    /// <summary>The name it was uploaded under, without any folder and with control characters removed; shown, never used as a path.</summary>
    public string FileName { get; set; } = "";

    public string ContentType { get; set; } = "";
    public long Size { get; set; }

    [NotAudited]
    public byte[] Content { get; set; } = [];

    public string Sha256 { get; set; } = "";
    public bool Internal { get; set; }
    public DateTime UploadedAt { get; set; }
    public int? UploadedByUserId { get; set; }
    public string UploadedBy { get; set; } = "";

    public static Expression<Func<ProcurementAttachment, int, int?, bool>> VisibleToAgencyUser => (a, agencyId, personId) => !a.Internal && a.AgencyId == agencyId;
}
