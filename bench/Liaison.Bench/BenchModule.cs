using Liaison.Web.Platform.Auth;
using Liaison.Web.Platform.Data;
using Liaison.Web.Platform.Modules;

namespace Liaison.Bench;

/// <summary>
/// What the benchmark adds to Liaison: the seed-benchmark command (<see cref="BenchmarkData"/>), the yardstick page
/// (/Bench/Minimal, in Features/Bench), and the save hook that keeps the bulk loader's synthetic rows out of the trail.
/// </summary>
internal sealed class BenchModule : ILiaisonModule
{
    public void AddServices(WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<ICommandLineTool, BenchmarkData>();
        builder.Services.AddSingleton<BulkLoad>();
        builder.Services.AddSingleton<ISaveHook>(s => s.GetRequiredService<BulkLoad>());
    }

    public void MapApi(RouteGroupBuilder api)
    {
    }

    public IEnumerable<MenuEntry> Menu(CurrentUser user) => [];
}

/// <summary>
/// Set by the bulk loader while it writes: rows it writes are synthetic and would only bury the audit trail. Only the
/// seed-benchmark command, a process of its own, ever sets it.
/// </summary>
internal sealed class BulkLoad : ISaveHook
{
    public bool Active { get; set; }

    public Task<bool> BeforeSaveAsync(LiaisonDbContext db, CancellationToken ct) => Task.FromResult(false);

    public bool Audits(LiaisonDbContext db) => !Active;
}
