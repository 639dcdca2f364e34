using System.Net;
using System.Net.Http.Json;
using Liaison.Tests.Infrastructure;

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
}
