using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Liaison.Web.Features;

/// <summary>What a person sees when something fails on our side: an apology and a correlation id, never a stack trace.</summary>
[AllowAnonymous]
[IgnoreAntiforgeryToken]
[ResponseCache(Duration = 0, Location = ResponseCacheLocation.None, NoStore = true)]
internal sealed class ErrorModel(ILogger<ErrorModel> logger) : PageModel
{
    public string CorrelationId { get; private set; } = "";

    public void OnGet() => Describe();

    public void OnPost() => Describe();

    private void Describe()
    {
        CorrelationId = Platform.Operations.Telemetry.CorrelationId(HttpContext);
        var failure = HttpContext.Features.Get<Microsoft.AspNetCore.Diagnostics.IExceptionHandlerPathFeature>();
        if (failure?.Error is { } error)
            logger.LogError(error, "Unhandled error on {Path}; correlation id {CorrelationId}", failure.Path, CorrelationId);
    }
}
