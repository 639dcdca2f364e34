using Liaison.Web.Features.Account;
using Liaison.Web.Features.Audit;
using Liaison.Web.Features.Settings;
using Liaison.Web.Features.Users;
using Liaison.Web.Platform.Auditing;

namespace Liaison.Web.Features;

/// <summary>Accounts, users, settings and the audit trail.</summary>
internal static class AdministrationModule
{
    public static WebApplicationBuilder AddAdministration(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddScoped<Tokens>();
        services.AddScoped<ManageUsers>();
        services.AddScoped<UserOptions>();
        services.AddScoped<SiteSettings>();
        services.AddScoped<UpdateSettings>();
        services.AddScoped<SearchAudit>();
        services.AddScoped<RecordHistory>();
        return builder;
    }

    public static RouteGroupBuilder MapAdministrationApi(this RouteGroupBuilder api) =>
        api.MapAccountApi().MapUsersApi().MapSettingsApi().MapAuditApi();
}
