using Liaison.Web.Platform.Data;
using Liaison.Web.Platform.Modules;
using Liaison.Web.Platform.Web;

namespace Liaison.Web.Platform;

/// <summary>
/// Builds and runs Liaison with the modules it is given: the application's Program.cs passes the product's modules; the
/// benchmark's host (bench/Liaison.Bench) passes the same ones plus its own, so benchmark-only code stays out of the product.
/// </summary>
internal static class LiaisonHost
{
    public static async Task RunAsync(string[] args, IReadOnlyList<ILiaisonModule> modules)
    {
        var (arguments, demo) = PlatformSetup.ReadLaunchArguments(args);
        var builder = WebApplication.CreateBuilder(arguments);
        builder.AddPlatform(demo);
        builder.AddModules([.. modules]);

        var app = builder.Build();
        if (await Commands.TryRunMaintenanceAsync(app, arguments))
            return;
        await app.PrepareDatabaseAsync();
        if (await Commands.TryRunAsync(app, arguments))
            return;

        app.UsePlatformWeb();
        app.MapModules(app.MapApiRoot());
        await app.RunAsync();
    }
}
