using System.Globalization;
using Liaison.Web.Features.Directory.Agencies;
using Liaison.Web.Features.Directory.People;
using Liaison.Web.Features.Relationships.Contracts;
using Liaison.Web.Features.Renewals.Vendors;
using Liaison.Web.Platform.Auth;
using Liaison.Web.Platform.Data;
using Liaison.Web.Platform.ImportExport;
using Liaison.Web.Platform.Web;
using Microsoft.EntityFrameworkCore;

namespace Liaison.Web.Features.Renewals;

/// <summary>
/// Imports an existing IT renewal log (the handbook's spreadsheet, or Liaison's own export). A row with an Id, or with the
/// same agency, product and term start as a renewal logged, updates it, so the same file imported again duplicates
/// nothing; a vendor or product the log names that Liaison does not know yet is added (by those who may manage vendors).
/// A renewal whose term starts the day after another of the same product and agency ends continues it (the "previous
/// year" columns). Every row is written or none.
/// </summary>
internal sealed class ImportRenewals(LiaisonDbContext db, AccessRule access) : ISpreadsheetImport
{
    public const string Kind = "renewals";

    public static readonly IReadOnlyList<ImportField> Fields =
    [
        new("Id", "Id", false),
        new("Vendor", "Vendor", true, "Vendor name", "Company"),
        new("VendorContact", "Vendor contact", false, "Contact", "Contact name"),
        new("ContactPhone", "Contact phone", false, "Phone"),
        new("ContactEmail", "Contact email", false, "Email"),
        new("Product", "Product", true, "Product name", "Software", "Product or service"),
        new("Agency", "Agency", true, "Partner agency", "Agency name"),
        new("RenewalNumber", "Renewal number", false, "Renewal #", "Renewal no", "Ivanti renewal number", "Current year renewal number"),
        new("PurchaseOrders", "PO numbers", false, "PO", "PO number", "PO #", "Current year PO", "Purchase order"),
        new("Cost", "Cost", false, "Amount", "Current year cost", "Annual cost"),
        new("Billing", "Billing period", false, "Billing", "Billed"),
        new("Seats", "Seats", false, "Licences", "Licenses", "Quantity"),
        new("CostPerSeat", "Cost per seat", false, "Unit cost", "Price per seat"),
        new("TermStart", "Term starts", false, "Term start", "Start date", "Start"),
        new("TermEnd", "Term ends", true, "Term end", "End date", "Expiration date", "Expires", "Renewal date"),
        new("Notice", "Vendor notice (days)", false, "Notice days", "Notice period", "Vendor notice"),
        new("LeadTime", "Lead time (days)", false, "Lead time", "Internal lead time"),
        new("Tacit", "Renews tacitly", false, "Auto-renews", "Auto renew", "Automatic renewal"),
        new("Status", "Status", false),
        new("Manager", "Responsible manager", false, "ARM", "Relationship manager", "Responsible"),
        new("Notes", "Notes", false, "Comments"),
    ];

    private sealed record Planned(int? Id, RenewalInput Input, string Vendor, string Product, (string Name, string? Phone, string? Email)? Contact);

    public async Task<Result<ImportPreview>> PreviewAsync(byte[] content, string fileName, IReadOnlyDictionary<string, string>? columns, CancellationToken ct) =>
        CanImport ? Result<ImportPreview>.Ok((await PlanAsync(content, fileName, columns, ct)).Preview) : Result<ImportPreview>.Forbidden();

    private bool CanImport => access.CanImport && access.CanSeeProviderRecords;

