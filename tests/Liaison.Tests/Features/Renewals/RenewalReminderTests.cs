using System.Net;
using System.Net.Http.Json;
using Liaison.Tests.Infrastructure;
using Liaison.Web.Features.Notifications;
using Liaison.Web.Features.Relationships;
using Liaison.Web.Features.Renewals;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Liaison.Tests.Features.Renewals;

/// <summary>
/// Reminders that prevent lapses, over a simulated year with the app's clock: each point of the schedule once to the
/// responsible manager and the agency's backup, in their one daily digest; a week down catches up once; none after a PO;
/// an express renewal that ends unordered lapses; a tacit one rolls forward and is reminded from its new term's end.
/// </summary>
public sealed class RenewalReminderTests(LiaisonApp app) : IClassFixture<LiaisonApp>
{
    private const string Backup = TestData.Staff; // Stan Staff backs up the Department of Revenue

    [Fact]
    public async Task Over_a_simulated_year_each_reminder_goes_out_once_in_the_daily_digest_until_the_renewal_is_settled()
    {
        // Noon in Chicago, past the digest hour, on a Monday.
        app.Clock.Set(new DateTimeOffset(2027, 1, 4, 18, 0, 0, TimeSpan.Zero));
        var day0 = app.Today;
        var managerUser = await app.WithDbAsync(db => db.Users.Where(u => u.Email == TestData.Manager).Select(u => u.Id).SingleAsync());
        var backupUser = await app.WithDbAsync(db => db.Users.Where(u => u.Email == Backup).Select(u => u.Id).SingleAsync());
        await app.WithDbAsync(async db =>
        {
            db.AgencyAssignments.Add(new AgencyAssignment { AgencyId = app.Ids.Revenue, UserId = backupUser, Role = AssignmentRole.Backup, StartedOn = day0 });
            await db.SaveChangesAsync();
        });

        using var manager = await app.ApiAsync(TestData.Manager);
        var vendor = await manager.PostAsJsonAsync("/api/v1/vendors", new { name = "Bayou Licensing", products = new[] { new { name = "Records suite" }, new { name = "Mail filter" }, new { name = "Backup tapes" } } });
        Assert.Equal(HttpStatusCode.Created, vendor.StatusCode);
        var products = (await vendor.JsonAsync()).GetProperty("products").EnumerateArray()
            .ToDictionary(p => p.GetProperty("name").GetString()!, p => p.GetProperty("id").GetInt32());

        async Task<int> LogAsync(int product, DateOnly termStart, DateOnly termEnd, int notice, int lead, bool tacit)
        {
            var created = await manager.PostAsJsonAsync("/api/v1/renewals", new
            {
                productId = product,
                agencyId = app.Ids.Revenue,
                billingPeriod = "Annual",
                cost = 1000m,
                termStart = termStart.ToString("yyyy-MM-dd"),
                termEnd = termEnd.ToString("yyyy-MM-dd"),
                vendorNoticeDays = notice,
                leadTimeDays = lead,
                renewsTacitly = tacit,
            });
            Assert.True(created.StatusCode == HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
            return created.Id();
        }

        // Express, last safe date in 200 days; tacit, last day to cancel in 70 (its term ends in 100); express, ends in 50 unordered.
        var express = await LogAsync(products["Records suite"], day0.AddDays(290).AddYears(-1), day0.AddDays(290), 60, 30, tacit: false);
        var tacitEnd = day0.AddDays(100);
        var tacit = await LogAsync(products["Mail filter"], tacitEnd.AddDays(1).AddYears(-1), tacitEnd, 30, 0, tacit: true);
        var unordered = await LogAsync(products["Backup tapes"], day0.AddDays(50).AddYears(-1), day0.AddDays(50), 0, 0, tacit: false);

        var emailsPerDay = new List<int>();
        for (var day = 0; day <= 400; day++)
        {
            if (day > 0)
                app.Clock.Advance(TimeSpan.FromDays(1));
            if (day is >= 185 and <= 194)
                continue; // the app is down for ten days, across the 14- and 7-day points of the express renewal
            if (day == 214)
            {
                // Three weeks after its last safe date, the PO is issued: its reminders stop.
                await app.WithDbAsync(db => db.Renewals.Where(r => r.Id == express)
                    .ExecuteUpdateAsync(s => s.SetProperty(r => r.Status, RenewalStatus.PoIssued).SetProperty(r => r.PurchaseOrders, "PO-77")));
            }
            var before = await OutboxCountAsync(TestData.Manager);
            await RunDayAsync();
            emailsPerDay.Add(await OutboxCountAsync(TestData.Manager) - before);
        }

        // The digest is one email per person per day, whatever it carries.
        Assert.All(emailsPerDay, n => Assert.InRange(n, 0, 1));

        var sent = await app.WithDbAsync(db => db.RenewalReminders.AsNoTracking().OrderBy(r => r.SentOn).ToListAsync());
        List<(int Day, int Point)> To(int renewal, int user) =>
            sent.Where(r => r.RenewalId == renewal && r.UserId == user).Select(r => (r.SentOn.DayNumber - day0.DayNumber, r.DaysBefore)).ToList();

        // 180, 90, 60 and 30 days before; the ten days down missed 14 and 7, so one reminder (7) when it comes back; the day
        // after, a week after; then the PO. The backup hears the same, on the same days.
        (int, int)[] expected = [(20, 180), (110, 90), (140, 60), (170, 30), (195, 7), (201, -1), (208, -8)];
        Assert.Equal(expected, To(express, managerUser));
        Assert.Equal(expected, To(express, backupUser));

        // The tacit renewal: its last day to cancel is day 70; it was never cancelled, so when its term ended (day 100) it
        // renewed on its own and the next term was logged; reminders of the old term stopped.
        Assert.Equal([(0, 90), (10, 60), (40, 30), (56, 14), (63, 7), (71, -1), (78, -8), (85, -15), (92, -22), (99, -29)], To(tacit, managerUser));
        var (oldStatus, next) = await app.WithDbAsync(async db =>
        {
            var status = await db.Renewals.Where(r => r.Id == tacit).Select(r => r.Status).SingleAsync();
            return (status, await db.Renewals.AsNoTracking().SingleAsync(r => r.PreviousRenewalId == tacit));
        });
        Assert.Equal(RenewalStatus.RenewingTacitly, oldStatus);
        Assert.Equal(tacitEnd.AddDays(1), next.TermStart);
        Assert.Equal(tacitEnd.AddDays(1).AddYears(1).AddDays(-1), next.TermEnd);
        Assert.Equal(next.TermEnd.AddDays(-30), next.LastSafeDate);
        Assert.Equal(1000m, next.Cost);
        // The new term's reminders count from the new term's end: 180 days before its own last safe date, not the first term's.
        var nextSafe = next.LastSafeDate.DayNumber - day0.DayNumber;
        Assert.Equal([(nextSafe - 180, 180), (nextSafe - 90, 90), (nextSafe - 60, 60)], To(next.Id, managerUser));

        // The express renewal that nobody ordered lapsed when its term ended, and is still chased weekly.
        var lapsed = await app.WithDbAsync(db => db.Renewals.Where(r => r.Id == unordered).Select(r => r.Status).SingleAsync());
        Assert.Equal(RenewalStatus.Lapsed, lapsed);
        Assert.Contains((51, -1), To(unordered, managerUser));
        Assert.Contains((58, -8), To(unordered, managerUser));

        // What the digest says, and the record on the renewal's page (as the API gives it).
        var digest = await app.WithDbAsync(db => db.OutboxMessages.Where(m => m.To == TestData.Manager && m.TextBody.Contains("lapsed when its term ended"))
            .Select(m => m.TextBody).FirstAsync());
        Assert.Contains("Renewals to act on", digest, StringComparison.Ordinal);
        Assert.True(digest.Contains("Backup tapes (Bayou Licensing) for LDR: lapsed when its term ended", StringComparison.Ordinal), digest);
        using var fresh = await app.ApiAsync(TestData.Manager);
        var reminders = (await fresh.GetJsonAsync($"/api/v1/renewals/{express}")).GetProperty("reminders");
        Assert.Equal(14, reminders.GetArrayLength());
        Assert.Contains(reminders.EnumerateArray(), r => r.GetProperty("to").GetString() == "Stan Staff" && r.GetProperty("point").GetString() == "30 days before");
    }

    private async Task RunDayAsync()
    {
        await using var scope = app.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<EndedTerms>().HandleAsync(CancellationToken.None);
        await scope.ServiceProvider.GetRequiredService<SendDailyDigests>().HandleAsync(CancellationToken.None);
    }

    private Task<int> OutboxCountAsync(string to) => app.WithDbAsync(db => db.OutboxMessages.CountAsync(m => m.To == to));
}
