using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Liaison.Tests.Features.Platform;
using Liaison.Tests.Infrastructure;
using Liaison.Web.Features.Reporting;
using Liaison.Web.Platform.Data;
using Liaison.Web.Platform.Modules;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Liaison.Tests.Features.Reporting;

/// <summary>
/// The agency scoreboard: a row per active agency, a column per health signal the modules contribute, each figure the
/// hand-counted one, coloured by its level, sortable, filterable by manager and department, exportable, for the provider
/// only; and read in as many queries for 20 agencies as for 2.
/// </summary>
public sealed class ScoreboardTests(ScoreboardTests.App app) : IClassFixture<ScoreboardTests.App>
{
    /// <summary>The app without the cache of derived figures (each reading runs its queries) and with a command counter.</summary>
    public sealed class App : CommandCountingLiaisonApp
    {
        protected override IEnumerable<(string Key, string Value)> Settings => [("Performance:DerivedCache", "false")];
    }

    private static JsonElement Row(JsonElement board, string acronym) =>
        board.GetProperty("rows").EnumerateArray().Single(r => r.GetProperty("acronym").GetString() == acronym);

    private static (string Text, string Level, string? Link) Cell(JsonElement row, string key)
    {
        var cell = row.GetProperty("cells").GetProperty(key);
        return (cell.GetProperty("text").GetString()!, cell.GetProperty("level").GetString()!,
            cell.TryGetProperty("link", out var link) && link.ValueKind == JsonValueKind.String ? link.GetString() : null);
    }

    [Fact]
    public async Task Each_agencys_figures_are_the_hand_counted_ones_with_their_level_and_the_list_behind_them()
    {
        var today = app.Today;
        using var manager = await app.ApiAsync(TestData.Manager);
        using var admin = await app.ApiAsync(TestData.Admin);
        // Health: one late action item (and the seeded one, due in five days, not late); an interaction three days ago.
        (await admin.PostAsJsonAsync("/api/v1/action-items", new
        {
            agencyId = app.Ids.Health,
            title = "Overdue report",
            ownerPersonId = app.Ids.HealthContact,
            dueOn = today.AddDays(-2).ToString("yyyy-MM-dd")
        })).EnsureSuccessStatusCode();
        // Revenue: an initiative off track, one at risk, and a quick win this quarter.
        foreach (var (name, state) in new[] { ("Scoreboard off track", "OffTrack"), ("Scoreboard at risk", "AtRisk") })
        {
            var id = (await manager.PostAsJsonAsync("/api/v1/initiatives", new
            {
                name,
                agencyId = app.Ids.Revenue,
                description = name,
                ownerPersonId = app.Ids.StaffPerson,
                targetOn = today.AddDays(60).ToString("yyyy-MM-dd")
            })).Id();
            (await manager.PostAsJsonAsync($"/api/v1/initiatives/{id}/updates", new
            {
                asOf = today.ToString("yyyy-MM-dd"),
                health = state,
                statusOverview = "Slipping",
                accomplishments = "Some",
                plans = "More",
                risks = "Budget"
            })).EnsureSuccessStatusCode();
        }
        (await manager.PostAsJsonAsync("/api/v1/quick-wins", new
        {
            taskName = "Scoreboard quick win",
            agencyId = app.Ids.Revenue,
            contributorIds = new[] { app.Ids.StaffPerson },
            completedOn = today.ToString("yyyy-MM-dd")
        })).EnsureSuccessStatusCode();

        using var executive = await app.ApiAsync(TestData.Executive);
        var board = await executive.GetJsonAsync("/api/v1/scoreboard");
        var keys = board.GetProperty("columns").EnumerateArray().Select(c => c.GetProperty("key").GetString()).ToList();
        Assert.Equal(["primary-manager", "backup-manager", "contacts-overdue", "days-since-interaction", "late-actions",
            "initiatives-off-track", "initiatives-at-risk", "initiatives-stale", "quick-wins-quarter", "renewals-due", "survey-follow-ups"], keys);

        var revenue = Row(board, "LDR");
        Assert.Equal(("Mona Manager", "Good", null), Cell(revenue, "primary-manager"));
        Assert.Equal(("None", "Attention", "/Coverage"), Cell(revenue, "backup-manager"));
        Assert.Equal(("1", "Concern", $"/Portfolio?agencyId={app.Ids.Revenue}&health=OffTrack"), Cell(revenue, "initiatives-off-track"));
        Assert.Equal(("1", "Attention", $"/Portfolio?agencyId={app.Ids.Revenue}&health=AtRisk"), Cell(revenue, "initiatives-at-risk"));
        Assert.Equal("1", Cell(revenue, "quick-wins-quarter").Text);
        Assert.Equal(("Never", "Concern"), (Cell(revenue, "days-since-interaction").Text, Cell(revenue, "days-since-interaction").Level));

        var health = Row(board, "LDH");
        Assert.Equal(("None", "Concern", "/Coverage"), Cell(health, "primary-manager"));
        Assert.Equal(("3", "Good", $"/Interactions?agencyId={app.Ids.Health}"), Cell(health, "days-since-interaction"));
        Assert.Equal(("1", "Attention", $"/ActionItems?agencyId={app.Ids.Health}&due=late"), Cell(health, "late-actions"));
        Assert.Equal(("0", "Attention"), (Cell(health, "quick-wins-quarter").Text, Cell(health, "quick-wins-quarter").Level));

        // The lists behind the figures show the same numbers.
        var late = await executive.GetJsonAsync($"/api/v1/action-items?agencyId={app.Ids.Health}&due=late");
        Assert.Equal(1, late.GetProperty("totalCount").GetInt32());
        var offTrack = await executive.GetJsonAsync($"/api/v1/initiatives?agencyId={app.Ids.Revenue}&health=OffTrack");
        Assert.Equal(1, offTrack.GetProperty("totalCount").GetInt32());
    }