    public async Task<Result<ImportOutcome>> CommitAsync(byte[] content, string fileName, IReadOnlyDictionary<string, string>? columns, CancellationToken ct)
    {
        if (!CanImport)
            return Result<ImportOutcome>.Forbidden();
        var (preview, plan) = await PlanAsync(content, fileName, columns, ct);
        if (!preview.CanImport)
            return Result<ImportOutcome>.Invalid(preview.Errors());
        await using var write = await db.BeginWriteAsync(ct);

        // The vendors and products the log names that are new, once each.
        var vendors = await db.Vendors.Include(v => v.Products).ToListAsync(ct);
        var vendorByName = vendors.ToDictionary(v => v.Name, StringComparer.OrdinalIgnoreCase);
        foreach (var row in plan.Where(p => p.Input.ProductId is null))
        {
            if (!vendorByName.TryGetValue(row.Vendor, out var vendor))
            {
                vendor = new Vendor { Name = row.Vendor };
                if (row.Contact is { } c)
                    vendor.Contacts.Add(new VendorContact { Name = c.Name, Phone = c.Phone, Email = c.Email });
                db.Vendors.Add(vendor);
                vendorByName[row.Vendor] = vendor;
            }
            if (!vendor.Products.Any(p => string.Equals(p.Name, row.Product, StringComparison.OrdinalIgnoreCase)))
                vendor.Products.Add(new Product { Name = row.Product, Vendor = vendor });
        }
        await db.SaveChangesAsync(ct);

        var ids = plan.Where(p => p.Id is not null).Select(p => p.Id!.Value).ToList();
        var existing = await db.Renewals.Where(r => EF.Parameter(ids).Contains(r.Id)).ToDictionaryAsync(r => r.Id, ct);
        var added = new List<Renewal>();
        foreach (var row in plan)
        {
            row.Input.ProductId ??= vendorByName[row.Vendor].Products.First(p => string.Equals(p.Name, row.Product, StringComparison.OrdinalIgnoreCase)).Id;
            var renewal = row.Id is { } id ? existing[id] : new Renewal();
            row.Input.ApplyTo(renewal);
            renewal.DeriveOnSave();
            if (row.Id is null)
            {
                db.Renewals.Add(renewal);
                added.Add(renewal);
            }
        }
        await db.SaveChangesAsync(ct);
        await LinkTermsAsync(added, ct);
        await write.CommitAsync(ct);
        return Result<ImportOutcome>.Ok(new ImportOutcome(preview.CreateCount, preview.UpdateCount));
    }

    /// <summary>Each new renewal continues the renewal of the same product and agency whose term ended the day before its own started, if nothing continues that one yet.</summary>
    private async Task LinkTermsAsync(List<Renewal> added, CancellationToken ct)
    {
        if (added.Count == 0)
            return;
        var products = added.Select(r => r.ProductId).Distinct().ToList();
        var terms = await db.Renewals.Where(r => EF.Parameter(products).Contains(r.ProductId)).ToListAsync(ct);
        var continued = terms.Where(r => r.PreviousRenewalId is not null).Select(r => r.PreviousRenewalId!.Value).ToHashSet();
        var linked = false;
        foreach (var renewal in added.Where(r => r.PreviousRenewalId is null && r.TermStart > DateOnly.MinValue).OrderBy(r => r.TermStart))
        {
            var before = terms.FirstOrDefault(r => r.Id != renewal.Id && r.ProductId == renewal.ProductId && r.AgencyId == renewal.AgencyId
                && r.TermEnd == renewal.TermStart.AddDays(-1) && !continued.Contains(r.Id));
            if (before is null)
                continue;
            renewal.PreviousRenewalId = before.Id;
            continued.Add(before.Id);
            linked = true;
        }
        if (linked)
            await db.SaveChangesAsync(ct);
    }

