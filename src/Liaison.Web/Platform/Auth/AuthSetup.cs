using Liaison.Web.Platform.Data;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Liaison.Web.Platform.Auth;

internal static class Policies
{
    /// <summary>API endpoints: bearer tokens only, so no cookie can be replayed by another site.</summary>
    public const string Api = "Api";
    public const string Administrator = "Administrator";
    public const string ProviderUser = "ProviderUser";
}

internal static class AuthSetup
{
    public const int MaxFailedAccessAttempts = 5;

    public static WebApplicationBuilder AddPlatformAuth(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        // Secure cookies everywhere but in development, where `dotnet run` serves plain http://localhost:5080.
        var secure = Enum.TryParse<CookieSecurePolicy>(builder.Configuration["Security:CookieSecurePolicy"], out var configured)
            ? configured
            : builder.Environment.IsDevelopment() ? CookieSecurePolicy.SameAsRequest : CookieSecurePolicy.Always;
        services.AddHttpContextAccessor();
        services.AddScoped<CurrentUser>();
        services.AddScoped<AccessRule>();
        services.AddScoped<PasswordCheck>();

        services.AddIdentity<User, Role>(options =>
            {
                options.Password.RequiredLength = 12;
                options.Password.RequireDigit = true;
                options.Password.RequireLowercase = true;
                options.Password.RequireUppercase = true;
                options.Password.RequireNonAlphanumeric = false;
                options.Password.RequiredUniqueChars = 4;
                options.Lockout.MaxFailedAccessAttempts = MaxFailedAccessAttempts;
                options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                options.Lockout.AllowedForNewUsers = true;
                options.User.RequireUniqueEmail = true;
                options.SignIn.RequireConfirmedAccount = false;
            })
            .AddEntityFrameworkStores<LiaisonDbContext>()
            .AddDefaultTokenProviders()
            .AddTokenProvider<ForgottenPasswordTokenProvider>(ForgottenPasswordTokenProvider.ProviderName)
            .AddSignInManager<LiaisonSignInManager>()
            .AddClaimsPrincipalFactory<LiaisonClaimsFactory>();

        // A disabled user's cookie is re-checked against the database at most this long after the change.
        services.Configure<SecurityStampValidatorOptions>(o => o.ValidationInterval = TimeSpan.FromSeconds(30));
        // Browser sessions live in the database: signing out ends them everywhere at once.
        services.AddSingleton<SessionStore>();
        services.AddSingleton<IPostConfigureOptions<Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationOptions>, SessionStore.Setup>();

        services.ConfigureApplicationCookie(o =>
        {
            o.Cookie.Name = "liaison.auth";
            o.Cookie.HttpOnly = true;
            o.Cookie.SecurePolicy = secure;
            o.Cookie.SameSite = SameSiteMode.Lax;
            o.LoginPath = "/Account/Login";
            o.LogoutPath = "/Account/Logout";
            o.AccessDeniedPath = "/Account/AccessDenied";
            o.ExpireTimeSpan = TimeSpan.FromHours(8);
            o.SlidingExpiration = true;
        });
        foreach (var scheme in new[] { IdentityConstants.TwoFactorUserIdScheme, IdentityConstants.TwoFactorRememberMeScheme, IdentityConstants.ExternalScheme })
        {
            services.Configure<Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationOptions>(scheme, o =>
            {
                o.Cookie.HttpOnly = true;
                o.Cookie.SecurePolicy = secure;
                o.Cookie.SameSite = SameSiteMode.Lax;
            });
        }
        services.AddAntiforgery(o =>
        {
            o.Cookie.Name = "liaison.af";
            o.Cookie.SecurePolicy = secure;
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Strict;
        });
        services.Configure<Microsoft.AspNetCore.Mvc.CookieTempDataProviderOptions>(o =>
        {
            o.Cookie.Name = "liaison.msg";
            o.Cookie.SecurePolicy = secure;
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Lax;
        });

        services.AddAuthentication()
            .AddScheme<AuthenticationSchemeOptions, BearerTokenHandler>(BearerTokenHandler.SchemeName, null);

        services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build())
            .AddPolicy(Policies.Api, p => p.AddAuthenticationSchemes(BearerTokenHandler.SchemeName).RequireAuthenticatedUser())
            .AddPolicy(Policies.Administrator, p => p.RequireRole(Roles.Administrator))
            .AddPolicy(Policies.ProviderUser, p => p.RequireRole(Roles.Administrator, Roles.Executive, Roles.RelationshipManager, Roles.ProviderStaff));
        return builder;
    }
}
