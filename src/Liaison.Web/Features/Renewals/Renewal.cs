using System.Linq.Expressions;
using Liaison.Web.Features.Directory.Agencies;
using Liaison.Web.Features.Directory.People;
using Liaison.Web.Features.Renewals.Vendors;
using Liaison.Web.Platform.Data;
using Liaison.Web.Platform.Modules;

namespace Liaison.Web.Features.Renewals;

/// <summary>Where a renewal stands. The order is the usual path; the last five end the reminders (see <see cref="RenewalDates.IsSettled"/>).</summary>
internal enum RenewalStatus
{
    NotStarted = 0,
    QuoteRequested = 1,
    QuoteReceived = 2,
    TicketEntered = 3,
    PoIssued = 4,
    Paid = 5,
    RenewingTacitly = 6,
    NotRenewing = 7,
    Cancelled = 8,

    /// <summary>Set by the renewals job when a term ended with no PO and no tacit renewal.</summary>
    Lapsed = 9,
}

/// <summary>How the cost is billed.</summary>
internal enum BillingPeriod
{
    Annual = 0,
    Monthly = 1,
    MultiYear = 2,
}

/// <summary>
/// A line of the IT renewal log: one product renewed for one agency for one term (a multi-year term is one renewal, in
/// each fiscal year it covers). Internal to the provider: agency users never see the log
/// (<see cref="VisibleToAgencyUser"/> is always false).
/// </summary>
internal sealed class Renewal : IVersioned, ITimestamped, IAgencyShared<Renewal>, ISearchable, IDerivedOnSave
{
    public int Id { get; set; }
    public int ProductId { get; set; }
    public Product? Product { get; set; }
    public int AgencyId { get; set; }
    public Agency? Agency { get; set; }

    /// <summary>The procurement system's renewal number (Ivanti's, in the handbook).</summary>
    public string? RenewalNumber { get; set; }

    /// <summary>One or more purchase order numbers, as typed (comma-separated when several).</summary>
    public string? PurchaseOrders { get; set; }

    public decimal? Cost { get; set; }
    public BillingPeriod BillingPeriod { get; set; }
    public int? Seats { get; set; }
    public decimal? CostPerSeat { get; set; }
    public DateOnly TermStart { get; set; }
    public DateOnly TermEnd { get; set; }

    /// <summary>The vendor's notice period, in days before the term ends.</summary>
    public int VendorNoticeDays { get; set; }

    /// <summary>The provider's own lead time (quotes, ticket, PO), in days before the vendor's notice date.</summary>
    public int LeadTimeDays { get; set; }

    /// <summary>Renews on its own unless cancelled (then the last safe date is the last day to cancel).</summary>
    public bool RenewsTacitly { get; set; }

    public RenewalStatus Status { get; set; }
    public int? ResponsibleManagerPersonId { get; set; }
    public Person? ResponsibleManager { get; set; }

    /// <summary>The renewal of the term before, which this one continues ("Start next year's renewal").</summary>
    public int? PreviousRenewalId { get; set; }
    public Renewal? PreviousRenewal { get; set; }

    public string? Notes { get; set; }

    /// <summary>Derived on save: <see cref="RenewalDates.LastSafeDate"/> of the term end, notice and lead time.</summary>
    public DateOnly LastSafeDate { get; set; }

    public string SearchText { get; set; } = "";
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
    public int Version { get; set; }

    public static Expression<Func<Renewal, int, int?, bool>> VisibleToAgencyUser => (r, agencyId, personId) => false;

    public IEnumerable<string?> SearchWords() => [RenewalNumber, PurchaseOrders, Notes];

    public void DeriveOnSave() => LastSafeDate = RenewalDates.LastSafeDate(TermEnd, VendorNoticeDays, LeadTimeDays);
}

/// <summary>The renewal log's date arithmetic, in one place.</summary>
internal static class RenewalDates
{
    /// <summary>The longest notice or lead time accepted: two years.</summary>
    public const int MaxDays = 730;

    /// <summary>
    /// The last day on which acting is still safe: the term's end less the vendor's notice less the provider's lead time,
    /// counted in days (a 31-day notice before 1 March is 30 January in a leap year, 29 January otherwise). For a tacit
    /// renewal it is the last day to decide to cancel.
    /// </summary>
    public static DateOnly LastSafeDate(DateOnly termEnd, int noticeDays, int leadTimeDays) =>
        termEnd.DayNumber - noticeDays - leadTimeDays < DateOnly.MinValue.DayNumber
            ? DateOnly.MinValue
            : termEnd.AddDays(-(noticeDays + leadTimeDays));

