using Liaison.Web.Platform.Data;
using Liaison.Web.Platform.Operations;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;

namespace Liaison.Web.Platform.Web;

/// <summary>
/// Errors in the API answer as problem details: a malformed body is a 400 saying what could not be
/// read; anything unexpected is a 500 with a correlation id and no stack trace. Pages fall through
/// to the error page, which shows the same id.
/// </summary>
internal sealed class ApiExceptionHandler(IProblemDetailsService problems, ILogger<ApiExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken cancellationToken)
    {
        // By now the middleware has pointed the request at the error page; the feature keeps the original path.
        var path = context.Features.Get<IExceptionHandlerPathFeature>()?.Path ?? context.Request.Path.Value ?? "";
        if (!path.StartsWith("/api/", StringComparison.OrdinalIgnoreCase))
            return false;

        var (status, title, detail) = exception switch
        {
            BadHttpRequestException bad => (bad.StatusCode, "The request could not be read", bad.Message),
            UnstorableTextException => (StatusCodes.Status422UnprocessableEntity, "Some text cannot be stored",
                "A text field holds a control character. Remove it and send the request again."),
            _ => (StatusCodes.Status500InternalServerError, "Something went wrong on our side",
                "The error has been logged. Quote the correlation id when you report it."),
        };
        // The same id the problem answers with (traceId), so an operator finds this line from what the user quotes.
        if (status >= 500)
            logger.LogError(exception, "Unhandled API error on {Path}; traceId {TraceId}", path, Telemetry.CorrelationId(context));
        context.Response.StatusCode = status;
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            Exception = exception,
            ProblemDetails = new ProblemDetails { Status = status, Title = title, Detail = detail, Instance = path },
        });
    }
}