    private async Task<(ImportPreview Preview, List<Planned> Plan)> PlanAsync(byte[] content, string fileName, IReadOnlyDictionary<string, string>? columns, CancellationToken ct)
    {
        var (sheet, failure) = MatchedSheet.Read(content, fileName, Fields, columns);
        if (sheet is null)
            return (failure!, []);
        var agencies = await AgencyNames.LoadAsync(db, ct);
        var staff = await StaffNames.LoadAsync(db, ct);
        var products = (await db.Products.AsNoTracking().Select(p => new { p.Id, p.Name, Vendor = p.Vendor!.Name }).ToListAsync(ct))
            .GroupBy(p => (p.Vendor.ToUpperInvariant(), p.Name.ToUpperInvariant())).ToDictionary(g => g.Key, g => g.First().Id);
        var vendorNames = (await db.Vendors.AsNoTracking().Select(v => v.Name).ToListAsync(ct)).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var known = await db.Renewals.AsNoTracking()
            .Select(r => new { r.Id, r.AgencyId, r.ProductId, r.TermStart, r.Status, r.ResponsibleManagerPersonId, r.PreviousRenewalId, r.Version }).ToListAsync(ct);
        var byId = known.ToDictionary(r => r.Id);
        var byKey = known.GroupBy(r => (r.AgencyId, r.ProductId, r.TermStart)).ToDictionary(g => g.Key, g => g.First());
        var primaries = await db.PrimaryPeopleByAgencyAsync(ct);
        var inFile = new HashSet<(int AgencyId, string Vendor, string Product, DateOnly Start)>();
        var plan = new List<Planned>();
        var results = new List<ImportRowResult>();
        foreach (var row in sheet.Table.Rows)
        {
            var errors = new List<string>();
            string V(string key) => sheet.Value(row, key);
            var input = new RenewalInput { RenewalNumber = V("RenewalNumber"), PurchaseOrders = V("PurchaseOrders"), Notes = V("Notes") };
            var agencyText = V("Agency");
            var agency = agencies.Find(agencyText);
            if (agency is null)
                errors.Add(agencyText.Length == 0 ? "The agency is missing." : $"Agency \"{agencyText}\" is not in the directory.");
            input.AgencyId = agency?.Id;

            var vendor = Validation.Clean(V("Vendor")) ?? "";
            var product = Validation.Clean(V("Product")) ?? "";
            if (vendor.Length == 0)
                errors.Add("The vendor is missing.");
            else if (vendor.Length > 200)
                errors.Add("The vendor's name is longer than 200 characters.");
            if (product.Length == 0)
                errors.Add("The product is missing.");
            else if (product.Length > 200)
                errors.Add("The product's name is longer than 200 characters.");
            input.ProductId = products.TryGetValue((vendor.ToUpperInvariant(), product.ToUpperInvariant()), out var productId) ? productId : null;
            var newVendor = vendor.Length > 0 && !vendorNames.Contains(vendor);
            if (input.ProductId is null && vendor.Length > 0 && product.Length > 0 && !access.CanManageVendors)
                errors.Add(newVendor ? $"Vendor \"{vendor}\" is not in Liaison, and only administrators and relationship managers may add vendors."
                    : $"{vendor} has no product \"{product}\", and only administrators and relationship managers may add products.");
            (string, string?, string?)? contact = newVendor && Validation.Clean(V("VendorContact")) is { } contactName
                ? (contactName.Length > 200 ? contactName[..200] : contactName, Validation.Clean(V("ContactPhone")) is { Length: <= 50 } phone ? phone : null,
                    Validation.Clean(V("ContactEmail")) is { Length: <= 254 } email && email.Contains('@', StringComparison.Ordinal) ? email : null)
                : null;

            input.TermEnd = ImportValues.Date(V("TermEnd"), "Term ends", errors);
            input.TermStart = ImportValues.Date(V("TermStart"), "Term starts", errors);
            if (input.TermStart is null && V("TermStart").Length == 0 && input.TermEnd is { } end && end > InputRules.EarliestDate.AddYears(1))
                input.TermStart = end.AddYears(-1).AddDays(1); // a log that gives only the renewal date: a year's term
            input.Cost = Money(V("Cost"), "Cost", errors);
            input.CostPerSeat = Money(V("CostPerSeat"), "Cost per seat", errors);
            input.Seats = Whole(V("Seats"), "Seats", errors);
            input.VendorNoticeDays = Whole(V("Notice"), "Vendor notice", errors) ?? 0;
            input.LeadTimeDays = Whole(V("LeadTime"), "Lead time", errors) ?? 0;
            input.BillingPeriod = V("Billing") is { Length: > 0 } billing ? Billing(billing, errors) : BillingPeriod.Annual;
            input.RenewsTacitly = V("Tacit") is { Length: > 0 } tacit && YesNo(tacit, "Renews tacitly", errors);
            input.Status = V("Status") is { Length: > 0 } status ? Status(status, errors) : RenewalStatus.NotStarted;
            if (V("Manager") is { Length: > 0 } manager)
                input.ResponsibleManagerPersonId = staff.Find(manager, "Responsible manager", errors);

            int? existingId = null;
            if (V("Id") is { Length: > 0 } idText)
            {
                if (int.TryParse(idText, CultureInfo.InvariantCulture, out var parsed) && byId.TryGetValue(parsed, out var match))
                    (existingId, input.Version) = (match.Id, match.Version);
                else
                    errors.Add($"Id {idText} is not a renewal in the log; leave Id empty to add one.");
            }
            else if (agency is not null && input.ProductId is { } knownProduct && input.TermStart is { } start && byKey.TryGetValue((agency.Id, knownProduct, start), out var same))
                (existingId, input.Version) = (same.Id, same.Version);
            var current = existingId is { } matched ? byId[matched] : null;
            if (current is not null && V("Manager").Length == 0)
                input.ResponsibleManagerPersonId = current.ResponsibleManagerPersonId;
            else if (input.ResponsibleManagerPersonId is null && agency is not null && V("Manager").Length == 0)
                input.ResponsibleManagerPersonId = primaries.TryGetValue(agency.Id, out var primary) ? primary : null;
            if (existingId is null && agency is not null && input.TermStart is { } key && vendor.Length > 0 && product.Length > 0
                && !inFile.Add((agency.Id, vendor.ToUpperInvariant(), product.ToUpperInvariant(), key)))
                errors.Add("An earlier row has the same agency, product and term start.");

            if (input.Status == RenewalStatus.Lapsed && current?.Status != RenewalStatus.Lapsed)
                errors.Add("Liaison marks a renewal lapsed when its term ends unordered; give another status.");
            if (input.Status == RenewalStatus.RenewingTacitly && !input.RenewsTacitly)
                errors.Add("Only a renewal that renews on its own can be renewing tacitly.");
            if (agency is not null && !await access.CanWriteAgencyRecordAsync(current?.AgencyId, agency.Id, ct))
            {
                errors.Add(current is not null && !await access.CanEditAgencyRecordsAsync(current.AgencyId, ct)
                    ? $"You may not change renewal {current.Id}: only its agency's relationship managers and administrators may."
                    : $"You may not log renewals for {agency.Name}.");
            }
            if (Validation.Check(RenewalInputValidator.Instance, input) is { } invalid)
                errors.AddRange(invalid.Where(e => e.Key is not (nameof(RenewalInput.AgencyId) or nameof(RenewalInput.ProductId))).SelectMany(e => e.Value));
            if (errors.Count == 0)
                plan.Add(new Planned(existingId, input, vendor, product, contact));
            var what = $"{agency?.Acronym ?? agencyText}: {product} ({vendor}{(input.ProductId is null && product.Length > 0 ? newVendor ? ", new vendor" : ", new product" : "")}), term ending {V("TermEnd")}";
            results.Add(new ImportRowResult(row.RowNumber, existingId is null ? ImportPreview.Create : ImportPreview.Update, what, errors.Distinct().ToList()));
        }
        return (sheet.Preview(fileName, results), plan);
    }

