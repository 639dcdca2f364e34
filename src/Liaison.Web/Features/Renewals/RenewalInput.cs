using System.ComponentModel.DataAnnotations;
using FluentValidation;
using Liaison.Web.Platform.Web;

namespace Liaison.Web.Features.Renewals;

internal sealed class RenewalInput : IVersionedInput
{
    [Display(Name = "Product")]
    public int? ProductId { get; set; }

    [Display(Name = "Agency")]
    public int? AgencyId { get; set; }

    [Display(Name = "Renewal number")]
    public string? RenewalNumber { get; set; }

    [Display(Name = "PO numbers")]
    public string? PurchaseOrders { get; set; }

    [Display(Name = "Cost")]
    public decimal? Cost { get; set; }

    [Display(Name = "Billing period")]
    public BillingPeriod? BillingPeriod { get; set; }

    [Display(Name = "Seats")]
    public int? Seats { get; set; }

    [Display(Name = "Cost per seat")]
    public decimal? CostPerSeat { get; set; }

    [Display(Name = "Term starts")]
    public DateOnly? TermStart { get; set; }

    [Display(Name = "Term ends")]
    public DateOnly? TermEnd { get; set; }

    [Display(Name = "Vendor's notice (days)")]
    public int? VendorNoticeDays { get; set; }

    [Display(Name = "Our lead time (days)")]
    public int? LeadTimeDays { get; set; }

    [Display(Name = "Renews on its own unless cancelled")]
    public bool RenewsTacitly { get; set; }

    [Display(Name = "Status")]
    public RenewalStatus? Status { get; set; }

    [Display(Name = "Responsible relationship manager")]
    public int? ResponsibleManagerPersonId { get; set; }

    [DataType(DataType.MultilineText)]
    [Display(Name = "Notes")]
    public string? Notes { get; set; }

    public int? Version { get; set; }

    public static RenewalInput From(Renewal r) => new()
    {
        ProductId = r.ProductId,
        AgencyId = r.AgencyId,
        RenewalNumber = r.RenewalNumber,
        PurchaseOrders = r.PurchaseOrders,
        Cost = r.Cost,
        BillingPeriod = r.BillingPeriod,
        Seats = r.Seats,
        CostPerSeat = r.CostPerSeat,
        TermStart = r.TermStart,
        TermEnd = r.TermEnd,
        VendorNoticeDays = r.VendorNoticeDays,
        LeadTimeDays = r.LeadTimeDays,
        RenewsTacitly = r.RenewsTacitly,
        Status = r.Status,
        ResponsibleManagerPersonId = r.ResponsibleManagerPersonId,
        Notes = r.Notes,
        Version = r.Version,
    };

    public void ApplyTo(Renewal r)
    {
        r.ProductId = ProductId ?? 0;
        r.AgencyId = AgencyId ?? 0;
        r.RenewalNumber = Validation.Clean(RenewalNumber);
        r.PurchaseOrders = Validation.Clean(PurchaseOrders);
        r.Cost = Cost;
        r.BillingPeriod = BillingPeriod ?? Renewals.BillingPeriod.Annual;
        r.Seats = Seats;
        r.CostPerSeat = CostPerSeat;
        r.TermStart = TermStart ?? default;
        r.TermEnd = TermEnd ?? default;
        r.VendorNoticeDays = VendorNoticeDays ?? 0;
        r.LeadTimeDays = LeadTimeDays ?? 0;
        r.RenewsTacitly = RenewsTacitly;
        r.Status = Status ?? RenewalStatus.NotStarted;
        r.ResponsibleManagerPersonId = ResponsibleManagerPersonId;
        r.Notes = Validation.Clean(Notes);
    }
}

internal sealed class RenewalInputValidator : AbstractValidator<RenewalInput>
{
    public static readonly RenewalInputValidator Instance = new();

    /// <summary>The largest cost accepted: what 14 digits with 2 decimals hold.</summary>
    private const decimal MaxCost = 999_999_999_999.99m;

    public RenewalInputValidator()
    {
        RuleFor(r => r.ProductId).NotNull().WithMessage("Choose the product.");
        RuleFor(r => r.AgencyId).NotNull().WithMessage("Choose the agency.");
        RuleFor(r => r.RenewalNumber).MaximumLength(50);
        RuleFor(r => r.PurchaseOrders).MaximumLength(200);
        RuleFor(r => r.Cost).InclusiveBetween(0, MaxCost).WithMessage("Give a cost of 0 or more.");
        RuleFor(r => r.CostPerSeat).InclusiveBetween(0, MaxCost).WithMessage("Give a cost of 0 or more.");
        RuleFor(r => r.Seats).InclusiveBetween(1, 10_000_000).WithMessage("Give the number of seats, 1 or more.");
        RuleFor(r => r.BillingPeriod).IsInEnum().WithMessage("Choose how it is billed.");
        RuleFor(r => r.Status).IsInEnum().WithMessage("Choose a status.");
        RuleFor(r => r.TermStart).NotNull().WithMessage("Give the day the term starts.");
        RuleFor(r => r.TermEnd).NotNull().WithMessage("Give the day the term ends.");
        RuleFor(r => r.TermEnd).Must((r, end) => r.TermStart is not { } start || end is not { } e || e >= start)
            .WithMessage("The term ends on or after the day it starts.");
        RuleFor(r => r.VendorNoticeDays).NotNull().WithMessage("Give the vendor's notice period in days (0 if none).")
            .InclusiveBetween(0, RenewalDates.MaxDays).WithMessage($"Give a notice period of 0 to {RenewalDates.MaxDays} days.");
        RuleFor(r => r.LeadTimeDays).NotNull().WithMessage("Give the lead time in days (0 if none).")
            .InclusiveBetween(0, RenewalDates.MaxDays).WithMessage($"Give a lead time of 0 to {RenewalDates.MaxDays} days.");
        RuleFor(r => r.Notes).MaximumLength(4000);
    }
}
