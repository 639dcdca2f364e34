using System.Net.Http.Json;
using Liaison.Tests.Infrastructure;
using Liaison.Web.Platform.Modules;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Liaison.Tests.Features.Reporting;

/// <summary>
/// The scoreboard reads each agency's kept figures while they are current, and never shows them once a save has touched
/// the agency, a save of no agency (a user's new name) has touched them all, or the day has turned: then it counts live.
/// </summary>
public sealed class AgencyFiguresTests(AgencyFiguresTests.App app) : IClassFixture<AgencyFiguresTests.App>
{
    /// <summary>Without the cache of derived figures, so every reading shows what the kept figures give.</summary>
    public sealed class App : LiaisonApp
    {
        protected override IEnumerable<(string Key, string Value)> Settings => [("Performance:DerivedCache", "false")];
    }

    private async Task<int> RefreshAsync()
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<RefreshAgencyFigures>().HandleAsync(CancellationToken.None);
    }

    /// <summary>Makes the kept "late action items" of an agency say <paramref name="text"/>, as if counted so: a mark only the kept path can show.</summary>
    private Task MarkKeptAsync(int agencyId, string text) => app.WithDbAsync(async db =>
    {
        var row = await db.AgencyFigures.SingleAsync(f => f.AgencyId == agencyId);
        var signals = RefreshAgencyFigures.Deserialize(row.Signals)!.Select(s => s.Key == "late-actions" ? s with { Cell = text } : s);
        var json = RefreshAgencyFigures.Serialize(signals);
        // At a version of its own, as the job would write it: a row's text never changes at one version (ADR 0017).
        await db.AgencyFigures.Where(f => f.AgencyId == agencyId).ExecuteUpdateAsync(s => s.SetProperty(f => f.Signals, json)
            .SetProperty(f => f.Version, f => f.Version + 1).SetProperty(f => f.CleanVersion, f => f.Version + 1));
    });

    private async Task<string> LateCellAsync(HttpClient api, int agencyId) =>
        (await api.GetJsonAsync("/api/v1/scoreboard")).GetProperty("rows").EnumerateArray()
            .Single(r => r.GetProperty("agencyId").GetInt32() == agencyId).GetProperty("cells").GetProperty("late-actions").GetProperty("text").GetString()!;

    [Fact]
    public async Task Kept_figures_are_shown_until_a_save_touches_their_agency()
    {
        using var executive = await app.ApiAsync(TestData.Executive);
        using var manager = await app.ApiAsync(TestData.Manager);
        Assert.True(await RefreshAsync() >= 2);
        Assert.Equal(0, await RefreshAsync()); // nothing stale: nothing counted again
        await MarkKeptAsync(app.Ids.Revenue, "kept");
        await MarkKeptAsync(app.Ids.Health, "kept");
        Assert.Equal("kept", await LateCellAsync(executive, app.Ids.Revenue));

        // A late item for Revenue: Revenue is counted live at once, Health still read from what was kept.
        (await manager.PostAsJsonAsync("/api/v1/action-items", new
        {
            agencyId = app.Ids.Revenue,
            title = "Kept figures item",
            ownerPersonId = app.Ids.RevenueContact,
            dueOn = app.Today.AddDays(-1).ToString("yyyy-MM-dd"),
        })).EnsureSuccessStatusCode();
        Assert.NotEqual("kept", await LateCellAsync(executive, app.Ids.Revenue));
        Assert.Equal("kept", await LateCellAsync(executive, app.Ids.Health));

        // Counted again, then kept until the next change.
        Assert.Equal(1, await RefreshAsync());
        var counted = await LateCellAsync(executive, app.Ids.Revenue);
        Assert.Equal(counted, await LateCellAsync(executive, app.Ids.Revenue));
    }

    [Fact]
    public async Task A_sign_in_leaves_them_but_a_managers_new_name_a_bulk_write_and_a_new_day_retire_them_all()
    {
        using var executive = await app.ApiAsync(TestData.Executive);
        await RefreshAsync();
        await MarkKeptAsync(app.Ids.Health, "kept");
        await app.SignedInAsync(TestData.Manager);
        using (await app.ApiAsync(TestData.Staff))
        {
        }
        Assert.Equal("kept", await LateCellAsync(executive, app.Ids.Health));

        // A user's name shows as a manager's: every agency is counted again.
        using var admin = await app.ApiAsync(TestData.Admin);
        await app.WithDbAsync(async db =>
        {
            var user = await db.Users.SingleAsync(u => u.Email == TestData.Staff);
            user.DisplayName = "Stan Staff-Renamed";
            await db.SaveChangesAsync();
        });
        Assert.NotEqual("kept", await LateCellAsync(executive, app.Ids.Health));

        // A write that bypasses the save pipeline says so, and retires them all too.
        await RefreshAsync();
        await MarkKeptAsync(app.Ids.Health, "kept");
        Assert.Equal("kept", await LateCellAsync(executive, app.Ids.Health));
        await app.WithDbAsync(db => db.AdvanceDataGenerationAsync(CancellationToken.None));
        Assert.NotEqual("kept", await LateCellAsync(executive, app.Ids.Health));

        // The figures count days: tomorrow, today's are not shown.
        await RefreshAsync();
        await MarkKeptAsync(app.Ids.Health, "kept");
        app.Clock.Advance(TimeSpan.FromDays(1));
        using var tomorrow = await app.ApiAsync(TestData.Executive);
        Assert.NotEqual("kept", await LateCellAsync(tomorrow, app.Ids.Health));
        Assert.True(await RefreshAsync() >= 2);
    }

    [Fact]
    public void Kept_figures_in_another_shape_are_not_read_as_figures()
    {
        Assert.Null(RefreshAgencyFigures.Deserialize("""[{"label":"Coverage","value":"x","level":0,"key":"late-actions"}]"""));
        Assert.Null(RefreshAgencyFigures.Deserialize("not json"));
        Assert.Equal("3", Assert.Single(RefreshAgencyFigures.Deserialize("""[{"k":"late-actions","t":"Late","c":"3","l":1,"m":3,"w":true}]""")!).Cell);
    }
}
