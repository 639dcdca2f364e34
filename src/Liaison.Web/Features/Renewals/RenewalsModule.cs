using Liaison.Web.Features.Renewals.Procurement;
using Liaison.Web.Features.Renewals.Vendors;
using Liaison.Web.Platform.Auth;
using Liaison.Web.Platform.Calendars;
using Liaison.Web.Platform.Jobs;
using Liaison.Web.Platform.Modules;
using Liaison.Web.Platform.Notifications;
using Liaison.Web.Platform.Search;

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
        services.AddScoped<RenewalNames>();
        services.AddScoped<IAgencyHealthContributor, RenewalsAgencyHealth>();
        services.AddScoped<IMyWorkSource, RenewalsDueSource>();
        services.AddScoped<IDemoSeeder, RenewalsDemo>();
        services.AddScoped<ISearchSource, VendorSearch>();
        services.AddScoped<ISearchSource, RenewalSearch>();
        services.AddScoped<ISearchSource, ProcurementSearch>();
        services.AddScoped<IAgencySection, Procurement.AgencyProcurementSection>();
        services.AddSingleton<ISaveHook, ProcurementNotifications>();
        services.AddScoped<IDigestSource, RenewalDigest>();
        services.AddScoped<ICalendarSource, RenewalsCalendarSource>();
        services.AddScoped<RenewalCalendar>();
        services.AddScoped<EndedTerms>();
        services.AddScoped<ImportRenewals>();
        services.AddScoped<ManageProcurement>();
        services.AddScoped<RenewalSpend>();
        services.AddRecurringJob<RenewalsJob>("renewals", TimeSpan.FromMinutes(builder.Configuration.GetValue("Renewals:CheckMinutes", 60.0)));
    }

    public IEnumerable<MenuEntry> Menu(CurrentUser user)
    {
        if (user.IsProviderUser)
            yield return MenuEntry.Link(45, "Renewals", "/Renewals"); // the vendors, the calendar, procurement: buttons on the log
        else if (user.IsAgencyUser)
            yield return MenuEntry.Link(45, "Procurement", "/Procurement"); // an agency's own requests
    }

    public void MapApi(RouteGroupBuilder api) => api.MapRenewalsApi().MapProcurementApi();
}
