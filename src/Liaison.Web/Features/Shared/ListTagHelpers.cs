using System.Text.Encodings.Web;
using Liaison.Web.Platform.Web;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;
using Microsoft.AspNetCore.WebUtilities;

namespace Liaison.Web.Features.Shared;

internal static class QueryLinks
{
    /// <summary>The current URL with some query values replaced (null removes one).</summary>
    public static string With(HttpRequest request, params (string Key, string? Value)[] changes)
    {
        var query = QueryHelpers.ParseQuery(request.QueryString.Value)
            .ToDictionary(q => q.Key, q => (string?)q.Value.ToString(), StringComparer.OrdinalIgnoreCase);
        foreach (var (key, value) in changes)
        {
            if (value is null)
                query.Remove(key);
            else
                query[key] = value;
        }
        return QueryHelpers.AddQueryString(request.PathBase + request.Path, query.Where(q => !string.IsNullOrEmpty(q.Value)));
    }
}

/// <summary>
/// A sortable column heading: <c>&lt;th liaison-sort="name"&gt;Name&lt;/th&gt;</c> links to the list
/// sorted by that column (again to reverse it) and tells assistive technology how it is sorted.
/// </summary>
[HtmlTargetElement("th", Attributes = "liaison-sort")]
// Public: Razor only discovers public tag helpers.
public sealed class SortHeaderTagHelper : TagHelper
{
    [HtmlAttributeName("liaison-sort")]
    public string Key { get; set; } = "";

    /// <summary>The sort the list uses when none is asked for.</summary>
    [HtmlAttributeName("liaison-default")]
    public bool IsDefault { get; set; }

    /// <summary>Whether the list runs in descending order when none is asked for (newest first).</summary>
    [HtmlAttributeName("liaison-default-desc")]
    public bool DefaultDescending { get; set; }

    [ViewContext]
    [HtmlAttributeNotBound]
    public ViewContext ViewContext { get; set; } = null!;

    public override async Task ProcessAsync(TagHelperContext context, TagHelperOutput output)
    {
        var request = ViewContext.HttpContext.Request;
        var current = request.Query["sort"].ToString();
        var asked = request.Query["desc"].ToString();
        // The direction the list itself applied: the one asked for, else the list's own default.
        var desc = asked.Length > 0 ? string.Equals(asked, "true", StringComparison.OrdinalIgnoreCase) : DefaultDescending;
        var active = current == Key || (current.Length == 0 && IsDefault);
        var label = (await output.GetChildContentAsync()).GetContent();
        output.Attributes.SetAttribute("scope", "col");
        if (active)
            output.Attributes.SetAttribute("aria-sort", desc ? "descending" : "ascending");
        // Selecting the active column reverses it; another column starts ascending (said outright where the default is not).
        var next = active ? (desc ? "false" : "true") : (DefaultDescending ? "false" : null);
        var href = QueryLinks.With(request, ("sort", Key), ("desc", next == "false" && !DefaultDescending ? null : next), ("page", null));
        var state = active ? (desc ? " (sorted descending)" : " (sorted ascending)") : "";
        var arrow = active ? (desc ? " ▼" : " ▲") : "";
        output.Content.SetHtmlContent(
            $"<a href=\"{HtmlEncoder.Default.Encode(href)}\" class=\"liaison-sort\">{label}<span class=\"usa-sr-only\">{state}, select to sort</span><span aria-hidden=\"true\">{arrow}</span></a>");
    }
}

/// <summary>Breadcrumbs a page declares: <c>ViewData.Breadcrumbs(("Agencies", "/Agencies"), ("Revenue", null))</c>.</summary>
internal static class Breadcrumbs
{
    private const string Key = "Breadcrumbs";

    public static void SetBreadcrumbs(this ViewDataDictionary viewData, params (string Text, string? Href)[] crumbs) => viewData[Key] = crumbs;

    public static (string Text, string? Href)[] GetBreadcrumbs(this ViewDataDictionary viewData) =>
        viewData[Key] as (string Text, string? Href)[] ?? [];
}

/// <summary>Options for a filter's select: the values a query string carries.</summary>
internal static class Options
{
    public static IEnumerable<SelectListItem> Status(string activeLabel = "Active", string inactiveLabel = "Inactive") =>
    [
        new(activeLabel, "active"),
        new(inactiveLabel, "inactive"),
        new("All", "all"),
    ];

    public static IEnumerable<SelectListItem> Of(IEnumerable<NamedRef> refs) =>
        refs.Select(r => new SelectListItem(r.Name, r.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)));
}

internal static class SelectLists
{
    /// <summary>Marks the option whose value is <paramref name="current"/> as selected.</summary>
    public static List<SelectListItem> Selecting(this IEnumerable<SelectListItem> items, object? current)
    {
        var value = current switch
        {
            null => "",
            bool b => b ? "true" : "false",
            IFormattable f => f.ToString(null, System.Globalization.CultureInfo.InvariantCulture),
            _ => current.ToString() ?? "",
        };
        return items.Select(i => new SelectListItem(i.Text, i.Value, string.Equals(i.Value, value, StringComparison.OrdinalIgnoreCase)) { Group = i.Group }).ToList();
    }

    /// <summary>Items set out under group headings (for instance lines of service under their unit).</summary>
    public static List<SelectListItem> Grouped<T>(IEnumerable<T> items, Func<T, string> group, Func<T, int> id, Func<T, string> text)
    {
        var groups = new Dictionary<string, SelectListGroup>();
        return items.Select(i =>
        {
            var name = group(i);
            if (!groups.TryGetValue(name, out var g))
                groups[name] = g = new SelectListGroup { Name = name };
            return new SelectListItem(text(i), id(i).ToString(System.Globalization.CultureInfo.InvariantCulture)) { Group = g };
        }).ToList();
    }
}
