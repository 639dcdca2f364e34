using Liaison.Web.Features.Directory.Agencies;
using Liaison.Web.Features.Directory.LinesOfService;
using Liaison.Web.Features.Directory.People;
using Liaison.Web.Features.Directory.Units;
using Liaison.Web.Platform.Auth;
using Liaison.Web.Platform.Modules;
using Liaison.Web.Platform.Search;

namespace Liaison.Web.Features.Directory;

/// <summary>The directory: agencies, people, operational units and the service catalogue.</summary>
internal sealed class DirectoryModule : ILiaisonModule
{
    public void AddServices(WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddPageAlias("/Directory/Units/Edit", "Units/Create");
        services.AddPageAlias("/Directory/LinesOfService/Edit", "LinesOfService/Create");
        services.AddScoped<ListAgencies>();
        services.AddScoped<GetAgency>();
        services.AddScoped<SaveAgency>();
        services.AddScoped<ListPeople>();
        services.AddScoped<SuggestPeople>();
        services.AddScoped<SuggestAgencies>();
        services.AddScoped<GetPerson>();
        services.AddScoped<ISearchSource, AgencySearch>();
        services.AddScoped<ISearchSource, PersonSearch>();
        services.AddScoped<SavePerson>();
        services.AddScoped<ImportPeople>();
        services.AddScoped<PeopleOptions>();
        services.AddScoped<ManageUnits>();
        services.AddScoped<ManageLinesOfService>();
        services.AddScoped<IDemoSeeder, DirectoryDemo>();
    }

    public IEnumerable<MenuEntry> Menu(CurrentUser user)
    {
        if (user.IsAgencyUser && user.AgencyId is { } myAgency)
            yield return MenuEntry.Link(20, "My agency", $"/Agencies/Details/{myAgency}");
        else
            yield return MenuEntry.Link(20, "Agencies", "/Agencies");
        yield return MenuEntry.Link(50, "People", "/People");
        yield return MenuEntry.Group(60, "Service catalogue", new("Lines of service", "/LinesOfService"), new("Operational units", "/Units"));
    }

    public void MapApi(RouteGroupBuilder api) =>
        api.MapAgenciesApi().MapPeopleApi().MapUnitsApi().MapLinesOfServiceApi();
}
