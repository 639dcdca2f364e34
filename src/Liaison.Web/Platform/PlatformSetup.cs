using Liaison.Web.Platform.Auth;
using Liaison.Web.Platform.Data;
using Liaison.Web.Platform.Email;
using Liaison.Web.Platform.ImportExport;
using Liaison.Web.Platform.Jobs;
using Liaison.Web.Platform.Operations;
using Liaison.Web.Platform.Web;

namespace Liaison.Web.Platform;

internal static class PlatformSetup
{
    /// <summary>Removes the --demo shorthand from the arguments and turns it into Demo:Enabled=true.</summary>
    public static (string[] Args, bool Demo) ReadLaunchArguments(string[] args) =>
        (args.Where(a => a != "--demo").ToArray(), args.Contains("--demo"));

    public static WebApplicationBuilder AddPlatform(this WebApplicationBuilder builder, bool demo)
    {
        if (demo)
            builder.Configuration["Demo:Enabled"] = "true";
        builder.AddPlatformTelemetry();
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<Time.OrganisationClock>();
        builder.Services.AddMemoryCache();
        builder.Services.AddScoped<PendingImports>();
        builder.Services.AddScoped<DerivedCache>();
        builder.Services.AddScoped<ListCounts>();
        builder.Services.AddScoped<Notifications.NotificationBell>();
        builder.AddPlatformData();
        builder.AddPlatformAuth();
        builder.AddPlatformWeb();
        builder.AddPlatformEmail();
        builder.AddPlatformJobs();
        return builder;
    }
}
