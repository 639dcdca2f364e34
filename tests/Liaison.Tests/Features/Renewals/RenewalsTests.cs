using System.Net;
using System.Net.Http.Json;
using Liaison.Tests.Features.Relationships;
using Liaison.Tests.Infrastructure;
using Liaison.Web.Features.Renewals;
using Microsoft.EntityFrameworkCore;

namespace Liaison.Tests.Features.Renewals;

/// <summary>The renewal log: vendors with contacts and products, renewals with their last safe date, the next term, the log's filters and export, the health signal, and who sees what.</summary>
public sealed class RenewalsTests(LiaisonApp app) : IClassFixture<LiaisonApp>
{
    private static async Task<(int VendorId, int ProductId)> VendorAsync(HttpClient api, string name, string product = "Licences")
    {
        var created = await api.PostAsJsonAsync("/api/v1/vendors", new
        {
            name,
            url = "https://vendor.example.com",
            contacts = new[] { new { name = "Val Vendor", phone = "225-555-0100", email = "val@vendor.example.com" } },
            products = new[] { new { name = product } },
        });
        Assert.True(created.StatusCode == HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        var vendor = await created.JsonAsync();
        return (vendor.GetProperty("id").GetInt32(), vendor.GetProperty("products")[0].GetProperty("id").GetInt32());
    }

    [Fact]
    public async Task A_vendor_is_added_on_its_page_with_contacts_and_products_and_each_row_is_checked()
    {
        using var web = await app.SignedInAsync(TestData.Manager);
        var form = await web.GetAsync("/Vendors/Edit");
        Assert.Equal(HttpStatusCode.OK, form.Status);
        var refused = await web.SubmitAsync(form, new Dictionary<string, object?>
        {
            ["Input.Name"] = "Acadiana Licensing",
            ["Input.Contacts[0].Name"] = "Lou Licence",
            ["Input.Contacts[0].Email"] = "not an address",
            ["Input.Products[0].Name"] = "Office suite",
        });
        Assert.Equal("Give an email address such as name@vendor.com.", refused.FieldError("Input_Contacts_0__Email"));
        Assert.Equal("Lou Licence", refused.Value("Input_Contacts_0__Name"));

        var saved = await web.SubmitAsync(refused, new Dictionary<string, object?> { ["Input.Contacts[0].Email"] = "lou@acadiana.example.com" });
        Assert.Equal(HttpStatusCode.OK, saved.Status);
        Assert.Equal("Edit Acadiana Licensing", saved.Heading);
        Assert.Equal("lou@acadiana.example.com", saved.Value("Input_Contacts_0__Email"));
        Assert.Equal("Office suite", saved.Value("Input_Products_0__Name"));

        var list = await web.GetAsync("/Vendors?search=acadiana");
        Assert.Contains("Acadiana Licensing", list.Text, StringComparison.Ordinal);
        Assert.Contains("Lou Licence", list.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_renewal_has_its_last_safe_date_and_starting_next_year_carries_it_over_beside_the_term_before()
    {
        using var manager = await app.ApiAsync(TestData.Manager);
        var (_, product) = await VendorAsync(manager, "Gulf Imaging");
        var created = await manager.PostAsJsonAsync("/api/v1/renewals", new
        {
            productId = product,
            agencyId = app.Ids.Revenue,
            renewalNumber = "RN-2027-0001",
            purchaseOrders = "PO1001, PO1002",
            cost = 12000m,
            billingPeriod = "Annual",
            termStart = "2027-03-01",
            termEnd = "2028-02-29",
            vendorNoticeDays = 31,
            leadTimeDays = 14,
            status = "Paid",
        });
        Assert.True(created.StatusCode == HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        var renewal = await created.JsonAsync();
        Assert.Equal("2028-01-15", renewal.GetProperty("lastSafeDate").GetString());
        // Nobody named: the agency's primary relationship manager is responsible.
        Assert.Equal("Sam Staff", renewal.GetProperty("responsibleManager").GetString());

        var next = await manager.PostAsync($"/api/v1/renewals/{created.Id()}/next", null);
        Assert.True(next.StatusCode == HttpStatusCode.Created, await next.Content.ReadAsStringAsync());
        var following = await next.JsonAsync();
        Assert.Equal("2028-03-01", following.GetProperty("termStart").GetString());
        Assert.Equal("2029-02-28", following.GetProperty("termEnd").GetString());
        Assert.Equal("NotStarted", following.GetProperty("status").GetString());
        Assert.True(IsNull(following, "cost"));
        Assert.Equal("RN-2027-0001", following.GetProperty("previous").GetProperty("renewalNumber").GetString());
        // A second "next" of the same renewal is refused: one renewal continues another.
        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await manager.PostAsync($"/api/v1/renewals/{created.Id()}/next", null)).StatusCode);

        // The new term's cost is known: the change from last year and the cost history show it.
        var id = next.Id();
        var put = await manager.PutJsonAsync($"/api/v1/renewals/{id}", new
        {
            productId = product,
            agencyId = app.Ids.Revenue,
            cost = 12600m,
            billingPeriod = "Annual",
            termStart = "2028-03-01",
            termEnd = "2029-02-28",
            vendorNoticeDays = 31,
            leadTimeDays = 14,
            status = "QuoteReceived",
            version = following.GetProperty("version").GetInt32(),
        });
        Assert.True(put.IsSuccessStatusCode, await put.Content.ReadAsStringAsync());
        var updated = await put.JsonAsync();
        Assert.Equal(600m, updated.GetProperty("costChange").GetDecimal());
        Assert.Equal([12000m, 12600m], updated.GetProperty("costHistory").EnumerateArray().Select(c => c.GetProperty("cost").GetDecimal()));

        using var web = await app.SignedInAsync(TestData.Manager);
        var page = await web.GetAsync($"/Renewals/Details/{id}");
        Assert.Contains("Gulf Imaging — Licences", page.Heading, StringComparison.Ordinal);
        Assert.Contains("RN-2027-0001", page.Text, StringComparison.Ordinal);
        Assert.True(page.Text.Contains("+$600.00", StringComparison.Ordinal), page.Text);
    }

    private static bool IsNull(System.Text.Json.JsonElement e, string name) => !e.TryGetProperty(name, out var value) || value.ValueKind == System.Text.Json.JsonValueKind.Null;

    [Fact]
    public async Task Bad_input_is_answered_field_by_field_and_lapsed_is_the_jobs_to_set()
    {
        using var manager = await app.ApiAsync(TestData.Manager);
        var (_, product) = await VendorAsync(manager, "Cypress Support");
        var bad = await manager.PostAsJsonAsync("/api/v1/renewals", new
        {
            productId = product,
            agencyId = app.Ids.Revenue,
            termStart = "2027-07-01",
            termEnd = "2027-06-30",
            vendorNoticeDays = 9999,
            leadTimeDays = -1,
            cost = -5m,
            status = "Lapsed",
        });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, bad.StatusCode);
        var errors = (await bad.JsonAsync()).GetProperty("errors");
        Assert.Equal("The term ends on or after the day it starts.", errors.GetProperty("termEnd")[0].GetString());
        Assert.True(errors.TryGetProperty("vendorNoticeDays", out _));
        Assert.True(errors.TryGetProperty("leadTimeDays", out _));
        Assert.True(errors.TryGetProperty("cost", out _));
        Assert.Contains("lapsed", errors.GetProperty("status")[0].GetString(), StringComparison.Ordinal);

        var farOff = await manager.PostAsJsonAsync("/api/v1/renewals", new
        {
            productId = product,
            agencyId = app.Ids.Revenue,
            termStart = "2027-07-01",
            termEnd = "9999-12-31",
            vendorNoticeDays = 0,
            leadTimeDays = 0,
        });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, farOff.StatusCode);

        // The manager looks after Revenue, not Health.
        var notTheirs = await manager.PostAsJsonAsync("/api/v1/renewals", new
        {
            productId = product,
            agencyId = app.Ids.Health,
            termStart = "2027-07-01",
            termEnd = "2028-06-30",
            vendorNoticeDays = 0,
            leadTimeDays = 0,
        });
        Assert.Equal(HttpStatusCode.Forbidden, notTheirs.StatusCode);
    }

