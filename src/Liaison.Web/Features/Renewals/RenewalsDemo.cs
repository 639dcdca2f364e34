using Liaison.Web.Features.Relationships.Contracts;
using Liaison.Web.Features.Renewals.Vendors;
using Liaison.Web.Platform.Data;
using Liaison.Web.Platform.Modules;
using Liaison.Web.Platform.Time;
using Microsoft.EntityFrameworkCore;

namespace Liaison.Web.Features.Renewals;

/// <summary>
/// The demo's renewal log: a handful of vendors with contacts and products, and two to four renewals per agency whose
/// last safe dates fall before, around and well after today, last year's terms chained to this year's, so the log, the
/// agency pages, "My work" and the scoreboard's column all have something to show.
/// </summary>
internal sealed class RenewalsDemo(LiaisonDbContext db, OrganisationClock clock) : IDemoSeeder
{
    public int Order => 50;

    private static readonly (string Name, string Address, string Url, string Contact, string Phone, string Email, string[] Products)[] Vendors =
    [
        ("Northwind Software", "400 Commerce Blvd, Baton Rouge, LA 70801", "https://northwind.example.com", "Dana Whitfield", "225-555-0142", "dana.whitfield@northwind.example.com",
            ["Case management licences", "Document imaging support"]),
        ("Bayou Networks", "12 Levee Road, New Orleans, LA 70112", "https://bayounetworks.example.com", "Marcus Broussard", "504-555-0187", "mbroussard@bayounetworks.example.com",
            ["Firewall subscription", "Wireless controller support"]),
        ("Pelican GIS", "77 Magnolia Street, Lafayette, LA 70501", "https://pelicangis.example.com", "Irene Landry", "337-555-0119", "irene@pelicangis.example.com",
            ["Mapping server licence"]),
        ("Crescent Backup", "9 Riverfront Plaza, Shreveport, LA 71101", "https://crescentbackup.example.com", "Theo Guidry", "318-555-0164", "theo.guidry@crescentbackup.example.com",
            ["Offsite backup storage", "Backup agent licences"]),
        ("Delta Forms", "310 Canal Street, Monroe, LA 71201", "https://deltaforms.example.com", "Nora Hebert", "318-555-0133", "nhebert@deltaforms.example.com",
            ["Online forms platform"]),
    ];

    public async Task SeedAsync(DemoRun run, CancellationToken ct)
    {
        var random = run.Random;
        var today = clock.Today;
        var vendors = Vendors.Select(v => new Vendor
        {
            Name = v.Name,
            Address = v.Address,
            Url = v.Url,
            Contacts = [new VendorContact { Name = v.Contact, Phone = v.Phone, Email = v.Email }],
            Products = v.Products.Select(p => new Product { Name = p }).ToList(),
        }).ToList();
        db.Vendors.AddRange(vendors);
        await db.SaveChangesAsync(ct);
        var products = vendors.SelectMany(v => v.Products).ToList();

        var agencies = await db.Agencies.AsNoTracking().Where(a => a.IsActive).OrderBy(a => a.Name).Select(a => a.Id).ToListAsync(ct);
        foreach (var agencyId in agencies)
        {
            var manager = await db.PrimaryPersonAsync(agencyId, ct);
            foreach (var product in products.OrderBy(_ => random.Next()).Take(random.Next(2, 5)))
            {
                // This year's term ends somewhere from a month ago to eleven months ahead, on a month's last day.
                var end = today.StartOfMonth().AddMonths(random.Next(-1, 12)).AddDays(-1);
                var start = end.AddDays(1).AddYears(-1);
                var notice = new[] { 0, 30, 60, 90 }[random.Next(4)];
                var lead = new[] { 14, 30, 45 }[random.Next(3)];
                var tacit = random.Next(4) == 0;
                var cost = Math.Round((decimal)(2_000 + random.Next(0, 80_000)), 0);
                var seats = random.Next(3) == 0 ? random.Next(10, 400) : (int?)null;
                var lastCost = Math.Round(cost * (decimal)(0.85 + random.NextDouble() * 0.2), 0);
                var last = new Renewal
                {
                    ProductId = product.Id,
                    AgencyId = agencyId,
                    RenewalNumber = $"RN-{start.Year - 1}-{random.Next(10000, 99999)}",
                    PurchaseOrders = $"PO{random.Next(2000000, 2999999)}",
                    Cost = lastCost,
                    Seats = seats,
                    CostPerSeat = seats is { } s ? Math.Round(lastCost / s, 2) : null,
                    TermStart = start.AddYears(-1),
                    TermEnd = start.AddDays(-1),
                    VendorNoticeDays = notice,
                    LeadTimeDays = lead,
                    RenewsTacitly = tacit,
                    Status = tacit ? RenewalStatus.RenewingTacitly : RenewalStatus.Paid,
                    ResponsibleManagerPersonId = manager,
                };
                db.Renewals.Add(last);
                var lastSafe = RenewalDates.LastSafeDate(end, notice, lead);
                var daysLeft = lastSafe.DayNumber - today.DayNumber;
                var status = daysLeft switch
                {
                    < 0 => random.Next(3) == 0 ? RenewalStatus.TicketEntered : RenewalStatus.PoIssued,
                    < 30 => new[] { RenewalStatus.NotStarted, RenewalStatus.QuoteRequested, RenewalStatus.QuoteReceived }[random.Next(3)],
                    < 120 => random.Next(2) == 0 ? RenewalStatus.QuoteRequested : RenewalStatus.NotStarted,
                    _ => RenewalStatus.NotStarted,
                };
                if (tacit && status == RenewalStatus.PoIssued)
                    status = RenewalStatus.RenewingTacitly;
                db.Renewals.Add(new Renewal
                {
                    ProductId = product.Id,
                    AgencyId = agencyId,
                    RenewalNumber = status >= RenewalStatus.TicketEntered ? $"RN-{start.Year}-{random.Next(10000, 99999)}" : null,
                    PurchaseOrders = status == RenewalStatus.PoIssued ? $"PO{random.Next(3000000, 3999999)}" : null,
                    Cost = status >= RenewalStatus.QuoteReceived ? cost : null,
                    Seats = seats,
                    CostPerSeat = seats is { } n && status >= RenewalStatus.QuoteReceived ? Math.Round(cost / n, 2) : null,
                    TermStart = start,
                    TermEnd = end,
                    VendorNoticeDays = notice,
                    LeadTimeDays = lead,
                    RenewsTacitly = tacit,
                    Status = status,
                    ResponsibleManagerPersonId = manager,
                    PreviousRenewal = last,
                });
            }
        }
        await db.SaveChangesAsync(ct);
        await SeedProcurementAsync(agencies, random, today, ct);
    }

