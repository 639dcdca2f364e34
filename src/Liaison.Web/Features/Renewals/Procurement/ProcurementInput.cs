using System.ComponentModel.DataAnnotations;
using FluentValidation;
using Liaison.Web.Platform.Web;

namespace Liaison.Web.Features.Renewals.Procurement;

/// <summary>
/// A procurement request as typed. An agency's user gives the first part (agency, what, why, who, estimate); the rest is
/// the provider's (an agency user's values for it are ignored).
/// </summary>
internal sealed class ProcurementInput : IVersionedInput
{
    public const int MaxQuotes = 20;

    [Display(Name = "Agency")]
    public int? AgencyId { get; set; }

    [Display(Name = "What is needed")]
    public string Title { get; set => field = value ?? ""; } = "";

    [DataType(DataType.MultilineText)]
    [Display(Name = "Why")]
    public string? Justification { get; set; }

    [Display(Name = "Requested by")]
    public string RequestedBy { get; set => field = value ?? ""; } = "";

    [Display(Name = "Estimated cost ($)")]
    public decimal? EstimatedCost { get; set; }

    [Display(Name = "Status")]
    public ProcurementStatus? Status { get; set; }

    [Display(Name = "Aligned with the enterprise strategy")]
    public bool? AlignedWithStrategy { get; set; }

    [DataType(DataType.MultilineText)]
    [Display(Name = "Assessment: the reasons")]
    public string? AssessmentReasons { get; set; }

    [Display(Name = "Approver")]
    public int? ApproverPersonId { get; set; }

    [Display(Name = "Approved on")]
    public DateOnly? ApprovedOn { get; set; }

    [Display(Name = "Procurement ticket")]
    public string? ProcurementTicket { get; set; }

    [Display(Name = "PO number")]
    public string? PurchaseOrder { get; set; }

    [Display(Name = "Received on")]
    public DateOnly? ReceivedOn { get; set; }

    [Display(Name = "Documentation complete")]
    public bool DocumentationComplete { get; set; }

    [Display(Name = "Quotes")]
    [MaxItems(MaxQuotes)]
    public List<QuoteInput> Quotes { get; set; } = [];

    public int? Version { get; set; }

    public static ProcurementInput From(ProcurementRequest r) => new()
    {
        AgencyId = r.AgencyId,
        Title = r.Title,
        Justification = r.Justification,
        RequestedBy = r.RequestedBy,
        EstimatedCost = r.EstimatedCost,
        Status = r.Status,
        AlignedWithStrategy = r.AlignedWithStrategy,
        AssessmentReasons = r.AssessmentReasons,
        ApproverPersonId = r.ApproverPersonId,
        ApprovedOn = r.ApprovedOn,
        ProcurementTicket = r.ProcurementTicket,
        PurchaseOrder = r.PurchaseOrder,
        ReceivedOn = r.ReceivedOn,
        DocumentationComplete = r.DocumentationComplete,
        Quotes = r.Quotes.OrderBy(q => q.Id).Select(q => new QuoteInput { Id = q.Id, Vendor = q.Vendor, Amount = q.Amount, QuotedOn = q.QuotedOn, AttachmentId = q.AttachmentId }).ToList(),
        Version = r.Version,
    };

    /// <summary>The part an agency's user writes.</summary>
    public void ApplyRequestTo(ProcurementRequest r)
    {
        r.AgencyId = AgencyId!.Value;
        r.Title = Title.Trim();
        r.Justification = Validation.Clean(Justification);
        r.RequestedBy = RequestedBy.Trim();
        r.EstimatedCost = EstimatedCost;
    }

