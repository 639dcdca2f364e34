using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using Liaison.Tests.Infrastructure;
using Liaison.Web.Features.Notifications;
using Liaison.Web.Features.Relationships.Meetings;
using Liaison.Web.Features.Renewals;
using Liaison.Web.Platform.Jobs;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Quartz;

namespace Liaison.Tests.Features.Platform;

/// <summary>Two app instances on one database, as Liaison scales out (on PostgreSQL in CI, on one SQLite file as well).</summary>
public sealed class TwoNodes : IAsyncLifetime
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "liaison-tests", Guid.NewGuid().ToString("N"));

    public TestDatabase Database { get; private set; } = null!;
    public LiaisonNode A { get; private set; } = null!;
    public LiaisonNode B { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        System.IO.Directory.CreateDirectory(_folder);
        Database = await TestDatabase.CreateAsync(_folder);
        // The daily digest at any hour, so that two nodes composing it at once can be tested whenever the tests run.
        A = new LiaisonNode(Database, seed: true, ("Notifications:DigestHour", "0"));
        await A.StartAsync();
        B = new LiaisonNode(Database, seed: false, ("Notifications:DigestHour", "0"));
        await B.StartAsync();
        B.Ids = A.Ids;
    }

    public async Task DisposeAsync()
    {
        await B.StopAsync();
        await A.StopAsync();
        await Database.DisposeAsync();
    }
}

public sealed class ScaleOutTests(TwoNodes nodes) : IClassFixture<TwoNodes>
{
    private LiaisonNode A => nodes.A;
    private LiaisonNode B => nodes.B;