    [Fact]
    public async Task The_log_filters_by_due_date_and_fiscal_year_and_exports_in_the_handbooks_layout()
    {
        using var admin = await app.ApiAsync(TestData.Admin);
        var (vendor, product) = await VendorAsync(admin, "Lagniappe Systems");
        var today = app.Today;
        async Task<int> RenewalAsync(DateOnly start, DateOnly end, int notice, string status = "NotStarted", decimal? cost = null)
        {
            var created = await admin.PostAsJsonAsync("/api/v1/renewals", new
            {
                productId = product,
                agencyId = app.Ids.Health,
                termStart = start,
                termEnd = end,
                vendorNoticeDays = notice,
                leadTimeDays = 0,
                status,
                cost,
            });
            Assert.True(created.StatusCode == HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
            return created.Id();
        }
        var overdue = await RenewalAsync(today.AddYears(-1), today.AddDays(10), 20);
        var soon = await RenewalAsync(today.AddYears(-1), today.AddDays(40), 20, cost: 999m);
        var later = await RenewalAsync(today, today.AddYears(3), 30);
        var settled = await RenewalAsync(today.AddYears(-1), today.AddDays(5), 30, "PoIssued");

        var due = await admin.GetJsonAsync($"/api/v1/renewals?vendorId={vendor}&due=soon");
        Assert.Equal([overdue, soon], due.GetProperty("items").EnumerateArray().Select(r => r.GetProperty("id").GetInt32()));
        var past = await admin.GetJsonAsync($"/api/v1/renewals?vendorId={vendor}&due=overdue");
        Assert.Equal([overdue], past.GetProperty("items").EnumerateArray().Select(r => r.GetProperty("id").GetInt32()));
        var all = await admin.GetJsonAsync($"/api/v1/renewals?vendorId={vendor}&status=all");
        Assert.Equal(4, all.GetProperty("totalCount").GetInt32());

        // A three-year term is listed in each fiscal year it covers (the settings' year starts in July).
        var settings = await admin.GetJsonAsync("/api/v1/settings");
        var startMonth = settings.GetProperty("fiscalYearStartMonth").GetInt32();
        int FiscalYear(DateOnly d) => startMonth == 1 || d.Month < startMonth ? d.Year : d.Year + 1;
        foreach (var year in Enumerable.Range(FiscalYear(today), 3))
        {
            var inYear = await admin.GetJsonAsync($"/api/v1/renewals?vendorId={vendor}&fiscalYear={year}");
            Assert.Contains(later, inYear.GetProperty("items").EnumerateArray().Select(r => r.GetProperty("id").GetInt32()));
        }
        var beyond = await admin.GetJsonAsync($"/api/v1/renewals?vendorId={vendor}&fiscalYear={FiscalYear(today) + 4}");
        Assert.Equal(0, beyond.GetProperty("totalCount").GetInt32());
        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await admin.GetAsync("/api/v1/renewals?fiscalYear=99999")).StatusCode);

