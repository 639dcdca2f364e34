using System.Data.Common;
using System.Net;
using System.Net.Http.Json;
using Liaison.Tests.Infrastructure;
using Liaison.Web.Platform.Data;
using Liaison.Web.Platform.Modules;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace Liaison.Tests.Features.Platform;

/// <summary>
/// The relationship health summary is composed from every module's contributor, and each answers for a whole set of
/// agencies at once: the agency page asks for one, the state-wide scoreboard will ask for all of them.
/// </summary>
public sealed class AgencyHealthTests(CommandCountingLiaisonApp app) : IClassFixture<CommandCountingLiaisonApp>
{
    [Fact]
    public async Task Every_agencys_signals_come_from_one_query_per_kind_of_signal_and_match_each_agency_asked_alone()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LiaisonDbContext>();
        var health = scope.ServiceProvider.GetRequiredService<AgencyHealth>();
        var ids = await db.Agencies.Select(a => a.Id).ToListAsync();
        Assert.True(ids.Count >= 2);

        app.Commands.Watch(db);
        var all = await health.ForAgenciesLiveAsync(ids, CancellationToken.None);
        // Relationships: managers, cadence, last interaction, late actions; Portfolio: initiatives, quick wins, and the
        // settings' fiscal year (read through the cache of derived figures: its generation, then the row); Renewals: the
        // renewals due. However many agencies.
        Assert.True(app.Commands.Count <= 11, app.Commands.Texts); // surveys: published results and follow-ups, two kinds

        foreach (var id in ids)
            Assert.Equal((await health.ForAgenciesLiveAsync([id], CancellationToken.None))[id], all[id]);
        var revenue = all[app.Ids.Revenue].Where(s => s.Views.HasFlag(SignalViews.AgencyPage)).ToList();
        Assert.Equal(["Coverage", "Contact cadence", "Last interaction", "Action items"], revenue.Take(4).Select(s => s.Label));
        Assert.Contains(revenue, s => s.Label.StartsWith("Initiatives", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_cadence_signal_counts_what_the_stakeholder_matrix_shows()
    {
        // Rita: weekly, never touched (overdue). A second contact: monthly, met today (on track).
        using var manager = await app.ApiAsync(TestData.Manager);
        var today = app.Today.ToString("yyyy-MM-dd");
        Assert.Equal(HttpStatusCode.OK, (await manager.PutJsonAsync($"/api/v1/people/{app.Ids.RevenueContact}/stakeholder", new { frequency = "W" })).StatusCode);
        var other = (await manager.PostAsJsonAsync("/api/v1/people", new { firstName = "Cade", lastName = "Cadence", kind = "AgencyContact", agencyId = app.Ids.Revenue })).Id();
        Assert.Equal(HttpStatusCode.OK, (await manager.PutJsonAsync($"/api/v1/people/{other}/stakeholder", new { frequency = "M" })).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await manager.PostAsJsonAsync("/api/v1/interactions",
            new { agencyId = app.Ids.Revenue, occurredOn = today, kind = "Call", subject = "Check-in", attendeeIds = new[] { other } })).StatusCode);

        var matrix = (await manager.GetJsonAsync($"/api/v1/agencies/{app.Ids.Revenue}/matrix")).EnumerateArray().Select(r => r.GetProperty("cadence").GetString()).ToList();
        var tracked = matrix.Count(c => c != "NotTracked");
        var overdue = matrix.Count(c => c == "Overdue");
        Assert.Equal((2, 1), (tracked, overdue));

        var overview = await manager.GetJsonAsync($"/api/v1/agencies/{app.Ids.Revenue}/relationships");
        var cadence = overview.GetProperty("health").EnumerateArray().Single(s => s.GetProperty("label").GetString() == "Contact cadence");
        Assert.Equal($"{overdue} of {tracked} contacts overdue", cadence.GetProperty("value").GetString());
    }

    [Fact]
    public async Task The_api_gives_the_agency_pages_health_with_its_relationship()
    {
        using var api = await app.ApiAsync(TestData.Manager);
        var overview = await api.GetJsonAsync($"/api/v1/agencies/{app.Ids.Revenue}/relationships");
        var labels = overview.GetProperty("health").EnumerateArray().Select(s => s.GetProperty("label").GetString()).ToList();
        Assert.Contains("Coverage", labels);
        Assert.Contains("Contact cadence", labels);
        Assert.True(overview.GetProperty("contacts").GetArrayLength() > 0);
    }
}

/// <summary>The app with a counter of the SQL commands each DbContext runs.</summary>
public class CommandCountingLiaisonApp : LiaisonApp
{
    public CommandCounter Commands { get; } = new();

    protected override void ConfigureServices(IServiceCollection services) =>
        services.ConfigureDbContext<LiaisonDbContext>(o => o.AddInterceptors(Commands));
}

/// <summary>Counts the commands run by the one DbContext it is watching (other requests' contexts are not counted).</summary>
public sealed class CommandCounter : DbCommandInterceptor
{
    private readonly List<string> _texts = [];
    private DbContext? _watched;
    private int _count;

    public int Count => _count;

    /// <summary>The commands counted, to say which when a count is not the expected one.</summary>
    public string Texts
    {
        get
        {
            lock (_texts)
                return string.Join("\n---\n", _texts);
        }
    }

    public void Watch(DbContext context)
    {
        _watched = context;
        _count = 0;
        lock (_texts)
            _texts.Clear();
    }

    public override ValueTask<DbDataReader> ReaderExecutedAsync(DbCommand command, CommandExecutedEventData eventData, DbDataReader result,
        CancellationToken cancellationToken = default)
    {
        if (eventData.Context is { } context && ReferenceEquals(context, _watched))
        {
            Interlocked.Increment(ref _count);
            lock (_texts)
                _texts.Add(command.CommandText);
        }
        return ValueTask.FromResult(result);
    }
}
