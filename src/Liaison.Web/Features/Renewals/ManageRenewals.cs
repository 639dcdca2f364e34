using Liaison.Web.Features.Directory.People;
using Liaison.Web.Features.Relationships.Contracts;
using Liaison.Web.Platform.Auth;
using Liaison.Web.Platform.Data;
using Liaison.Web.Platform.Web;
using Microsoft.EntityFrameworkCore;

namespace Liaison.Web.Features.Renewals;

/// <summary>A renewal beside the one before it (the handbook's "previous year" columns) and the product's costs over all its terms.</summary>
internal sealed record RenewalView(Renewal Renewal, Renewal? Previous, Renewal? Next, IReadOnlyList<ProductCost> CostHistory,
    IReadOnlyList<SentReminder> Reminders)
{
    /// <summary>This term's cost less the previous term's, when both are known.</summary>
    public decimal? CostChange => Renewal.Cost is { } now && Previous?.Cost is { } then ? now - then : null;
}

/// <summary>A reminder of the renewal that went out: on which day's digest, to whom, at which point before (or after) which last safe date.</summary>
internal sealed record SentReminder(DateOnly SentOn, string To, int DaysBefore, DateOnly LastSafeDate)
{
    public string Point => ReminderSchedule.Describe(DaysBefore);
}

/// <summary>One term's cost of a product for an agency.</summary>
internal sealed record ProductCost(int RenewalId, DateOnly TermStart, DateOnly TermEnd, decimal? Cost, BillingPeriod BillingPeriod, string? RenewalNumber);

/// <summary>
/// One renewal: reading it with its previous term and cost history, logging it, editing it, and starting the next
/// term's. Internal to the provider; written by the agency's relationship managers and administrators.
/// </summary>
internal sealed class ManageRenewals(LiaisonDbContext db, AccessRule access)
{
    public bool MaySee => access.CanSeeProviderRecords;

    public Task<bool> CanEditAsync(int agencyId, CancellationToken ct) => access.CanEditAgencyRecordsAsync(agencyId, ct);

    public async Task<Result<RenewalView>> GetAsync(int id, CancellationToken ct)
    {
        if (!MaySee)
            return Result<RenewalView>.NotFound();
        var renewal = await access.FindAsync(db.Renewals.AsNoTracking().Include(r => r.Product).ThenInclude(p => p!.Vendor).ThenInclude(v => v!.Contacts)
            .Include(r => r.Agency).Include(r => r.ResponsibleManager).AsSplitQuery(), id, ct);
        if (renewal is null)
            return Result<RenewalView>.NotFound();
        var previous = renewal.PreviousRenewalId is { } previousId ? await db.Renewals.AsNoTracking().FirstOrDefaultAsync(r => r.Id == previousId, ct) : null;
        var next = await db.Renewals.AsNoTracking().FirstOrDefaultAsync(r => r.PreviousRenewalId == id, ct);
        var history = await db.Renewals.AsNoTracking().Where(r => r.ProductId == renewal.ProductId && r.AgencyId == renewal.AgencyId)
            .OrderBy(r => r.TermStart).ThenBy(r => r.Id)
            .Select(r => new ProductCost(r.Id, r.TermStart, r.TermEnd, r.Cost, r.BillingPeriod, r.RenewalNumber))
            .Take(100).ToListAsync(ct);
        var reminders = await db.RenewalReminders.AsNoTracking().Where(m => m.RenewalId == id)
            .OrderByDescending(m => m.SentAt).ThenBy(m => m.Id).Take(200)
            .Select(m => new SentReminder(m.SentOn, m.User!.DisplayName, m.DaysBefore, m.LastSafeDate)).ToListAsync(ct);
        return Result<RenewalView>.Ok(new RenewalView(renewal, previous, next, history, reminders));
    }

    public async Task<Result<Renewal>> CreateAsync(RenewalInput input, CancellationToken ct)
    {
        if (!MaySee)
            return Result<Renewal>.NotFound();
        if (await ValidateAsync(input, null, ct) is { } errors)
            return Result<Renewal>.Invalid(errors);
        if (!await access.CanWriteAgencyRecordAsync(null, input.AgencyId!.Value, ct))
            return Result<Renewal>.Forbidden();
        input.ResponsibleManagerPersonId ??= await db.PrimaryPersonAsync(input.AgencyId!.Value, ct);
        var renewal = new Renewal();
        input.ApplyTo(renewal);
        db.Renewals.Add(renewal);
        await db.SaveChangesAsync(ct);
        return Result<Renewal>.Ok(renewal);
    }

