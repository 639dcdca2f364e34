using Liaison.Web.Features.Administration;
using Liaison.Web.Features.Directory;
using Liaison.Web.Features.Portfolio;
using Liaison.Web.Features.Relationships;
using Liaison.Web.Platform;
using Liaison.Web.Platform.Data;
using Liaison.Web.Platform.Modules;
using Liaison.Web.Platform.Web;

var (arguments, demo) = PlatformSetup.ReadLaunchArguments(args);
var builder = WebApplication.CreateBuilder(arguments);
builder.AddPlatform(demo);
builder.AddModules(
    new DirectoryModule(),
    new AdministrationModule(),
    new RelationshipsModule(),
    new PortfolioModule());

var app = builder.Build();
if (await Commands.TryRunMaintenanceAsync(app, arguments))
    return;
await app.PrepareDatabaseAsync();
if (await Commands.TryRunAsync(app, arguments))
    return;

app.UsePlatformWeb();
app.MapModules(app.MapApiRoot());
app.Run();

/// <summary>The entry point, visible to the test host.</summary>
public partial class Program;
