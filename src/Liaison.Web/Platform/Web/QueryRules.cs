using System.Reflection;
using Microsoft.AspNetCore.Mvc.Filters;

namespace Liaison.Web.Platform.Web;

/// <summary>
/// The rules every input obeys (<see cref="InputRules"/>), applied to what a list or a summary is asked for: its query
/// record (<see cref="IListQuery"/>) and plain date parameters such as a period's from and to. The API answers 422 with
/// the parameter named; a page drops the refused filter, says why above the content and shows the rest.
/// </summary>
internal static class QueryRules
{
    public const string PageErrorsKey = "Liaison.QueryErrors";

    private static bool Applies(Type type) =>
        typeof(IListQuery).IsAssignableFrom(type) || Nullable.GetUnderlyingType(type) is { } inner && Applies(inner)
        || type == typeof(DateOnly) || type == typeof(DateTime) || type == typeof(DateTimeOffset);

    /// <summary>What is wrong with one parameter's value, keyed by field ("from", or "query.From" inside a record).</summary>
    private static Dictionary<string, string[]> Check(string name, object? value) => value switch
    {
        null => [],
        IListQuery query => InputRules.Check(query),
        _ => InputRules.IsDateInRange(value) ? [] : new() { [name] = [InputRules.DateRangeMessage] },
    };

    /// <summary>Adds the rules to every endpoint of an API route group.</summary>
    public static RouteGroupBuilder WithQueryRules(this RouteGroupBuilder group)
    {
        group.AddEndpointFilterFactory((factory, next) =>
        {
            var checkedParameters = factory.MethodInfo.GetParameters()
                .Select((p, i) => (Parameter: p, Index: i))
                .Where(p => Applies(p.Parameter.ParameterType) && p.Parameter.GetCustomAttribute<Microsoft.AspNetCore.Mvc.FromBodyAttribute>() is null)
                .ToList();
            if (checkedParameters.Count == 0)
                return next;
            return async invocation =>
            {
                var errors = new Dictionary<string, string[]>();
                foreach (var (parameter, index) in checkedParameters)
                {
                    foreach (var (field, messages) in Check(parameter.Name ?? "", invocation.Arguments[index]))
                        errors[ResultTranslation.CamelCase(field)] = messages;
                }
                return errors.Count == 0
                    ? await next(invocation)
                    : Results.ValidationProblem(errors, title: "Some parameters need attention",
                        detail: $"Dates are between {InputRules.YearRange}; see errors.", statusCode: StatusCodes.Status422UnprocessableEntity);
            };
        });
        return group;
    }

    /// <summary>
    /// For pages: a refused parameter is dropped (a date becomes none, a query record loses the refused filter), and the
    /// reason is kept for the layout to show.
    /// </summary>
    internal sealed class PageFilter : IAsyncPageFilter
    {
        public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

        public Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
        {
            List<string>? messages = null;
            foreach (var (name, value) in context.HandlerArguments.ToList())
            {
                if (value is null || !Applies(value.GetType()))
                    continue;
                var errors = Check(name, value);
                if (errors.Count == 0)
                    continue;
                context.HandlerArguments[name] = value is IListQuery query ? Without(query, errors.Keys) : null;
                (messages ??= []).AddRange(errors.Select(e => $"{Label(e.Key)}: {string.Join(" ", e.Value)} That filter was left out."));
            }
            if (messages is not null)
                context.HttpContext.Items[PageErrorsKey] = messages;
            return next();
        }

        private static string Label(string field) => field.Length == 0 ? "" : char.ToUpperInvariant(field[0]) + field[1..];

        /// <summary>A copy of the query record without the refused properties (a record's copy constructor, then its init setters).</summary>
        private static object Without(IListQuery query, IEnumerable<string> properties)
        {
            var type = query.GetType();
            var copy = type.GetMethod("<Clone>$")?.Invoke(query, null) ?? query;
            foreach (var name in properties)
            {
                if (type.GetProperty(name) is { CanWrite: true } property && (!property.PropertyType.IsValueType || Nullable.GetUnderlyingType(property.PropertyType) is not null))
                    property.SetValue(copy, null);
            }
            return copy;
        }
    }
}
