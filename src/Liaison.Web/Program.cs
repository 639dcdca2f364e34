using Liaison.Web.Features;
using Liaison.Web.Features.Account;
using Liaison.Web.Features.Relationships;
using Liaison.Web.Platform;
using Liaison.Web.Platform.Data;
using Liaison.Web.Platform.Web;

var (arguments, demo) = PlatformSetup.ReadLaunchArguments(args);
var builder = WebApplication.CreateBuilder(arguments);
builder.AddPlatform(demo);
builder.AddDirectory();
builder.AddAdministration();
builder.AddRelationships();
builder.AddPortfolio();

var app = builder.Build();
if (await Commands.TryRunMaintenanceAsync(app, arguments))
    return;
await app.PrepareDatabaseAsync();
if (await Commands.TryRunAsync(app, arguments))
    return;

app.UsePlatformWeb();
app.MapAuthApi();
app.MapCalendarFeed();
app.MapApiRoot()
    .MapDirectoryApi()
    .MapRelationshipsApi()
    .MapPortfolioApi()
    .MapAdministrationApi();
app.Run();

/// <summary>The entry point, visible to the test host.</summary>
public partial class Program;