    /// <summary>Settled: ordered, paid, renewing on its own, or not to be renewed. Nothing more to chase.</summary>
    public static bool IsSettled(RenewalStatus status) => status is RenewalStatus.PoIssued or RenewalStatus.Paid
        or RenewalStatus.RenewingTacitly or RenewalStatus.NotRenewing or RenewalStatus.Cancelled;

    /// <summary>Still to act on: neither settled nor lapsed.</summary>
    public static bool IsOpen(RenewalStatus status) => !IsSettled(status) && status != RenewalStatus.Lapsed;

    /// <summary>The statuses <see cref="IsSettled"/> and <see cref="IsOpen"/> name, for queries.</summary>
    public static readonly RenewalStatus[] SettledStatuses = Enum.GetValues<RenewalStatus>().Where(IsSettled).ToArray();

    public static readonly RenewalStatus[] OpenStatuses = Enum.GetValues<RenewalStatus>().Where(IsOpen).ToArray();

    /// <summary>The open statuses as SQL, for the partial index the log's default order reads (the same in SQLite and PostgreSQL).</summary>
    public static string OpenFilter => $"\"Status\" IN ({string.Join(", ", OpenStatuses.Select(s => (int)s))})";

    /// <summary>Given up: cancelled or not to be renewed. Its term end is no date to watch, and no agency uses the product through it.</summary>
    public static readonly RenewalStatus[] GivenUpStatuses = [RenewalStatus.Cancelled, RenewalStatus.NotRenewing];

    /// <summary>A renewal is "due" when it is open and its last safe date is this close, or passed.</summary>
    public const int DueSoonDays = 30;

    /// <summary>
    /// How a renewal stands against its last safe date: concern once passed, attention when due within
    /// <see cref="DueSoonDays"/>, good otherwise and whenever it is no longer open.
    /// </summary>
    public static HealthLevel Level(RenewalStatus status, DateOnly lastSafeDate, DateOnly today) =>
        !IsOpen(status) ? HealthLevel.Good
        : lastSafeDate < today ? HealthLevel.Concern
        : lastSafeDate <= today.AddDays(DueSoonDays) ? HealthLevel.Attention
        : HealthLevel.Good;

    /// <summary>The open renewals due by <paramref name="today"/>'s reckoning (<see cref="Level"/> not good), as a query.</summary>
    public static IQueryable<Renewal> Due(this IQueryable<Renewal> renewals, DateOnly today)
    {
        var soon = today.AddDays(DueSoonDays);
        return renewals.Where(r => OpenStatuses.Contains(r.Status) && r.LastSafeDate <= soon);
    }

    /// <summary>
    /// The term that follows <paramref name="start"/>–<paramref name="end"/>, starting the day after it ends: as many
    /// months when the term is whole months from its start (1 July–30 June, 15 February 2028–14 February 2029), else
    /// as many days.
    /// </summary>
    public static (DateOnly Start, DateOnly End) NextTerm(DateOnly start, DateOnly end)
    {
        // A term that ends at the end of the calendar's range has no next; one that would run past it stops there.
        if (end == DateOnly.MaxValue)
            return (end, end);
        var next = end.AddDays(1);
        var length = end.DayNumber - start.DayNumber;
        if (DateOnly.MaxValue.DayNumber - next.DayNumber <= length + 31)
            return (next, DateOnly.MaxValue);
        var months = (end.Year - start.Year) * 12 + end.Month - start.Month;
        foreach (var m in new[] { months, months + 1 })
        {
            if (m > 0 && start.AddMonths(m).AddDays(-1) == end)
                return (next, next.AddMonths(m).AddDays(-1));
        }
        return (next, next.AddDays(length));
    }

    /// <summary>The first and last day of fiscal year <paramref name="year"/> (named by the calendar year it ends in).</summary>
    public static (DateOnly Start, DateOnly End) FiscalYear(int year, int startMonth)
    {
        var start = startMonth == 1 ? new DateOnly(year, 1, 1) : new DateOnly(year - 1, startMonth, 1);
        return (start, start.AddYears(1).AddDays(-1));
    }
}