    private static decimal? Money(string text, string label, List<string> errors)
    {
        if (text.Length == 0)
            return null;
        var plain = text.Replace("$", "", StringComparison.Ordinal).Replace(",", "", StringComparison.Ordinal).Trim();
        if (decimal.TryParse(plain, NumberStyles.Number, CultureInfo.InvariantCulture, out var amount))
            return Math.Round(amount, 2);
        errors.Add($"{label} \"{text}\" should be an amount like 12600.00.");
        return null;
    }

    private static int? Whole(string text, string label, List<string> errors)
    {
        if (text.Length == 0)
            return null;
        if (int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var number))
            return number;
        // A spreadsheet cell with a whole number may come as 30.0.
        if (decimal.TryParse(text, NumberStyles.Number, CultureInfo.InvariantCulture, out var d) && d == Math.Floor(d) && d is >= int.MinValue and <= int.MaxValue)
            return (int)d;
        errors.Add($"{label} \"{text}\" should be a whole number.");
        return null;
    }

    private static bool YesNo(string text, string label, List<string> errors)
    {
        switch (text.Trim().ToUpperInvariant())
        {
            case "YES" or "Y" or "TRUE" or "1" or "X":
                return true;
            case "NO" or "N" or "FALSE" or "0":
                return false;
            default:
                errors.Add($"{label} \"{text}\" should be yes or no.");
                return false;
        }
    }

    private static BillingPeriod Billing(string text, List<string> errors)
    {
        var key = ImportMapping.Normalize(text);
        foreach (var period in Enum.GetValues<BillingPeriod>())
        {
            if (key == ImportMapping.Normalize(RenewalText.Billing(period)) || key == ImportMapping.Normalize(period.ToString()))
                return period;
        }
        if (key is "yearly" or "annually")
            return BillingPeriod.Annual;
        errors.Add($"Billing period \"{text}\" should be annual, monthly or multi-year.");
        return BillingPeriod.Annual;
    }

    private static RenewalStatus Status(string text, List<string> errors)
    {
        var key = ImportMapping.Normalize(text);
        foreach (var status in Enum.GetValues<RenewalStatus>())
        {
            if (key == ImportMapping.Normalize(RenewalText.Status(status)) || key == ImportMapping.Normalize(status.ToString()))
                return status;
        }
        errors.Add($"Status \"{text}\" is not one of: {string.Join(", ", Enum.GetValues<RenewalStatus>().Select(RenewalText.Status))}.");
        return RenewalStatus.NotStarted;
    }
}
