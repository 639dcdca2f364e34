using Liaison.Web.Features.Agencies;
using Liaison.Web.Features.Demo;
using Liaison.Web.Features.LinesOfService;
using Liaison.Web.Features.People;
using Liaison.Web.Features.Units;

namespace Liaison.Web.Features;

/// <summary>The directory: agencies, people, operational units and the service catalogue.</summary>
internal static class DirectoryModule
{
    public static WebApplicationBuilder AddDirectory(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddScoped<ListAgencies>();
        services.AddScoped<GetAgency>();
        services.AddScoped<SaveAgency>();
        services.AddScoped<ListPeople>();
        services.AddScoped<GetPerson>();
        services.AddScoped<SavePerson>();
        services.AddScoped<ImportPeople>();
        services.AddScoped<PeopleOptions>();
        services.AddScoped<ManageUnits>();
        services.AddScoped<ManageLinesOfService>();
        services.AddScoped<DemoData>();
        services.AddScoped<BenchmarkData>();
        return builder;
    }

    public static RouteGroupBuilder MapDirectoryApi(this RouteGroupBuilder api) =>
        api.MapAgenciesApi().MapPeopleApi().MapUnitsApi().MapLinesOfServiceApi();
}
