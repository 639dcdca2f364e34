namespace Liaison.Web.Platform.Web;

/// <summary>
/// Refuses, before anything reads it, a query string whose names or values hold a control character (a tab aside): a
/// search or filter with U+0000 in it would otherwise reach PostgreSQL, which cannot take it. Nothing Liaison links to
/// has one, so the answer is a plain 400 naming the parameter: problem details for the API, the status page otherwise.
/// Bodies are checked field by field by <see cref="InputRules"/>.
/// </summary>
internal sealed class QueryTextGuard(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext context)
    {
        foreach (var (name, values) in context.Request.Query)
        {
            var problem = InputRules.TextProblem(name, multiLine: false)
                ?? values.Select(v => InputRules.TextProblem(v, multiLine: false)).FirstOrDefault(p => p is not null);
            if (problem is null)
                continue;
            var field = InputRules.Printable(name) ?? "";
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            if (context.Request.Path.StartsWithSegments("/api"))
            {
                await Results.ValidationProblem(new Dictionary<string, string[]> { [field] = [problem] },
                    title: "The address holds a character that is not text", statusCode: StatusCodes.Status400BadRequest).ExecuteAsync(context);
            }
            return;
        }
        await next(context);
    }
}
