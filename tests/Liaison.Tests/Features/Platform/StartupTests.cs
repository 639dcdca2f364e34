using System.Diagnostics;
using System.Net;
using Liaison.Tests.Infrastructure;
using Liaison.Web.Features.Portfolio;
using Microsoft.EntityFrameworkCore;

namespace Liaison.Tests.Features.Platform;

public sealed class FirstRunTests(EmptyLiaisonApp app) : IClassFixture<EmptyLiaisonApp>
{
    [Fact]
    public async Task With_nobody_in_the_database_the_first_visitor_creates_the_administrator_once()
    {
        using var session = app.Session();
        var setup = await session.GetAsync("/Account/Login");
        Assert.Equal("Set up Liaison", setup.Heading);

        var invalid = await session.SubmitAsync(setup, new Dictionary<string, object?>
        {
            ["Input.DisplayName"] = "",
            ["Input.Email"] = "chief@ots.gov",
            ["Input.Password"] = "Short1",
            ["Input.ConfirmPassword"] = "Short1",
        });
        Assert.Equal("Enter your full name.", invalid.FieldError("Input_DisplayName"));
        Assert.Contains("at least 12 characters", invalid.FieldError("Input_Password"), StringComparison.Ordinal);

        var home = await session.SubmitAsync(invalid, new Dictionary<string, object?>
        {
            ["Input.OrganisationName"] = "Office of Technology Services",
            ["Input.DisplayName"] = "Chief Admin",
            ["Input.Email"] = "chief@ots.gov",
            ["Input.Password"] = "First-Admin-Pass-1",
            ["Input.ConfirmPassword"] = "First-Admin-Pass-1",
        });
        Assert.Equal("Welcome, Chief Admin", home.Heading);
        Assert.Contains("Office of Technology Services", home.Document.QuerySelector("header")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await app.Session().GetAsync("/Account/Setup")).Status);
    }
}

public sealed class DemoDataTests(DemoLiaisonApp app) : IClassFixture<DemoLiaisonApp>
{
    [Fact]
    public async Task Demo_mode_fills_the_directory_from_the_source_documents()
    {
        var agencies = await app.WithDbAsync(db => db.Agencies.Select(a => a.Name).ToListAsync());
        Assert.Equal(20, agencies.Count);
        Assert.Contains("Office of the State Inspector General", agencies);
        Assert.Contains("Coastal Protection & Restoration Authority", agencies);
        Assert.Equal(9, await app.WithDbAsync(db => db.OperationalUnits.CountAsync()));
        Assert.Contains("Business Relationship Management", await app.WithDbAsync(db => db.LinesOfService.Select(l => l.Name).ToListAsync()));
        Assert.True(await app.WithDbAsync(db => db.People.CountAsync()) > 100);
    }

    [Fact]
    public async Task Demo_status_updates_are_written_by_each_initiative_s_owner_on_many_days_and_say_different_things()
    {
        var updates = await app.WithDbAsync(db => db.InitiativeUpdates
            .Select(u => new { u.AuthorName, u.StatusOverview, u.Accomplishments, u.CreatedAt, Owner = u.Initiative!.Owner!.FirstName + " " + u.Initiative.Owner.LastName })
            .ToListAsync());
        Assert.True(updates.Select(u => u.AuthorName).Distinct().Count() >= 4, "several authors");
        // By the owner (an initiative handed to the PMO since has earlier updates by its previous owner).
        Assert.True(updates.Count(u => u.Owner == u.AuthorName) >= updates.Count * 9 / 10, "written by the initiatives' owners");
        Assert.True(updates.Select(u => u.CreatedAt.Date).Distinct().Count() >= 30, "written on many days");
        Assert.True(updates.Select(u => u.StatusOverview).Distinct().Count() >= 8, "overviews differ");
        Assert.True(updates.Select(u => u.Accomplishments).Distinct().Count() >= 8, "accomplishments differ");
    }

