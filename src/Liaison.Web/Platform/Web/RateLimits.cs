using System.Threading.RateLimiting;

namespace Liaison.Web.Platform.Web;

/// <summary>
/// Limits on what anyone may ask without signing in (today the "forgotten password" form): per client address, per app
/// instance (the limiter's counts are in memory, so N instances allow up to N times as much; the per-account limit of
/// one reset mail every few minutes is in the database and holds across instances). Over the limit, 429 and a page
/// that says to wait. Configured by <c>RateLimits:AnonymousFormsPerWindow</c> and <c>RateLimits:WindowMinutes</c>.
/// </summary>
internal static class RateLimits
{
    public const string AnonymousForms = "anonymous-forms";

    /// <summary>The public survey form and its opt-out: a person saves as they go, so more than a sign-in form, still per address.</summary>
    public const string SurveyForms = "survey-forms";

    public static IServiceCollection AddPlatformRateLimits(this IServiceCollection services, IConfiguration config)
    {
        var permits = Math.Max(1, config.GetValue("RateLimits:AnonymousFormsPerWindow", 20));
        var surveyPermits = Math.Max(1, config.GetValue("RateLimits:SurveyFormsPerMinute", 60));
        var window = TimeSpan.FromMinutes(Math.Clamp(config.GetValue("RateLimits:WindowMinutes", 15), 1, 24 * 60));
        return services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.AddPolicy(AnonymousForms, context => RateLimitPartition.GetFixedWindowLimiter(
                context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                _ => new FixedWindowRateLimiterOptions { PermitLimit = permits, Window = window, QueueLimit = 0 }));
            o.AddPolicy(SurveyForms, context => RateLimitPartition.GetFixedWindowLimiter(
                context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                _ => new FixedWindowRateLimiterOptions { PermitLimit = surveyPermits, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 }));
        });
    }
}
