using System.Text.Json.Serialization;
using Liaison.Web.Platform.Auth;
using Liaison.Web.Platform.Calendars;
using Liaison.Web.Platform.Data;
using Liaison.Web.Platform.Operations;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.Mvc.Razor;

namespace Liaison.Web.Platform.Web;

internal static class WebSetup
{
    public static WebApplicationBuilder AddPlatformWeb(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddRazorPages(o =>
            {
                o.RootDirectory = "/Features";
            })
            .AddMvcOptions(o =>
            {
                o.Filters.Add(new QueryRules.PageFilter());
                o.MaxModelBindingCollectionSize = 10_000;
                // Validation is the use cases' (FluentValidation); MVC must not add its own "required" errors
                // or turn an emptied field into null.
                o.SuppressImplicitRequiredAttributeForNonNullableReferenceTypes = true;
                o.ModelMetadataDetailsProviders.Add(new KeepEmptyStrings());
            });
        services.Configure<RazorViewEngineOptions>(o =>
        {
            o.PageViewLocationFormats.Add("/Features/Shared/{0}" + RazorViewEngine.ViewExtension);
            o.ViewLocationFormats.Add("/Features/Shared/{0}" + RazorViewEngine.ViewExtension);
        });
        services.Configure<JsonOptions>(o =>
        {
            o.SerializerOptions.Converters.Add(new JsonStringEnumConverter());
            o.SerializerOptions.DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull;
        });
        services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        services.AddProblemDetails(o => o.CustomizeProblemDetails = c =>
        {
            c.ProblemDetails.Extensions["traceId"] = Telemetry.CorrelationId(c.HttpContext);
            c.ProblemDetails.Instance ??= c.HttpContext.Request.Path;
        });
        services.AddExceptionHandler<ApiExceptionHandler>();
        services.AddHealthChecks().AddDbContextCheck<LiaisonDbContext>("database");
        services.AddOpenApi("v1", o => o.AddDocumentTransformer<OpenApiBearerTransformer>().AddDocumentTransformer<OpenApiProblemResponses>()
            .AddOperationTransformer<OpenApiAlternativeResponses>());
        services.AddSingleton<PublicUrls>();
        services.AddScoped<CalendarFeeds>();
        // X-Forwarded-For and -Proto are believed only from the proxies named in Web:TrustedProxies (addresses or
        // networks in CIDR form); with none named, only from this machine (loopback), as ASP.NET Core does by default.
        var trusted = builder.Configuration.GetSection("Web:TrustedProxies").Get<string[]>()
            ?? (builder.Configuration["Web:TrustedProxies"] ?? "").Split([',', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        services.Configure<ForwardedHeadersOptions>(o =>
        {
            o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            if (trusted.Length > 0)
            {
                o.KnownIPNetworks.Clear();
                o.KnownProxies.Clear();
            }
            foreach (var entry in trusted)
            {
                if (System.Net.IPNetwork.TryParse(entry, out var network))
                    o.KnownIPNetworks.Add(network);
                else if (System.Net.IPAddress.TryParse(entry, out var address))
                    o.KnownProxies.Add(address);
                else
                    throw new InvalidOperationException($"Web:TrustedProxies holds \"{entry}\", which is neither an IP address nor a network like 10.0.0.0/8.");
            }
        });
        services.AddHsts(o =>
        {
            o.MaxAge = TimeSpan.FromDays(365);
            o.IncludeSubDomains = true;
        });

        // The keys that protect cookies and tokens live in the database, so a cookie one instance issued works on every
        // other with no set-up; DataProtection:KeysPath names a shared folder instead (docs/adr/0010).
        services.AddPlatformRateLimits(builder.Configuration);
        var protection = services.AddDataProtection().SetApplicationName("Liaison");
        if (builder.Configuration["DataProtection:KeysPath"] is { Length: > 0 } keys)
            protection.PersistKeysToFileSystem(new DirectoryInfo(keys));
        else
            protection.PersistKeysToDbContext<LiaisonDbContext>();
        return builder;
    }

    public static WebApplication UsePlatformWeb(this WebApplication app)
    {
        if (!app.Services.GetRequiredService<PublicUrls>().IsConfigured && !app.Environment.IsDevelopment())
        {
            app.Logger.LogWarning("Web:PublicUrl is not set: links in mail and calendar feeds point at {Url}. Set it to the address people reach Liaison at.",
                PublicUrls.DevelopmentDefault);
        }
        app.UseForwardedHeaders();
        app.UseExceptionHandler(new ExceptionHandlerOptions
        {
            ExceptionHandlingPath = "/Error",
            StatusCodeSelector = ex => ex switch
            {
                BadHttpRequestException bad => bad.StatusCode,
                UnstorableTextException => StatusCodes.Status422UnprocessableEntity,
                _ => StatusCodes.Status500InternalServerError,
            },
        });
        if (!app.Environment.IsDevelopment())
            app.UseHsts();
        app.UseSecurityHeaders();
        app.UseWhen(c => c.Request.Path.StartsWithSegments("/api"), api => api.UseStatusCodePages());
        app.UseWhen(c => !c.Request.Path.StartsWithSegments("/api"), pages => pages.UseStatusCodePagesWithReExecute("/Status/{0}"));
        app.UseMiddleware<QueryTextGuard>();
        app.UseStaticFiles();
        app.UseRouting();
        app.UseRateLimiter();
        app.UseAuthentication();
        app.UseMiddleware<Idempotency>();
        app.UseAuthorization();
        app.UseAntiforgery();

        app.MapRazorPages();
        app.MapHealthChecks("/health").AllowAnonymous();
        app.MapOpenApi("/openapi/{documentName}.json").AllowAnonymous();
        return app;
    }

    /// <summary>The root of every API route: bearer tokens only, JSON, problem details.</summary>
    /// <summary>The API's root group, with Platform's own endpoints (the calendar feeds) mapped on it.</summary>
    public static RouteGroupBuilder MapApiRoot(this WebApplication app)
    {
        var api = app.MapGroup("/api/v1").RequireAuthorization(Policies.Api).DisableAntiforgery().WithQueryRules();
        app.MapCalendarFeeds(api);
        return api;
    }
}

/// <summary>Binds an emptied text field as "", as the user sent it; the use cases decide what empty means.</summary>
internal sealed class KeepEmptyStrings : Microsoft.AspNetCore.Mvc.ModelBinding.Metadata.IDisplayMetadataProvider
{
    public void CreateDisplayMetadata(Microsoft.AspNetCore.Mvc.ModelBinding.Metadata.DisplayMetadataProviderContext context) =>
        context.DisplayMetadata.ConvertEmptyStringToNull = false;
}
