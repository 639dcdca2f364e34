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
    public static ProblemHttpResult Problem<T>(this Result<T> result) => result.Status switch
    {
        ResultStatus.Invalid => TypedResults.Problem(new HttpValidationProblemDetails(result.Errors.ToDictionary(e => CamelCase(e.Key), e => e.Value))
        {
            Detail = "The request was understood but some values are not acceptable; see errors.",
            Status = StatusCodes.Status422UnprocessableEntity,
            Title = "Some fields need attention",
            Type = "https://www.rfc-editor.org/rfc/rfc9110#section-15.5.21",
        }),
        ResultStatus.NotFound => NotFound(),
        ResultStatus.Forbidden => Forbidden("Your role does not allow this operation."),
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

    public static ProblemHttpResult NotFound() =>
        TypedResults.Problem(title: "Not found", detail: "There is no such record, or it is not yours to see.", statusCode: StatusCodes.Status404NotFound);

    public static ProblemHttpResult Forbidden(string detail) => TypedResults.Problem(title: "Forbidden", detail: detail, statusCode: StatusCodes.Status403Forbidden);

    /// <summary>A 400 naming the field (a query parameter or a multipart field) that could not be read.</summary>
    public static ProblemHttpResult BadRequest(string field, string message, string title = "One or more validation errors occurred.") =>
        TypedResults.Problem(new HttpValidationProblemDetails(new Dictionary<string, string[]> { [field] = [message] })
        {
            Status = StatusCodes.Status400BadRequest,
            Title = title,
            Type = "https://tools.ietf.org/html/rfc9110#section-15.5.1",
        });

    /// <summary>200 with the value, or the problem.</summary>
    public static Results<Ok<TDto>, ProblemHttpResult> ToOk<T, TDto>(this Result<T> result, Func<T, TDto> map) =>
        result.IsOk ? TypedResults.Ok(map(result.Value!)) : result.Problem();

    /// <summary>200 with the record and its version as ETag, or the problem.</summary>
    public static Results<VersionedOk<TDto>, ProblemHttpResult> ToVersioned<T, TDto>(this Result<T> result, Func<T, TDto> map, Func<TDto, int> version)
    {
        if (!result.IsOk)
            return result.Problem();
        var dto = map(result.Value!);
        return new VersionedOk<TDto>(dto, version(dto));
    }

    /// <summary>201 with the new record at its address, with its version as ETag, or the problem.</summary>
    public static Results<VersionedCreated<TDto>, ProblemHttpResult> ToCreated<T, TDto>(this Result<T> result, Func<T, TDto> map, Func<TDto, string> location,
        Func<TDto, int> version)
    {
        if (!result.IsOk)
            return result.Problem();
        var dto = map(result.Value!);
        return new VersionedCreated<TDto>(dto, location(dto), version(dto));
    }

    /// <summary>201 with the new entry (one without a version of its own, such as a status update), or the problem.</summary>
    public static Results<Created<TDto>, ProblemHttpResult> ToCreated<T, TDto>(this Result<T> result, Func<T, TDto> map, Func<TDto, string> location)
    {
        if (!result.IsOk)
            return result.Problem();
        var dto = map(result.Value!);
        return TypedResults.Created(location(dto), dto);
    }

    /// <summary>204, or the problem.</summary>
    public static Results<NoContent, ProblemHttpResult> ToNoContent<T>(this Result<T> result) => result.IsOk ? TypedResults.NoContent() : result.Problem();

    /// <summary>A field's name as the API's JSON spells it, each part of a path: <c>Items[2].DueOn</c> → <c>items[2].dueOn</c>.</summary>
    public static string CamelCase(string name) => string.Join('.', name.Split('.').Select(JsonNamingPolicy.CamelCase.ConvertName));

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
    public static ProblemHttpResult? RequireVersion(HttpContext context, IVersionedInput input)
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