    [Fact]
    public async Task A_save_on_one_instance_shows_in_the_others_figures_at_its_next_request()
    {
        using var onA = await A.ApiAsync(TestData.Manager);
        using var onB = await B.ApiAsync(TestData.Manager);
        var before = (await onB.GetJsonAsync($"/api/v1/action-items?agencyId={A.Ids.Revenue}")).GetProperty("totalCount").GetInt32();
        var workBefore = await onB.GetJsonAsync("/api/v1/me/work");

        var created = await onA.PostAsJsonAsync("/api/v1/action-items", new
        {
            agencyId = A.Ids.Revenue,
            title = "Seen everywhere",
            ownerPersonId = A.Ids.StaffPerson,
            dueOn = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-1).ToString("yyyy-MM-dd"),
        });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);

        Assert.Equal(before + 1, (await onB.GetJsonAsync($"/api/v1/action-items?agencyId={A.Ids.Revenue}")).GetProperty("totalCount").GetInt32());
        var workAfter = await onB.GetJsonAsync("/api/v1/me/work");
        Assert.Contains("Seen everywhere", workAfter.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("Seen everywhere", workBefore.ToString(), StringComparison.Ordinal);

        // The organisation's name, which every page shows from a cache of its own.
        using var admin = await A.ApiAsync(TestData.Admin);
        var settings = await admin.GetJsonAsync("/api/v1/settings");
        using var pageOnB = await B.SignedInAsync(TestData.Executive);
        Assert.DoesNotContain("Renamed on node A", (await pageOnB.GetAsync("/")).Html, StringComparison.Ordinal);
        (await admin.PutJsonAsync("/api/v1/settings", new
        {
            organisationName = "Renamed on node A",
            relationshipManagerTitle = settings.GetProperty("relationshipManagerTitle").GetString(),
            fiscalYearStartMonth = settings.GetProperty("fiscalYearStartMonth").GetInt32(),
            version = settings.GetProperty("version").GetInt32(),
        })).EnsureSuccessStatusCode();
        Assert.Contains("Renamed on node A", (await pageOnB.GetAsync("/")).Html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_cookie_from_one_instance_works_on_the_other_until_signing_out_on_either()
    {
        var cookies = new CookieContainer();
        var origin = new Uri("https://localhost/");
        using var onA = new WebSession(A.CreateDefaultClient(origin, new CookieContainerHandler(cookies)));
        await onA.SignInAsync(TestData.Staff, TestData.Password);
        using var onB = B.Anonymous();
        onB.DefaultRequestHeaders.Add("Cookie", cookies.GetCookieHeader(origin));
        Assert.Equal(HttpStatusCode.OK, (await onB.GetAsync("/Agencies")).StatusCode);

        await onA.SubmitAsync(await onA.GetAsync("/"), formSelector: "form[action='/Account/Logout']");
        var after = await onB.GetAsync("/Agencies");
        Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
    }

    [Fact]
    public async Task A_token_revoked_on_one_instance_stops_working_on_the_other_at_once()
    {
        using var onA = await A.ApiAsync(TestData.Executive);
        var token = await (await onA.PostAsJsonAsync("/api/v1/me/tokens", new { name = "Report", expiresInDays = 30 })).JsonAsync();
        using var onB = B.Anonymous();
        onB.DefaultRequestHeaders.Authorization = new("Bearer", token.GetProperty("accessToken").GetString());
        Assert.Equal(HttpStatusCode.OK, (await onB.GetAsync("/api/v1/agencies")).StatusCode);

        var id = (await onA.GetJsonAsync("/api/v1/me/tokens")).EnumerateArray().Single(t => t.GetProperty("name").GetString() == "Report").GetProperty("id").GetInt32();
        Assert.Equal(HttpStatusCode.NoContent, (await onA.DeleteAsync($"/api/v1/me/tokens/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await onB.GetAsync("/api/v1/agencies")).StatusCode);
    }

    [Fact]
    public async Task A_post_retried_with_its_idempotency_key_on_another_instance_is_answered_once_and_written_once()
    {
        using var onA = await A.ApiAsync(TestData.Manager);
        using var onB = await B.ApiAsync(TestData.Manager);
        var body = new
        {
            agencyId = A.Ids.Revenue,
            occurredOn = DateOnly.FromDateTime(DateTime.UtcNow).ToString("yyyy-MM-dd"),
            kind = "Call",
            subject = "Retried call " + Guid.NewGuid().ToString("N")[..6],
        };
        HttpRequestMessage Post(string key) => new(HttpMethod.Post, "/api/v1/interactions") { Content = JsonContent.Create(body), Headers = { { "Idempotency-Key", key } } };

        var key = Guid.NewGuid().ToString();
        var first = await onA.SendAsync(Post(key));
        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        var retry = await onB.SendAsync(Post(key));
        Assert.Equal(HttpStatusCode.Created, retry.StatusCode);
        Assert.Equal("true", retry.Headers.GetValues("Idempotent-Replayed").Single());
        Assert.Equal(first.Headers.Location, retry.Headers.Location);
        Assert.Equal(await first.Content.ReadAsStringAsync(), await retry.Content.ReadAsStringAsync());
        var found = await onA.GetJsonAsync($"/api/v1/interactions?search={Uri.EscapeDataString(body.subject)}");
        Assert.Equal(1, found.GetProperty("totalCount").GetInt32());

        // The same key for another request is refused; another user's key is theirs alone.
        var other = new HttpRequestMessage(HttpMethod.Post, "/api/v1/interactions")
        {
            Content = JsonContent.Create(new { body.agencyId, body.occurredOn, body.kind, subject = "Something else" }),
            Headers = { { "Idempotency-Key", key } },
        };
        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await onB.SendAsync(other)).StatusCode);
        using var admin = await B.ApiAsync(TestData.Admin);
        var theirs = await admin.SendAsync(Post(key));
        Assert.Equal(HttpStatusCode.Created, theirs.StatusCode);
        Assert.False(theirs.Headers.Contains("Idempotent-Replayed"));
    }

    [Fact]
    public async Task Both_instances_sending_agendas_at_once_send_each_agenda_once()
    {
        using var manager = await A.ApiAsync(TestData.Manager);
        var start = DateTime.UtcNow.AddHours(3);
        var created = await manager.PostAsJsonAsync("/api/v1/meetings", new
        {
            title = "Twice-proof review",
            kind = "MonthlyProgram",
            agencyIds = new[] { A.Ids.Revenue },
            attendeeIds = new[] { A.Ids.RevenueContact, A.Ids.StaffPerson },
            startsAt = start.ToString("yyyy-MM-ddTHH:mm"),
            endsAt = start.AddHours(1).ToString("yyyy-MM-ddTHH:mm"),
            agenda = "Budget",
        });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);

        await Task.WhenAll(
            A.Services.GetRequiredService<AgendaMailer>().SendDueAgendasAsync(CancellationToken.None),
            B.Services.GetRequiredService<AgendaMailer>().SendDueAgendasAsync(CancellationToken.None));
        var queued = await A.WithDbAsync(db => db.OutboxMessages.CountAsync(m => m.Subject.StartsWith("Agenda: Twice-proof review")));
        Assert.Equal(2, queued);
    }

    [Fact]
    public async Task Both_instances_composing_the_digest_at_once_send_each_renewal_reminder_once()
    {
        using var manager = await A.ApiAsync(TestData.Manager);
        var vendor = await manager.PostAsJsonAsync("/api/v1/vendors", new { name = "Twice-proof Software", products = new[] { new { name = "Firewall" } } });
        Assert.Equal(HttpStatusCode.Created, vendor.StatusCode);
        var product = (await vendor.JsonAsync()).GetProperty("products")[0].GetProperty("id").GetInt32();
        var today = A.Today;
        var created = await manager.PostAsJsonAsync("/api/v1/renewals", new
        {
            productId = product,
            agencyId = A.Ids.Revenue,
            billingPeriod = "Annual",
            termStart = today.AddDays(-300).ToString("yyyy-MM-dd"),
            termEnd = today.AddDays(65).ToString("yyyy-MM-dd"),
            vendorNoticeDays = 30,
            leadTimeDays = 30,
        });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var renewal = created.Id();
        var before = await A.WithDbAsync(db => db.OutboxMessages.CountAsync(m => m.To == TestData.Manager));

        await Task.WhenAll(Enumerable.Range(0, 3).SelectMany(_ => new[] { DigestAsync(A), DigestAsync(B) }));

        var reminders = await A.WithDbAsync(db => db.RenewalReminders.Where(r => r.RenewalId == renewal).ToListAsync());
        Assert.Equal(7, Assert.Single(reminders).DaysBefore);
        Assert.Equal(before + 1, await A.WithDbAsync(db => db.OutboxMessages.CountAsync(m => m.To == TestData.Manager)));
        Assert.Contains("Firewall (Twice-proof Software) for LDR", await A.WithDbAsync(db => db.OutboxMessages
            .Where(m => m.To == TestData.Manager).OrderByDescending(m => m.Id).Select(m => m.TextBody).FirstAsync()), StringComparison.Ordinal);
    }

    private static async Task DigestAsync(LiaisonNode node)
    {
        await using var scope = node.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<SendDailyDigests>().HandleAsync(CancellationToken.None);
    }
}

/// <summary>Instances started at the same moment on an empty database: one prepares it, the other waits and finds it ready.</summary>
public sealed class NodesStartingTogetherTests
{
    [Fact]
    public async Task Two_instances_started_together_on_an_empty_database_both_come_up_and_seed_once()
    {
        var folder = Path.Combine(Path.GetTempPath(), "liaison-tests", Guid.NewGuid().ToString("N"));
        System.IO.Directory.CreateDirectory(folder);
        await using var database = await TestDatabase.CreateAsync(folder);
        var a = new LiaisonNode(database, seed: false, ("Demo:Enabled", "true"));
        var b = new LiaisonNode(database, seed: false, ("Demo:Enabled", "true"));
        try
        {
            await Task.WhenAll(Task.Run(a.StartAsync), Task.Run(b.StartAsync));
            Assert.Equal(HttpStatusCode.OK, (await a.Anonymous().GetAsync("/health")).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await b.Anonymous().GetAsync("/health")).StatusCode);
            Assert.Equal(5, await a.WithDbAsync(db => db.Roles.CountAsync()));
            Assert.Equal(20, await a.WithDbAsync(db => db.Agencies.CountAsync()));
            Assert.Equal(1, await a.WithDbAsync(db => db.OrganisationSettings.CountAsync()));
            Assert.Single(await a.WithDbAsync(db => db.DataProtectionKeys.ToListAsync()));
        }
        finally
        {
            await b.StopAsync();
            await a.StopAsync();
        }
    }
}