    private static readonly (string Title, string Why, decimal Cost)[] Requests =
    [
        ("Laptops for the field inspectors", "The inspectors' laptops are six years old and out of support.", 38_000m),
        ("Licence for a survey tool", "The agency runs a yearly client survey by hand.", 4_500m),
        ("Conference room video kit", "Hybrid board meetings need a camera and microphones.", 7_200m),
        ("Document scanners", "Paper applications pile up at the front desk.", 5_900m),
        ("Mobile device management seats", "New tablets for the case workers need managing.", 12_000m),
    ];

    /// <summary>One procurement request per agency, spread over the board's columns, so it has something in each.</summary>
    private async Task SeedProcurementAsync(List<int> agencies, Random random, DateOnly today, CancellationToken ct)
    {
        var approver = await db.People.AsNoTracking().Where(p => p.Kind == Directory.People.PersonKind.ProviderStaff).OrderBy(p => p.Id).Select(p => p.Id).FirstOrDefaultAsync(ct);
        var statuses = Enum.GetValues<Procurement.ProcurementStatus>();
        for (var i = 0; i < agencies.Count; i++)
        {
            var (title, why, cost) = Requests[i % Requests.Length];
            var status = statuses[i % 8];
            var request = new Procurement.ProcurementRequest
            {
                AgencyId = agencies[i],
                Title = title,
                Justification = why,
                RequestedBy = "Agency IT coordinator",
                EstimatedCost = cost,
                Status = status,
                StatusSince = today.AddDays(-random.Next(0, 30)),
                AlignedWithStrategy = status >= Procurement.ProcurementStatus.Quoting ? random.Next(5) > 0 : null,
                AssessmentReasons = status >= Procurement.ProcurementStatus.Quoting ? "Fits the device standard and the enterprise licensing plan." : null,
                ApproverPersonId = status >= Procurement.ProcurementStatus.Approved && approver != 0 ? approver : null,
                ApprovedOn = status >= Procurement.ProcurementStatus.Approved ? today.AddDays(-random.Next(5, 40)) : null,
                ProcurementTicket = status >= Procurement.ProcurementStatus.Approved ? $"PRC-{random.Next(10000, 99999)}" : null,
                PurchaseOrder = status >= Procurement.ProcurementStatus.Ordered ? $"PO{random.Next(4000000, 4999999)}" : null,
                ReceivedOn = status >= Procurement.ProcurementStatus.Received ? today.AddDays(-random.Next(0, 5)) : null,
                DocumentationComplete = status == Procurement.ProcurementStatus.Closed,
            };
            if (status >= Procurement.ProcurementStatus.AwaitingApproval)
            {
                request.Quotes.Add(new Procurement.ProcurementQuote { Vendor = "Northwind Software", Amount = Math.Round(cost * 0.95m, 0), QuotedOn = today.AddDays(-20) });
                request.Quotes.Add(new Procurement.ProcurementQuote { Vendor = "Bayou Networks", Amount = Math.Round(cost * 1.05m, 0), QuotedOn = today.AddDays(-18) });
            }
            db.ProcurementRequests.Add(request);
        }
        await db.SaveChangesAsync(ct);
        // Raised some days before they reached their column, as a board in use would show them.
        foreach (var request in db.ChangeTracker.Entries<Procurement.ProcurementRequest>().Select(e => e.Entity).ToList())
        {
            var raised = clock.ToUtc(request.StatusSince.AddDays(-(int)request.Status * 4 - random.Next(0, 5)).ToDateTime(new TimeOnly(10, 0)));
            await db.ProcurementRequests.Where(r => r.Id == request.Id).ExecuteUpdateAsync(u => u.SetProperty(r => r.CreatedAt, raised), ct);
        }
    }
}
