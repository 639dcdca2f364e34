using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Liaison.Web.Platform.Web;

/// <summary>How pages and the API turn a use case's <see cref="Result{T}"/> into what the user sees.</summary>
internal static class ResultTranslation
{
    /// <summary>Puts field errors next to the fields of a form whose input is bound under <paramref name="prefix"/>.</summary>
    public static void AddErrors(this ModelStateDictionary modelState, IReadOnlyDictionary<string, string[]> errors, string prefix = "Input")
    {
        foreach (var (field, messages) in errors)
        {
            var key = field.Length == 0 ? "" : prefix.Length == 0 ? field : $"{prefix}.{field}";
            foreach (var message in messages)
                modelState.AddModelError(key, message);
        }
    }

    /// <summary>The API's answer for a failed result, as RFC 9457 problem details.</summary>
    public static IResult Problem<T>(this Result<T> result) => result.Status switch
    {
        ResultStatus.Invalid => Results.ValidationProblem(
            result.Errors.ToDictionary(e => CamelCase(e.Key), e => e.Value),
            detail: "The request was understood but some values are not acceptable; see errors.",
            statusCode: StatusCodes.Status422UnprocessableEntity,
            title: "Some fields need attention",
            type: "https://www.rfc-editor.org/rfc/rfc9110#section-15.5.21"),
        ResultStatus.NotFound => TypedResults.Problem(title: "Not found", detail: "There is no such record, or it is not yours to see.", statusCode: 404),
        ResultStatus.Forbidden => TypedResults.Problem(title: "Forbidden", detail: "Your role does not allow this operation.", statusCode: 403),
        ResultStatus.Conflict => TypedResults.Problem(
            title: "The record was changed by someone else",
            detail: $"Your version is out of date; the current version is {result.Conflict!.CurrentVersion}. Fetch the record, reapply your change and send it again.",
            statusCode: 409,
            extensions: new Dictionary<string, object?>
            {
                ["currentVersion"] = result.Conflict.CurrentVersion,
                ["changedBy"] = result.Conflict.ChangedBy,
                ["changedAt"] = result.Conflict.ChangedAt,
                ["fields"] = result.Conflict.Fields.Select(f => new { field = CamelCase(f.Field), saved = f.Saved, yours = f.Yours }).ToList(),
            }),
        _ => throw new InvalidOperationException("A successful result has no problem."),
    };

    /// <summary>Answers the value (with its version as ETag) or the problem.</summary>
    public static IResult ToApi<T, TDto>(this Result<T> result, Func<T, TDto> map, Func<TDto, string>? location = null, Func<TDto, int>? version = null)
    {
        if (!result.IsOk)
            return result.Problem();
        var dto = map(result.Value!);
        IResult answer = location is null ? TypedResults.Ok(dto) : TypedResults.Created(location(dto), dto);
        return version is null ? answer : new WithETag(answer, version(dto));
    }

    public static string CamelCase(string name) => JsonNamingPolicy.CamelCase.ConvertName(name);

    /// <summary>Adds an ETag carrying the record's version, the value If-Match sends back.</summary>
    internal sealed class WithETag(IResult inner, int version) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext)
        {
            httpContext.Response.Headers.ETag = $"\"{version}\"";
            return inner.ExecuteAsync(httpContext);
        }
    }

    /// <summary>
    /// The version an API update was made against: If-Match ("3" or W/"3"), else the body's version
    /// field. Null when neither was sent.
    /// </summary>
    public static int? RequestedVersion(HttpContext context, int? bodyVersion)
    {
        var ifMatch = context.Request.Headers.IfMatch.ToString();
        if (ifMatch.Length > 0)
        {
            var raw = ifMatch.Trim();
            if (raw.StartsWith("W/", StringComparison.Ordinal))
                raw = raw[2..];
            return int.TryParse(raw.Trim('"'), out var version) ? version : -1;
        }
        return bodyVersion;
    }

    /// <summary>
    /// Sets the input's version to the one the update was made against (see <see cref="RequestedVersion"/>); answers the
    /// 428 problem to return when none was sent, null otherwise.
    /// </summary>
    public static IResult? RequireVersion(HttpContext context, IVersionedInput input)
    {
        if (RequestedVersion(context, input.Version) is not { } version)
            return VersionRequired();
        input.Version = version;
        return null;
    }

    public static ProblemHttpResult VersionRequired() => TypedResults.Problem(
        title: "A version is required",
        detail: "Send the version you are updating, as If-Match: \"<version>\" or a version field, so a concurrent change is never overwritten.",
        statusCode: StatusCodes.Status428PreconditionRequired);
}