    [Theory]
    [InlineData("admin@demo.test", "Administration")]
    [InlineData("cio@demo.test", "Agencies")]
    [InlineData("arm@demo.test", "Agencies")]
    [InlineData("pm@demo.test", "People")]
    [InlineData("agency@demo.test", "My agency")]
    public async Task Each_demo_account_signs_in_with_the_default_password(string email, string menu)
    {
        using var session = await app.SignedInAsync(email, Liaison.Web.Platform.Data.DatabaseStartup.DemoPassword);
        var home = await session.GetAsync("/");
        Assert.Contains(menu, home.Document.QuerySelector("nav")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_demo_agency_user_belongs_to_the_department_of_revenue()
    {
        using var session = await app.SignedInAsync("agency@demo.test", Liaison.Web.Platform.Data.DatabaseStartup.DemoPassword);
        var home = await session.GetAsync("/");
        Assert.Equal("Department of Revenue", home.Heading);
        var list = await session.GetAsync("/Agencies?status=all");
        Assert.Contains("Showing 1–1 of 1.", list.Text, StringComparison.Ordinal);
    }
}

public sealed class OutboxTests(UnreachableSmtpLiaisonApp app) : IClassFixture<UnreachableSmtpLiaisonApp>
{
    [Fact]
    public async Task Mail_is_kept_and_retried_later_when_the_server_cannot_be_reached()
    {
        using var api = await app.ApiAsync(TestData.Admin);
        (await api.PostAsync("/api/v1/users", System.Net.Http.Json.JsonContent.Create(new { email = "retry@test.gov", displayName = "Ray Try", roles = new[] { "Executive" } }))).EnsureSuccessStatusCode();
        var queued = await app.WithDbAsync(db => db.OutboxMessages.SingleAsync(m => m.To == "retry@test.gov"));
        Assert.Null(queued.SentAt);

        await app.DeliverAsync();
        var failed = await app.WithDbAsync(db => db.OutboxMessages.SingleAsync(m => m.To == "retry@test.gov"));
        Assert.Null(failed.SentAt);
        Assert.Equal(1, failed.Attempts);
        Assert.NotNull(failed.LastError);
        Assert.True(failed.NextAttemptAt > app.Clock.GetUtcNow().UtcDateTime, "the next attempt is scheduled later");

        await app.DeliverAsync();
        Assert.Equal(1, await app.WithDbAsync(db => db.OutboxMessages.Where(m => m.To == "retry@test.gov").Select(m => m.Attempts).SingleAsync()));
        app.Clock.Advance(TimeSpan.FromMinutes(2));
        await app.DeliverAsync();
        Assert.Equal(2, await app.WithDbAsync(db => db.OutboxMessages.Where(m => m.To == "retry@test.gov").Select(m => m.Attempts).SingleAsync()));
    }
}

/// <summary>The documented command-line tasks, run as a user would run them: a separate process on a database file.</summary>
public sealed class CommandTests
{
    [Fact]
    public async Task Create_admin_makes_a_working_administrator_and_verify_audit_checks_the_trail()
    {
        if (TestDatabase.IsPostgres)
            return; // One provider is enough to prove the commands; the PostgreSQL run covers the rest.
        var folder = Path.Combine(Path.GetTempPath(), "liaison-tests", Guid.NewGuid().ToString("N"));
        System.IO.Directory.CreateDirectory(folder);
        var (code, output) = await RunAsync(folder, "create-admin", "--email", "root@ots.gov", "--password", "Root-Password-123", "--name", "Root Admin");
        Assert.True(code == 0, output);
        Assert.Contains("Created administrator root@ots.gov", output, StringComparison.Ordinal);

        var (weakCode, weakOutput) = await RunAsync(folder, "create-admin", "--email", "weak@ots.gov", "--password", "weak");
        Assert.Equal(1, weakCode);
        Assert.Contains("at least 12 characters", weakOutput, StringComparison.Ordinal);

        var (verifyCode, verifyOutput) = await RunAsync(folder, "verify-audit");
        Assert.Equal(0, verifyCode);
        Assert.Contains("The audit trail is intact", verifyOutput, StringComparison.Ordinal);
    }

    private static async Task<(int Code, string Output)> RunAsync(string dataFolder, params string[] args)
    {
        var web = Path.Combine(AppContext.BaseDirectory, "Liaison.Web.dll");
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = AppContext.BaseDirectory };
        start.ArgumentList.Add(web);
        foreach (var arg in args)
            start.ArgumentList.Add(arg);
        start.Environment["Data__Folder"] = dataFolder;
        start.Environment["Email__DispatcherEnabled"] = "false";
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        using var process = Process.Start(start)!;
        var output = await process.StandardOutput.ReadToEndAsync() + await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, output);
    }
}