/// <summary>A job the tests schedule, counting its runs per database.</summary>
internal sealed class CountingJob(IConfiguration config) : IJob
{
    public static readonly ConcurrentDictionary<string, int> Runs = new();

    public ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default)
    {
        Runs.AddOrUpdate($"{config["ConnectionStrings:Liaison"]}|{context.JobDetail.Key.Name}", 1, (_, n) => n + 1);
        return ValueTask.CompletedTask;
    }

    public static int Count(TestDatabase database, string job) => Runs.GetValueOrDefault($"{database.ConnectionString}|{job}");
}

/// <summary>A node whose scheduler runs, with jobs of the test's own.</summary>
internal sealed class SchedulingNode(TestDatabase database, bool seed, Action<IServiceCollection> jobs, TimeSpan clockOffset = default)
    : LiaisonNode(database, seed, ("Jobs:Enabled", "true"), ("Jobs:CheckinSeconds", "1"), ("Jobs:CheckinMisfireSeconds", "5"),
        ("Email:DispatcherEnabled", "false"), ("Meetings:SendAgendasAutomatically", "false"))
{
    protected override void ConfigureServices(IServiceCollection services)
    {
        Clock.Advance(clockOffset);
        jobs(services);
    }
}

public sealed class ScheduledJobsTests
{
    private static async Task<TestDatabase> DatabaseAsync()
    {
        var folder = Path.Combine(Path.GetTempPath(), "liaison-tests", Guid.NewGuid().ToString("N"));
        System.IO.Directory.CreateDirectory(folder);
        return await TestDatabase.CreateAsync(folder);
    }

