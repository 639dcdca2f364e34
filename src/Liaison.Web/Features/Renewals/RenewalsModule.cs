using Liaison.Web.Features.Renewals.Vendors;
using Liaison.Web.Platform.Auth;
using Liaison.Web.Platform.Modules;

namespace Liaison.Web.Features.Renewals;

/// <summary>
/// Renewals and procurement (PRODUCT.md's fifth module, the IT Renewal Log): vendors with their contacts and products,
/// and a renewal per product, agency and term with its last safe date. Internal to the provider.
/// </summary>
internal sealed class RenewalsModule : ILiaisonModule
{
    public void AddServices(WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddScoped<ManageVendors>();
        services.AddScoped<ManageRenewals>();
        services.AddScoped<ListRenewals>();
        services.AddScoped<IAgencyHealthContributor, RenewalsAgencyHealth>();
        services.AddScoped<IMyWorkSource, RenewalsDueSource>();
        services.AddScoped<IDemoSeeder, RenewalsDemo>();
    }

    public IEnumerable<MenuEntry> Menu(CurrentUser user)
    {
        if (user.IsProviderUser)
            yield return MenuEntry.Group(45, "Renewals", new("Renewal log", "/Renewals"), new("Vendors", "/Vendors"));
    }

    public void MapApi(RouteGroupBuilder api) => api.MapRenewalsApi();
}