    public async Task<Result<Renewal>> UpdateAsync(int id, RenewalInput input, CancellationToken ct)
    {
        if (!MaySee)
            return Result<Renewal>.NotFound();
        var renewal = await access.FindAsync(db.Renewals, id, ct);
        if (renewal is null)
            return Result<Renewal>.NotFound();
        if (!await access.CanEditAgencyRecordsAsync(renewal.AgencyId, ct))
            return Result<Renewal>.Forbidden();
        if (await ValidateAsync(input, renewal, ct) is { } errors)
            return Result<Renewal>.Invalid(errors);
        if (!await access.CanWriteAgencyRecordAsync(renewal.AgencyId, input.AgencyId!.Value, ct))
            return Result<Renewal>.Forbidden();
        // Someone is always responsible: left empty, the agency's primary relationship manager, as when it was logged.
        input.ResponsibleManagerPersonId ??= await db.PrimaryPersonAsync(input.AgencyId!.Value, ct);
        return await Edits.SaveAsync(db, renewal, input.Version ?? 0, input, RenewalInput.From, input.ApplyTo, nameof(Renewal), id, ct);
    }

    /// <summary>
    /// "Start next year's renewal": the next term (as long, from the day after this one ends) of the same product for the
    /// same agency, with the vendor's notice, the lead time, the billing and the manager carried over; numbers, PO and
    /// cost are the new term's to fill in. At most one renewal continues another.
    /// </summary>
    public async Task<Result<Renewal>> StartNextAsync(int id, CancellationToken ct)
    {
        if (!MaySee)
            return Result<Renewal>.NotFound();
        var current = await access.FindAsync(db.Renewals.AsNoTracking(), id, ct);
        if (current is null)
            return Result<Renewal>.NotFound();
        if (!await access.CanEditAgencyRecordsAsync(current.AgencyId, ct))
            return Result<Renewal>.Forbidden();
        if (await db.Renewals.AnyAsync(r => r.PreviousRenewalId == id, ct))
            return Result<Renewal>.Invalid("PreviousRenewalId", "Next term's renewal has already been started.");
        if (current.TermEnd == DateOnly.MaxValue)
            return Result<Renewal>.Invalid(nameof(RenewalInput.TermEnd), "This term runs to the end of the calendar; there is no next one.");
        var next = NextTermOf(current);
        if (await ValidateAsync(RenewalInput.From(next), null, ct) is { } errors)
            return Result<Renewal>.Invalid(errors);
        db.Renewals.Add(next);
        await db.SaveChangesAsync(ct);
        return Result<Renewal>.Ok(next);
    }

    /// <summary>
    /// The renewal of the term after <paramref name="current"/>: as long, from the day after it ends, with the product,
    /// agency, vendor's notice, lead time, billing, tacit renewal and manager carried over; the numbers, PO, cost and notes
    /// are the new term's.
    /// </summary>
    internal static Renewal NextTermOf(Renewal current)
    {
        var (start, end) = RenewalDates.NextTerm(current.TermStart, current.TermEnd);
        var input = RenewalInput.From(current);
        input.TermStart = start;
        input.TermEnd = end;
        input.RenewalNumber = null;
        input.PurchaseOrders = null;
        input.Cost = null;
        input.Notes = null;
        input.Status = RenewalStatus.NotStarted;
        var next = new Renewal { PreviousRenewalId = current.Id };
        input.ApplyTo(next);
        return next;
    }

    internal async Task<Dictionary<string, string[]>?> ValidateAsync(RenewalInput input, Renewal? current, CancellationToken ct)
    {
        var errors = Validation.Check(RenewalInputValidator.Instance, input) ?? [];
        if (input.ProductId is { } product && !await db.Products.AnyAsync(p => p.Id == product, ct))
            errors[nameof(RenewalInput.ProductId)] = ["Choose a product from the list."];
        if (input.AgencyId is { } agency && !await db.Agencies.AnyAsync(a => a.Id == agency, ct))
            errors[nameof(RenewalInput.AgencyId)] = ["Choose an agency from the list."];
        if (input.ResponsibleManagerPersonId is { } manager && !await db.People.AnyAsync(p => p.Id == manager && p.Kind == PersonKind.ProviderStaff, ct))
            errors[nameof(RenewalInput.ResponsibleManagerPersonId)] = ["Choose a member of the provider's staff."];
        if (input.Status == RenewalStatus.Lapsed && current?.Status != RenewalStatus.Lapsed)
            errors[nameof(RenewalInput.Status)] = ["Liaison marks a renewal lapsed when its term ends unordered; choose another status."];
        if (input.Status == RenewalStatus.RenewingTacitly && !input.RenewsTacitly)
            errors[nameof(RenewalInput.Status)] = ["Only a renewal that renews on its own can be renewing tacitly."];
        return errors.Count == 0 ? null : errors;
    }
}