        var xlsx = await admin.GetAsync($"/api/v1/renewals/export?vendorId={vendor}&status=all&format=xlsx");
        Assert.Equal(HttpStatusCode.OK, xlsx.StatusCode);
        var rows = Spreadsheets.ReadXlsx(await xlsx.Content.ReadAsByteArrayAsync());
        Assert.Equal(["Id", "Vendor", "Vendor contact", "Contact phone", "Contact email", "Product"], rows[0].Take(6));
        Assert.Contains("Previous cost", rows[0]);
        Assert.Equal(5, rows.Count);
        Assert.Contains(rows, r => r.Contains("Lagniappe Systems") && r.Contains("Val Vendor") && r[rows[0].IndexOf("Cost")].StartsWith("999", StringComparison.Ordinal));

        // The agency's page and the scoreboard show the renewals due, as a health signal.
        using var executive = await app.ApiAsync(TestData.Executive);
        var board = await executive.GetJsonAsync("/api/v1/scoreboard");
        var health = board.GetProperty("rows").EnumerateArray().Single(r => r.GetProperty("agencyId").GetInt32() == app.Ids.Health);
        var cell = health.GetProperty("cells").GetProperty("renewals-due");
        Assert.True(cell.GetProperty("measure").GetDouble() >= 2);
        Assert.Equal("Concern", cell.GetProperty("level").GetString());
        _ = settled;
    }

    [Fact]
    public async Task The_log_names_a_product_saved_on_another_instance_after_the_request_read_the_data_generation()
    {
        using var admin = await app.ApiAsync(TestData.Admin);
        var (_, product) = await VendorAsync(admin, "Cypress Telemetry");
        var created = await admin.PostAsJsonAsync("/api/v1/renewals", new
        {
            productId = product,
            agencyId = app.Ids.Revenue,
            termStart = app.Today,
            termEnd = app.Today.AddYears(1),
            vendorNoticeDays = 30,
            leadTimeDays = 0,
        });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync("/api/v1/renewals?status=all")).StatusCode); // the names are read and kept

        // Another instance saves a vendor, its product and a renewal; this instance still holds the generation before it
        // (as a request that read it just before that save would).
        var id = await app.WithDbAsync(async db =>
        {
            var vendor = new Liaison.Web.Features.Renewals.Vendors.Vendor { Name = "Bayou Backup", Products = [new() { Name = "Vault" }] };
            db.Vendors.Add(vendor);
            await db.SaveChangesAsync();
            var renewal = new Renewal { ProductId = vendor.Products[0].Id, AgencyId = app.Ids.Revenue, TermStart = app.Today, TermEnd = app.Today.AddYears(1) };
            db.Renewals.Add(renewal);
            await db.SaveChangesAsync();
            await db.Database.ExecuteSqlRawAsync("""UPDATE "DataGeneration" SET "Value" = "Value" - 2 WHERE "Id" = 1""");
            return renewal.Id;
        });
        try
        {
            var log = await admin.GetJsonAsync("/api/v1/renewals?status=all&search=vault");
            var row = Assert.Single(log.GetProperty("items").EnumerateArray(), r => r.GetProperty("id").GetInt32() == id);
            Assert.Equal("Bayou Backup", row.GetProperty("vendor").GetString());
            Assert.Equal("Vault", row.GetProperty("product").GetString());
        }
        finally
        {
            await app.WithDbAsync(db => db.Database.ExecuteSqlRawAsync("""UPDATE "DataGeneration" SET "Value" = "Value" + 4 WHERE "Id" = 1"""));
        }
    }

    [Fact]
    public async Task The_renewal_form_finds_a_product_by_typing_once_there_are_too_many_to_list()
    {
        using var admin = await app.ApiAsync(TestData.Admin);
        var (_, product) = await VendorAsync(admin, "Pelican Analytics", "Dashboards");
        async Task<List<string>> SuggestAsync(string q) => (await admin.GetJsonAsync($"/api/v1/products/suggest?q={Uri.EscapeDataString(q)}"))
            .EnumerateArray().Select(p => p.GetProperty("name").GetString()!).ToList();
        Assert.Contains("Pelican Analytics — Dashboards", await SuggestAsync("pelic dash"));
        Assert.Contains("Pelican Analytics — Dashboards", await SuggestAsync("DASHBOARDS"));
        Assert.Empty(await SuggestAsync("pelican licences"));
        Assert.Empty(await SuggestAsync("100%"));
        using (var agency = await app.ApiAsync(TestData.RevenueUser))
            Assert.Equal(HttpStatusCode.Forbidden, (await agency.GetAsync("/api/v1/products/suggest?q=pelican")).StatusCode);

        // Past 300 products the form lists only the chosen one, and the type-ahead (the same answers, for the browser) finds the rest.
        var bulk = await app.WithDbAsync(async db =>
        {
            var vendor = new Liaison.Web.Features.Renewals.Vendors.Vendor
            {
                Name = "Bulk Licensing",
                Products = Enumerable.Range(1, ManageVendorsLimit).Select(i => new Liaison.Web.Features.Renewals.Vendors.Product { Name = $"Seat pack {i}" }).ToList(),
            };
            db.Vendors.Add(vendor);
            await db.SaveChangesAsync();
            return vendor.Id;
        });
        try
        {
            using var web = await app.SignedInAsync(TestData.Admin);
            var form = await web.GetAsync($"/Renewals/Edit?productId={product}&agencyId={app.Ids.Revenue}");
            var select = form.Document.QuerySelector("select#Input_ProductId")!;
            Assert.Equal("/Products/Suggest", select.GetAttribute("data-picker"));
            Assert.Equal(["Pelican Analytics — Dashboards"], select.QuerySelectorAll("option").Where(o => o.GetAttribute("value") is { Length: > 0 }).Select(o => o.TextContent.Trim()));
            var found = System.Text.Json.JsonDocument.Parse(await web.Client.GetStringAsync("/Products/Suggest?q=bulk+seat+pack+12")).RootElement;
            Assert.Contains("Bulk Licensing — Seat pack 12", found.EnumerateArray().Select(p => p.GetProperty("name").GetString()));
            var saved = await web.SubmitAsync(form, new Dictionary<string, object?> { ["Input.TermStart"] = app.Today.ToString("yyyy-MM-dd"), ["Input.TermEnd"] = app.Today.AddYears(1).ToString("yyyy-MM-dd") });
            Assert.Contains("/Renewals/Details/", saved.Url, StringComparison.Ordinal);
            Assert.Contains("Dashboards", saved.Text, StringComparison.Ordinal);
        }
        finally
        {
            await app.WithDbAsync(db => db.Products.Where(p => p.VendorId == bulk).ExecuteDeleteAsync());
        }
    }

    private const int ManageVendorsLimit = Liaison.Web.Features.Renewals.Vendors.ManageVendors.ProductsListedInFull;

    [Fact]
    public async Task Agency_users_never_reach_the_log_or_the_vendors()
    {
        using var admin = await app.ApiAsync(TestData.Admin);
        var (vendor, product) = await VendorAsync(admin, "Hidden Vendor");
        var created = await admin.PostAsJsonAsync("/api/v1/renewals", new
        {
            productId = product,
            agencyId = app.Ids.Revenue,
            termStart = "2027-07-01",
            termEnd = "2028-06-30",
            renewalNumber = "RN-HIDDEN-42",
            vendorNoticeDays = 0,
            leadTimeDays = 0,
        });
        var id = created.Id();

        using var agency = await app.ApiAsync(TestData.RevenueUser);
        Assert.Equal(HttpStatusCode.Forbidden, (await agency.GetAsync("/api/v1/renewals")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await agency.GetAsync($"/api/v1/renewals/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await agency.GetAsync("/api/v1/renewals/export")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await agency.GetAsync("/api/v1/vendors")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await agency.GetAsync($"/api/v1/vendors/{vendor}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await agency.PostAsync($"/api/v1/renewals/{id}/next", null)).StatusCode);
        var write = await agency.PostAsJsonAsync("/api/v1/renewals", new
        {
            productId = product,
            agencyId = app.Ids.Revenue,
            termStart = "2027-07-01",
            termEnd = "2028-06-30",
            vendorNoticeDays = 0,
            leadTimeDays = 0,
        });
        Assert.Equal(HttpStatusCode.NotFound, write.StatusCode);

        // The header's search finds the vendor and the renewal (by its number) for staff, nothing of either for the agency.
        var found = (await admin.GetJsonAsync("/api/v1/search?q=hidden+vendor")).GetProperty("items").EnumerateArray()
            .Select(i => i.GetProperty("kind").GetString()).ToList();
        Assert.Contains("Vendor", found);
        Assert.Equal("Renewal", (await admin.GetJsonAsync("/api/v1/search?q=rn+hidden+42")).GetProperty("items")[0].GetProperty("kind").GetString());
        Assert.Empty((await agency.GetJsonAsync("/api/v1/search?q=hidden+vendor")).GetProperty("items").EnumerateArray());
        Assert.Empty((await agency.GetJsonAsync("/api/v1/search?q=rn+hidden+42")).GetProperty("items").EnumerateArray());

        using var web = await app.SignedInAsync(TestData.RevenueUser);
        Assert.NotEqual(HttpStatusCode.OK, (await web.GetRawAsync("/Renewals")).StatusCode);
        Assert.NotEqual(HttpStatusCode.OK, (await web.GetRawAsync($"/Renewals/Details/{id}")).StatusCode);
        Assert.NotEqual(HttpStatusCode.OK, (await web.GetRawAsync("/Vendors")).StatusCode);
        Assert.NotEqual(HttpStatusCode.OK, (await web.GetRawAsync("/Renewals/Calendar?month=2028-06")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await agency.GetAsync("/api/v1/renewals/calendar?month=2028-06")).StatusCode);
        var feed = await (await agency.PostAsync("/api/v1/me/calendar-feed", null)).JsonAsync();
        var ics = await app.Anonymous().GetStringAsync(new Uri(feed.GetProperty("url").GetString()!).PathAndQuery);
        Assert.DoesNotContain("Term ends", ics, StringComparison.Ordinal);
        var home = await web.GetAsync($"/Agencies/Details/{app.Ids.Revenue}");
        Assert.DoesNotContain("Renewals due", home.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Hidden Vendor", home.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_product_that_renewals_name_stays_on_its_vendor()
    {
        using var admin = await app.ApiAsync(TestData.Admin);
        var (vendor, product) = await VendorAsync(admin, "Sticky Products", "Kept product");
        (await admin.PostAsJsonAsync("/api/v1/renewals", new
        {
            productId = product,
            agencyId = app.Ids.Revenue,
            termStart = "2027-07-01",
            termEnd = "2028-06-30",
            vendorNoticeDays = 0,
            leadTimeDays = 0,
        })).EnsureSuccessStatusCode();
        var current = await admin.GetJsonAsync($"/api/v1/vendors/{vendor}");
        var dropped = await admin.PutJsonAsync($"/api/v1/vendors/{vendor}", new
        {
            name = "Sticky Products",
            products = Array.Empty<object>(),
            contacts = Array.Empty<object>(),
            version = current.GetProperty("version").GetInt32(),
        });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, dropped.StatusCode);
        Assert.Contains("Kept product", (await dropped.JsonAsync()).GetProperty("errors").GetProperty("products")[0].GetString(), StringComparison.Ordinal);

        // Renamed, it stays the same product; a contact left out is removed.
        var renamed = await admin.PutJsonAsync($"/api/v1/vendors/{vendor}", new
        {
            name = "Sticky Products",
            products = new[] { new { id = product, name = "Renamed product" } },
            contacts = Array.Empty<object>(),
            version = current.GetProperty("version").GetInt32(),
        });
        Assert.True(renamed.IsSuccessStatusCode, await renamed.Content.ReadAsStringAsync());
        var after = await renamed.JsonAsync();
        Assert.Equal(product, after.GetProperty("products")[0].GetProperty("id").GetInt32());
        Assert.Equal(0, after.GetProperty("contacts").GetArrayLength());
    }

    [Fact]
    public async Task The_calendar_shows_a_month_of_last_safe_dates_and_term_ends_and_the_managers_feed_carries_them()
    {
        using var manager = await app.ApiAsync(TestData.Manager);
        var (_, product) = await VendorAsync(manager, "Calendar Systems", "Scheduler");
        var created = await manager.PostAsJsonAsync("/api/v1/renewals", new
        {
            productId = product,
            agencyId = app.Ids.Revenue,
            termStart = "2030-04-01",
            termEnd = "2031-03-31",
            vendorNoticeDays = 45,
            leadTimeDays = 15,
        });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = created.Id();

        var month = await manager.GetJsonAsync("/api/v1/renewals/calendar?month=2031-01&agencyId=" + app.Ids.Revenue);
        Assert.Equal("2031-01-01", month.GetProperty("month").GetString());
        var safe = Assert.Single(month.GetProperty("dates").EnumerateArray(), d => d.GetProperty("renewalId").GetInt32() == id);
        Assert.Equal("2031-01-30", safe.GetProperty("on").GetString());
        Assert.Equal("Last safe date", safe.GetProperty("label").GetString());
        var ends = await manager.GetJsonAsync("/api/v1/renewals/calendar?month=2031-03&day=2031-03-31");
        Assert.Contains(ends.GetProperty("dayDates").EnumerateArray(), d => d.GetProperty("renewalId").GetInt32() == id && d.GetProperty("kind").GetString() == "TermEnd");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await manager.GetAsync("/api/v1/renewals/calendar?month=9999-13")).StatusCode);

        using var web = await app.SignedInAsync(TestData.Manager);
        var page = await web.GetAsync("/Renewals/Calendar?month=2031-01");
        Assert.Equal("Renewal calendar", page.Heading);
        Assert.Contains("January 2031", page.Text, StringComparison.Ordinal);
        Assert.NotNull(page.Document.QuerySelector($"table.liaison-month a[href='/Renewals/Details/{id}']"));
        var bad = await web.GetAsync("/Renewals/Calendar?month=not-a-month");
        Assert.Contains(RenewalCalendarMessage, bad.Text, StringComparison.Ordinal);
        var empty = await web.GetAsync("/Renewals/Calendar?month=1950-02");
        Assert.Contains("No last safe date or term end falls in February 1950", empty.Text, StringComparison.Ordinal);

        // Mona's user is the directory's Sam Staff, who is responsible: her feed carries both dates, as all-day events.
        var feed = await (await manager.PostAsync("/api/v1/me/calendar-feed", null)).JsonAsync();
        var ics = await app.Anonymous().GetStringAsync(new Uri(feed.GetProperty("url").GetString()!).PathAndQuery);
        var parsed = await ICalendar.ParseAsync(ics);
        var lastSafe = Assert.Single(parsed.Events, e => e.Uid == $"renewal-{id}-safe@localhost");
        Assert.Equal("Last safe date: Scheduler (Department of Revenue)", lastSafe.Summary);
        Assert.True(lastSafe.AllDay);
        Assert.StartsWith("2031-01-30", lastSafe.Start, StringComparison.Ordinal);
        Assert.StartsWith("2031-03-31", Assert.Single(parsed.Events, e => e.Uid == $"renewal-{id}-end@localhost").Start, StringComparison.Ordinal);
    }

    private const string RenewalCalendarMessage = "Give a month such as 2027-03, between 1901 and 2199.";

    [Fact]
    public async Task An_existing_log_imports_with_new_vendors_links_last_year_and_imports_again_without_duplicates()
    {
        using var manager = await app.ApiAsync(TestData.Manager);
        // The handbook's log as kept in a spreadsheet: a vendor Liaison does not know yet, two years of one product.
        var log = Spreadsheets.Xlsx(
            ["Vendor", "Contact", "Phone", "Product", "Agency", "Renewal #", "PO", "Cost", "Billing", "Start date", "End date", "Notice days", "Lead time", "Auto-renews", "Status", "ARM"],
            ["Pelican Data", "Pat Pelican", "225-555-0199", "Archive vault", "LDR", "RN-25-001", "PO-9001", "$10,000.00", "Annual", "2025-07-01", "2026-06-30", "60", "30", "no", "Paid", "Sam Staff"],
            ["Pelican Data", "", "", "Archive vault", "Department of Revenue", "RN-26-001", "", "10500", "annual", "2026-07-01", "2027-06-30", "60", "30", "No", "Quote requested", ""]);
        var preview = await (await RelationshipTests.ImportAsync(manager, "/api/v1/renewals/import?dryRun=true", log, "log.xlsx")).JsonAsync();
        Assert.True(preview.GetProperty("canImport").GetBoolean(), preview.ToString());
        Assert.Contains("new vendor", preview.GetProperty("rows")[0].GetProperty("summary").GetString(), StringComparison.Ordinal);
        Assert.False(await app.WithDbAsync(db => db.Vendors.AnyAsync(v => v.Name == "Pelican Data")));

        var imported = await RelationshipTests.ImportAsync(manager, "/api/v1/renewals/import", log, "log.xlsx");
        Assert.True(imported.StatusCode == HttpStatusCode.OK, await imported.Content.ReadAsStringAsync());
        Assert.Equal(2, (await imported.JsonAsync()).GetProperty("created").GetInt32());
        var vendor = await app.WithDbAsync(db => db.Vendors.Include(v => v.Contacts).Include(v => v.Products).SingleAsync(v => v.Name == "Pelican Data"));
        Assert.Equal("Pat Pelican", Assert.Single(vendor.Contacts).Name);
        Assert.Equal("Archive vault", Assert.Single(vendor.Products).Name);
        var usage = Assert.Single((await manager.GetJsonAsync($"/api/v1/vendors/{vendor.Id}/usage")).EnumerateArray());
        Assert.Equal(["Department of Revenue"], usage.GetProperty("agencies").EnumerateArray().Select(a => a.GetProperty("name").GetString()));
        using (var web = await app.SignedInAsync(TestData.Manager))
            Assert.Contains("Who uses its products", (await web.GetAsync($"/Vendors/Edit/{vendor.Id}")).Text, StringComparison.Ordinal);
        var rows = (await manager.GetJsonAsync("/api/v1/renewals?status=all&search=RN-26-001")).GetProperty("items");
        var current = Assert.Single(rows.EnumerateArray());
        // This year beside last year, as the form shows it; the last safe date from the notice and lead time.
        Assert.Equal("RN-25-001", current.GetProperty("previousRenewalNumber").GetString());
        Assert.Equal(10000m, current.GetProperty("previousCost").GetDecimal());
        Assert.Equal("2027-04-01", current.GetProperty("lastSafeDate").GetString());
        Assert.Equal("QuoteRequested", current.GetProperty("status").GetString());
        Assert.Equal("Sam Staff", current.GetProperty("manager").GetString());

        // The same file again, and the log's own export: both update, neither duplicates.
        var again = await (await RelationshipTests.ImportAsync(manager, "/api/v1/renewals/import", log, "log.xlsx")).JsonAsync();
        Assert.Equal((0, 2), (again.GetProperty("created").GetInt32(), again.GetProperty("updated").GetInt32()));
        var export = await manager.GetByteArrayAsync("/api/v1/renewals/export?format=xlsx&status=all&vendorId=" + vendor.Id);
        var roundTrip = await (await RelationshipTests.ImportAsync(manager, "/api/v1/renewals/import", export, "renewal-log.xlsx")).JsonAsync();
        Assert.Equal((0, 2), (roundTrip.GetProperty("created").GetInt32(), roundTrip.GetProperty("updated").GetInt32()));
        Assert.Equal(2, await app.WithDbAsync(db => db.Renewals.CountAsync(r => r.Product!.Vendor!.Name == "Pelican Data")));
    }

    [Fact]
    public async Task A_bad_log_is_refused_row_by_row_and_nothing_is_written()
    {
        using var manager = await app.ApiAsync(TestData.Manager);
        var bad = Spreadsheets.Csv("Vendor,Product,Agency,Term ends,Cost,Status,Renews tacitly,Lead time (days)",
            "Heron Soft,Mapper,LDR,2027-06-30,100,Not started,no,10",
            "Heron Soft,Mapper,Nowhere Agency,someday,lots,Lapsed,perhaps,ten",
            "Heron Soft,Mapper,LDR,2027-06-30,100,Not started,no,10",
            "Heron Soft,Atlas,LDR,9999-12-31,100,Renewing tacitly,no,9999",
            "Heron Soft,Globe,LDH,2027-06-30,100,Paid,no,0");
        var refused = await RelationshipTests.ImportAsync(manager, "/api/v1/renewals/import", bad);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        var errors = (await refused.JsonAsync()).GetProperty("errors");
        Assert.False(errors.TryGetProperty("row 2", out _));
        var row3 = errors.GetProperty("row 3").EnumerateArray().Select(e => e.GetString()!).ToList();
        Assert.Contains("Agency \"Nowhere Agency\" is not in the directory.", row3);
        Assert.Contains(row3, e => e.StartsWith("Term ends \"someday\"", StringComparison.Ordinal));
        Assert.Contains("Cost \"lots\" should be an amount like 12600.00.", row3);
        Assert.Contains("Renews tacitly \"perhaps\" should be yes or no.", row3);
        Assert.Contains("Lead time \"ten\" should be a whole number.", row3);
        Assert.Contains("An earlier row has the same agency, product and term start.", errors.GetProperty("row 4")[0].GetString());
        var row5 = errors.GetProperty("row 5").EnumerateArray().Select(e => e.GetString()!).ToList();
        Assert.Contains(row5, e => e.Contains("outside the years Liaison keeps", StringComparison.Ordinal));
        Assert.Contains("Only a renewal that renews on its own can be renewing tacitly.", row5);
        Assert.Contains("You may not log renewals for Department of Health.", errors.GetProperty("row 6")[0].GetString());
        Assert.False(await app.WithDbAsync(db => db.Vendors.AnyAsync(v => v.Name == "Heron Soft")));

        // An agency user cannot import into the log; staff without the vendor right cannot add vendors through it.
        using var agency = await app.ApiAsync(TestData.RevenueUser);
        Assert.Equal(HttpStatusCode.Forbidden, (await RelationshipTests.ImportAsync(agency, "/api/v1/renewals/import", bad)).StatusCode);
        using var staff = await app.ApiAsync(TestData.Staff);
        var byStaff = await RelationshipTests.ImportAsync(staff, "/api/v1/renewals/import?dryRun=true", Spreadsheets.Csv("Vendor,Product,Agency,Term ends", "Egret Systems,Radar,LDR,2027-06-30"));
        var staffPreview = await byStaff.JsonAsync();
        Assert.False(staffPreview.GetProperty("canImport").GetBoolean());
        Assert.Contains("only administrators and relationship managers may add vendors", staffPreview.ToString(), StringComparison.Ordinal);

        // The page previews the same way, errors beside their rows.
        using var web = await app.SignedInAsync(TestData.Manager);
        var form = await web.GetAsync("/Renewals/Import");
        Assert.Equal("Import a renewal log", form.Heading);
        var page = await web.UploadAsync(form, "file", "log.csv", bad, "form[action*='Upload']");
        Assert.Contains("Agency \"Nowhere Agency\" is not in the directory.", page.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Spend_per_agency_and_fiscal_year_counts_terms_by_their_billing_and_procurement_by_its_approval()
    {
        using var manager = await app.ApiAsync(TestData.Manager);
        var (_, product) = await VendorAsync(manager, "Spend Systems", "Ledger");
        async Task LogAsync(string start, string end, decimal cost, string billing, string status = "Paid")
        {
            var created = await manager.PostAsJsonAsync("/api/v1/renewals", new
            {
                productId = product,
                agencyId = app.Ids.Revenue,
                termStart = start,
                termEnd = end,
                cost,
                billingPeriod = billing,
                vendorNoticeDays = 0,
                leadTimeDays = 0,
                status,
            });
            Assert.True(created.StatusCode == HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        }
        // FY2040 runs July 2039 to June 2040 (the fiscal year starts in July here).
        await LogAsync("2038-07-01", "2039-06-30", 1000m, "Annual");
        await LogAsync("2039-07-01", "2040-06-30", 1200m, "Annual");
        await LogAsync("2039-01-01", "2039-12-31", 100m, "Monthly"); // six months in each year
        await LogAsync("2039-08-01", "2040-07-31", 5000m, "Annual", "Cancelled");
        var request = await manager.PostAsJsonAsync("/api/v1/procurement", new
        {
            agencyId = app.Ids.Revenue,
            title = "Spend test servers",
            requestedBy = "Mona Manager",
            estimatedCost = 900m,
            status = "Approved",
            approverPersonId = app.Ids.StaffPerson,
            approvedOn = "2039-09-01",
            quotes = new[] { new { vendor = "A", amount = 500m, quotedOn = "2039-08-01" }, new { vendor = "B", amount = 450m, quotedOn = "2039-08-02" } },
        });
        Assert.True(request.StatusCode == HttpStatusCode.Created, await request.Content.ReadAsStringAsync());

        var report = await manager.GetJsonAsync("/api/v1/renewals/spend?fiscalYear=2040");
        Assert.Equal("2039-07-01", report.GetProperty("from").GetString());
        var revenue = Assert.Single(report.GetProperty("agencies").EnumerateArray(), a => a.GetProperty("agencyId").GetInt32() == app.Ids.Revenue);
        Assert.Equal(1800m, revenue.GetProperty("renewals").GetDecimal());
        Assert.Equal(1600m, revenue.GetProperty("renewalsBefore").GetDecimal());
        Assert.Equal(450m, revenue.GetProperty("procurement").GetDecimal());
        Assert.Equal(650m, revenue.GetProperty("change").GetDecimal());
        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await manager.GetAsync("/api/v1/renewals/spend?fiscalYear=99999")).StatusCode);

        using var web = await app.SignedInAsync(TestData.Manager);
        var page = await web.GetAsync("/Renewals/Spend?fiscalYear=2040");
        Assert.Equal("Spend by agency, FY2040", page.Heading);
        var row = page.Document.QuerySelectorAll("table:not([data-chart]) tbody tr").Single(r => r.TextContent.Contains("Department of Revenue", StringComparison.Ordinal));
        Assert.Contains("+$650", row.TextContent, StringComparison.Ordinal);
        Assert.Contains(page.Document.QuerySelectorAll("table[data-chart='bar'] td[data-value]"),
            td => decimal.Parse(td.GetAttribute("data-value")!, System.Globalization.CultureInfo.InvariantCulture) == 2250m);
        using var agency = await app.ApiAsync(TestData.RevenueUser);
        Assert.Equal(HttpStatusCode.Forbidden, (await agency.GetAsync("/api/v1/renewals/spend")).StatusCode);
    }
}