    /// <summary>Everything, as the provider's staff write it; the status's day moves when the status does.</summary>
    public void ApplyTo(ProcurementRequest r, DateOnly today)
    {
        ApplyRequestTo(r);
        var status = Status ?? ProcurementStatus.New;
        if (status != r.Status || r.StatusSince == default)
            r.StatusSince = today;
        r.Status = status;
        r.AlignedWithStrategy = AlignedWithStrategy;
        r.AssessmentReasons = Validation.Clean(AssessmentReasons);
        r.ApproverPersonId = ApproverPersonId;
        r.ApprovedOn = ApprovedOn;
        r.ProcurementTicket = Validation.Clean(ProcurementTicket);
        r.PurchaseOrder = Validation.Clean(PurchaseOrder);
        r.ReceivedOn = ReceivedOn;
        r.DocumentationComplete = DocumentationComplete;
        ChildRows.Apply(r.Quotes, Quotes.Where(q => !q.IsBlank).ToList(), q => q.Id, row => row.Id, () => new ProcurementQuote { RequestId = r.Id },
            (quote, row) =>
            {
                quote.Vendor = row.Vendor!.Trim();
                quote.Amount = row.Amount!.Value;
                quote.QuotedOn = row.QuotedOn!.Value;
                quote.AttachmentId = row.AttachmentId;
            });
    }
}

/// <summary>A row of the request's quotes.</summary>
internal sealed class QuoteInput
{
    public int? Id { get; set; }

    [Display(Name = "Vendor")]
    public string? Vendor { get; set; }

    [Display(Name = "Amount ($)")]
    public decimal? Amount { get; set; }

    [Display(Name = "Date")]
    public DateOnly? QuotedOn { get; set; }

    [Display(Name = "File")]
    public long? AttachmentId { get; set; }

    public bool IsBlank => string.IsNullOrWhiteSpace(Vendor) && Amount is null && QuotedOn is null && AttachmentId is null;
}

internal sealed class ProcurementInputValidator : AbstractValidator<ProcurementInput>
{
    public static readonly ProcurementInputValidator Instance = new();

    private const decimal MaxCost = 999_999_999_999.99m;

    public ProcurementInputValidator()
    {
        RuleFor(r => r.AgencyId).NotNull().WithMessage("Choose the agency.");
        RuleFor(r => r.Title).NotEmpty().WithMessage("Say what is needed.").MaximumLength(200);
        RuleFor(r => r.Justification).MaximumLength(4000);
        RuleFor(r => r.RequestedBy).NotEmpty().WithMessage("Give the name of the person asking for it.").MaximumLength(200);
        RuleFor(r => r.EstimatedCost).InclusiveBetween(0, MaxCost).WithMessage("Give a cost of 0 or more.");
        RuleFor(r => r.Status).IsInEnum().WithMessage("Choose a status.");
        RuleFor(r => r.AssessmentReasons).MaximumLength(4000);
        RuleFor(r => r.ProcurementTicket).MaximumLength(50);
        RuleFor(r => r.PurchaseOrder).MaximumLength(50);
        RuleFor(r => r.ApproverPersonId).NotNull()
            .When(r => r.ApprovedOn is not null || r.Status is ProcurementStatus.Approved or ProcurementStatus.Ordered or ProcurementStatus.Received or ProcurementStatus.Closed)
            .WithMessage("Name who approved it.");
        RuleFor(r => r.ApprovedOn).NotNull().When(r => r.ApproverPersonId is not null).WithMessage("Give the day it was approved.");
        RuleFor(r => r.PurchaseOrder).NotEmpty().When(r => r.Status is ProcurementStatus.Ordered or ProcurementStatus.Received or ProcurementStatus.Closed)
            .WithMessage("Give the PO number: it has been ordered.");
        RuleFor(r => r.ReceivedOn).NotNull().When(r => r.Status is ProcurementStatus.Received or ProcurementStatus.Closed)
            .WithMessage("Give the day it was received.");
        RuleForEach(r => r.Quotes).ChildRules(q =>
        {
            q.RuleFor(x => x.Vendor).NotEmpty().When(x => !x.IsBlank).WithMessage("Name the vendor.").MaximumLength(200);
            q.RuleFor(x => x.Amount).NotNull().When(x => !x.IsBlank).WithMessage("Give the amount.")
                .InclusiveBetween(0, MaxCost).WithMessage("Give an amount of 0 or more.");
            q.RuleFor(x => x.QuotedOn).NotNull().When(x => !x.IsBlank).WithMessage("Give the quote's date.");
        });
    }
}