    [Fact]
    public async Task It_sorts_by_a_signal_and_filters_by_manager_and_department()
    {
        using var executive = await app.ApiAsync(TestData.Executive);
        // By the primary manager's name: "Mona Manager" before "None" (every agency without a manager), and after it reversed.
        async Task<List<string?>> OrderAsync(string query) => (await executive.GetJsonAsync("/api/v1/scoreboard?" + query)).GetProperty("rows")
            .EnumerateArray().Select(r => r.GetProperty("acronym").GetString()).ToList();
        Assert.Equal("LDR", (await OrderAsync("sort=primary-manager"))[0]);
        var reversed = await OrderAsync("sort=primary-manager&desc=true");
        Assert.Equal("LDR", reversed[^1]);
        Assert.True(reversed.IndexOf("LDH") < reversed.IndexOf("LDR"));

        var board = await executive.GetJsonAsync("/api/v1/scoreboard");
        var mona = board.GetProperty("managers").EnumerateArray().Single(m => m.GetProperty("name").GetString() == "Mona Manager").GetProperty("id").GetInt32();
        var theirs = (await executive.GetJsonAsync($"/api/v1/scoreboard?managerUserId={mona}")).GetProperty("rows").EnumerateArray()
            .Select(r => r.GetProperty("acronym").GetString()).ToList();
        Assert.Equal(["LDR"], theirs);

        using var admin = await app.ApiAsync(TestData.Admin);
        var revenue = await admin.GetJsonAsync($"/api/v1/agencies/{app.Ids.Revenue}");
        (await admin.PutJsonAsync($"/api/v1/agencies/{app.Ids.Revenue}", new
        {
            name = revenue.GetProperty("name").GetString(),
            acronym = "LDR",
            parentDepartment = "Finance Cluster",
            version = revenue.GetProperty("version").GetInt32(),
        })).EnsureSuccessStatusCode();
        var finance = (await executive.GetJsonAsync("/api/v1/scoreboard?department=finance%20cluster")).GetProperty("rows").EnumerateArray()
            .Select(r => r.GetProperty("acronym").GetString()).ToList();
        Assert.Equal(["LDR"], finance);
        Assert.Contains("Finance Cluster", (await executive.GetJsonAsync("/api/v1/scoreboard")).GetProperty("departments").EnumerateArray().Select(d => d.GetString()));

        var csv = await executive.GetStringAsync($"/api/v1/scoreboard/export?managerUserId={mona}");
        var lines = csv.TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("Agency,Acronym,Department,Primary manager,Primary manager (level),Backup,Backup (level),Contacts overdue", lines[0], StringComparison.Ordinal);
        Assert.Equal(2, lines.Length);
        Assert.StartsWith("Department of Revenue,LDR,Finance Cluster,Mona Manager,Good,None,Attention,", lines[1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Agency_users_are_refused_and_executives_start_on_it()
    {
        using var agencyUser = await app.ApiAsync(TestData.RevenueUser);
        Assert.Equal(HttpStatusCode.Forbidden, (await agencyUser.GetAsync("/api/v1/scoreboard")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await agencyUser.GetAsync("/api/v1/scoreboard/export")).StatusCode);
        var session = await app.SignedInAsync(TestData.RevenueUser);
        var refused = await session.GetRawAsync("/Scoreboard");
        Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
        Assert.Contains("/Account/AccessDenied", refused.Headers.Location!.OriginalString, StringComparison.Ordinal);

        var executive = await app.SignedInAsync(TestData.Executive);
        var home = await executive.GetAsync("/");
        Assert.Equal("https://localhost/Scoreboard", home.Url);
        Assert.Contains("Agency scoreboard", home.Text, StringComparison.Ordinal);
        Assert.NotNull(home.Document.QuerySelector("th[aria-sort] a.liaison-sort"));

        var manager = await app.SignedInAsync(TestData.Manager);
        Assert.Equal("https://localhost/", (await manager.GetAsync("/")).Url);
    }

    [Fact]
    public async Task Twenty_agencies_are_read_in_as_many_queries_as_two()
    {
        var texts = new List<string>();
        async Task<int> CountAsync()
        {
            await using var scope = app.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<LiaisonDbContext>();
            var read = scope.ServiceProvider.GetRequiredService<ReadScoreboard>();
            // The scoreboard reads as the executive would: the test's scope signs nobody in, so it runs as the system.
            app.Commands.Watch(db);
            Assert.True((await read.HandleAsync(new ScoreboardQuery(), CancellationToken.None)).IsOk);
            texts.Add(app.Commands.Texts);
            return app.Commands.Count;
        }

        await CountAsync();
        var before = await CountAsync();
        texts.RemoveAt(0);
        using var admin = await app.ApiAsync(TestData.Admin);
        for (var i = 0; i < 18; i++)
            (await admin.PostAsJsonAsync("/api/v1/agencies", new { name = $"Scoreboard agency {i:D2}", acronym = $"SA{i:D2}" })).EnsureSuccessStatusCode();
        await using (var scope = app.Services.CreateAsyncScope())
            Assert.True(await scope.ServiceProvider.GetRequiredService<LiaisonDbContext>().Agencies.CountAsync(a => a.IsActive) >= 20);
        // The first reading after the saves re-reads the cached settings row; the second is the scoreboard's own cost.
        await CountAsync();
        texts.RemoveAt(1);
        var after = await CountAsync();
        Assert.True(before == after, $"{before} commands for 2 agencies, {after} for 20:\n{texts[0]}\n=====\n{texts[1]}");
        // The kept figures' table is read first; none is current here (nothing counted them), so every agency is counted live.
        // Surveys add two kinds: the latest published results (a second query reads their answers when there are any) and follow-ups.
        Assert.InRange(before, 3, 15);
    }

    [Fact]
    public async Task The_month_is_recorded_and_each_cell_shows_its_movement_since_last_month()
    {
        using var admin = await app.ApiAsync(TestData.Admin);
        var agency = (await admin.PostAsJsonAsync("/api/v1/agencies", new { name = "Movement agency", acronym = "MOV" })).Id();
        var thisMonth = new DateOnly(app.Today.Year, app.Today.Month, 1);
        await app.WithDbAsync(async db =>
        {
            // Last month it had two late action items and one quick win; now it has none of either. The month before,
            // every agency recorded was fine: the month is in the trend all the same, with nobody needing attention.
            db.ScoreboardMonths.AddRange(
                new ScoreboardMonth { Month = thisMonth.AddMonths(-2), AgencyId = agency, Key = "late-actions", Measure = 0, Level = HealthLevel.Good, Cell = "0" },
                new ScoreboardMonth { Month = thisMonth.AddMonths(-1), AgencyId = agency, Key = "late-actions", Measure = 2, Level = HealthLevel.Attention, Cell = "2" },
                new ScoreboardMonth { Month = thisMonth.AddMonths(-1), AgencyId = agency, Key = "quick-wins-quarter", Measure = 1, Level = HealthLevel.Good, Cell = "1" });
            await db.SaveChangesAsync();
            // As recording those months did: their trend counted with them.
            await db.RecountTrendAsync(thisMonth.AddMonths(-2), CancellationToken.None);
            await db.RecountTrendAsync(thisMonth.AddMonths(-1), CancellationToken.None);
            return 0;
        });

        int recorded;
        await using (var scope = app.Services.CreateAsyncScope())
            recorded = await scope.ServiceProvider.GetRequiredService<RecordScoreboardMonth>().HandleAsync(CancellationToken.None);
        var active = await app.WithDbAsync(db => db.Agencies.CountAsync(a => a.IsActive));
        Assert.Equal(active * 11, recorded); // no survey published yet: no satisfaction or NPS cell, but the follow-ups one
        var mine = await app.WithDbAsync(db => db.ScoreboardMonths.Where(m => m.AgencyId == agency && m.Month == thisMonth).ToListAsync());
        Assert.Equal(("None", HealthLevel.Concern), mine.Where(m => m.Key == "primary-manager").Select(m => (m.Cell, m.Level)).Single());

        using var executive = await app.ApiAsync(TestData.Executive);
        var board = await executive.GetJsonAsync("/api/v1/scoreboard");
        var row = Row(board, "MOV");
        var late = row.GetProperty("cells").GetProperty("late-actions");
        Assert.Equal(-2, late.GetProperty("change").GetDouble());
        var wins = row.GetProperty("cells").GetProperty("quick-wins-quarter");
        Assert.Equal(-1, wins.GetProperty("change").GetDouble());
        Assert.False(wins.GetProperty("higherIsWorse").GetBoolean());

        var trend = board.GetProperty("trend").EnumerateArray().ToList();
        Assert.Equal([thisMonth.AddMonths(-2).ToString("yyyy-MM-dd"), thisMonth.AddMonths(-1).ToString("yyyy-MM-dd"), thisMonth.ToString("yyyy-MM-dd")],
            trend.Select(t => t.GetProperty("month").GetString()));
        Assert.Empty(trend[0].GetProperty("needingAttention").EnumerateObject());
        Assert.Equal(1, trend[1].GetProperty("needingAttention").GetProperty("late-actions").GetInt32());
        Assert.True(trend[2].GetProperty("needingAttention").GetProperty("primary-manager").GetInt32() >= 2);

        // Recording again in the month replaces the month, it does not add to it.
        await using (var scope = app.Services.CreateAsyncScope())
            Assert.Equal(recorded, await scope.ServiceProvider.GetRequiredService<RecordScoreboardMonth>().HandleAsync(CancellationToken.None));
        Assert.Equal(recorded, await app.WithDbAsync(db => db.ScoreboardMonths.CountAsync(m => m.Month == thisMonth)));

        // Last month recorded again, with other figures (as a re-run would): this instance had kept last month's figures
        // in memory, and the movement follows the new recording all the same.
        await app.WithDbAsync(async db =>
        {
            await db.ScoreboardMonths.Where(m => m.Month == thisMonth.AddMonths(-1) && m.AgencyId == agency && m.Key == "late-actions")
                .ExecuteUpdateAsync(set => set.SetProperty(m => m.Measure, 5));
            await db.RecountTrendAsync(thisMonth.AddMonths(-1), CancellationToken.None);
            return 0;
        });
        var again = Row(await executive.GetJsonAsync("/api/v1/scoreboard"), "MOV");
        Assert.Equal(-5, again.GetProperty("cells").GetProperty("late-actions").GetProperty("change").GetDouble());

        var page = await (await app.SignedInAsync(TestData.Executive)).GetAsync("/Scoreboard");
        var cell = page.Document.QuerySelectorAll("tbody tr").Single(r => r.QuerySelector("th")!.TextContent.Contains("MOV", StringComparison.Ordinal))
            .QuerySelectorAll("td.liaison-level")[4];
        Assert.Contains("since", cell.QuerySelector(".liaison-move")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("better", cell.TextContent, StringComparison.Ordinal);
        Assert.NotNull(page.Document.GetElementById("trend-heading"));
        var chartTable = page.Document.QuerySelector("table[data-chart]")!;
        Assert.Equal(3, chartTable.QuerySelectorAll("tbody tr").Length);
        Assert.Equal(11, chartTable.QuerySelectorAll("thead th[data-series]").Length);
    }
}