    private static async Task WaitUntilAsync(Func<bool> condition, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (!condition() && DateTime.UtcNow < deadline)
            await Task.Delay(100);
    }

    [PostgresFact]
    public async Task A_job_due_once_runs_once_across_the_cluster()
    {
        await using var database = await DatabaseAsync();
        var at = DateTimeOffset.UtcNow.AddSeconds(6);
        void Jobs(IServiceCollection services) => services.ConfigureAllQuartzSchedulers(q => q.ScheduleJob<CountingJob>(
            t => t.WithIdentity("once", "test").StartAt(at), j => j.WithIdentity("once", "test")));
        var a = new SchedulingNode(database, seed: true, Jobs);
        var b = new SchedulingNode(database, seed: false, Jobs);
        try
        {
            await Task.WhenAll(Task.Run(a.StartAsync), Task.Run(b.StartAsync));
            await WaitUntilAsync(() => CountingJob.Count(database, "once") > 0, TimeSpan.FromSeconds(30));
            await Task.Delay(TimeSpan.FromSeconds(3));
            Assert.Equal(1, CountingJob.Count(database, "once"));
        }
        finally
        {
            await b.StopAsync();
            await a.StopAsync();
        }
    }

    [Fact]
    public async Task A_recurring_job_missed_while_the_app_was_down_runs_once_when_it_comes_back()
    {
        await using var database = await DatabaseAsync();
        static void Jobs(IServiceCollection services) => services.AddRecurringJob<CountingJob>("hourly", TimeSpan.FromHours(1));
        var first = new SchedulingNode(database, seed: true, Jobs);
        await first.StartAsync();
        await WaitUntilAsync(() => CountingJob.Count(database, "hourly") == 1, TimeSpan.FromSeconds(30));
        Assert.Equal(1, CountingJob.Count(database, "hourly"));
        await first.StopAsync();

        // Three hours later by the app's clock: three turns were missed; one run makes up for them.
        var later = new SchedulingNode(database, seed: false, Jobs, TimeSpan.FromHours(3));
        await later.StartAsync();
        try
        {
            await WaitUntilAsync(() => CountingJob.Count(database, "hourly") >= 2, TimeSpan.FromSeconds(30));
            await Task.Delay(TimeSpan.FromSeconds(3));
            Assert.Equal(2, CountingJob.Count(database, "hourly"));
        }
        finally
        {
            await later.StopAsync();
        }
    }
}
