using System.Net;
using AngleSharp;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;

namespace Liaison.Tests.Infrastructure;

/// <summary>A page as a user receives it: status, final address, and the parsed document.</summary>
public sealed class Page(HttpStatusCode status, string url, IDocument document, string html)
{
    public HttpStatusCode Status { get; } = status;

    /// <summary>The address the page was finally served from, after redirects.</summary>
    public string Url { get; } = url;
    public IDocument Document { get; } = document;
    public string Html { get; } = html;

    /// <summary>The visible text of the main content, whitespace collapsed.</summary>
    public string Text => Normalize((Document.QuerySelector("main") ?? Document.Body)?.TextContent ?? "");

    public string? Heading => Document.QuerySelector("h1") is { } h1 ? Normalize(h1.TextContent) : null;

    /// <summary>The message shown next to a field (USWDS: #id-error).</summary>
    public string? FieldError(string fieldId) => Document.QuerySelector($"#{fieldId}-error") is { } e ? Normalize(e.TextContent) : null;

    public string? ErrorSummary => Document.QuerySelector("[data-error-summary]") is { } s ? Normalize(s.TextContent) : null;

    public string? Value(string fieldId) => Document.GetElementById(fieldId) switch
    {
        IHtmlInputElement input => input.Value,
        IHtmlTextAreaElement area => area.Value,
        IHtmlSelectElement select => select.Value,
        _ => null,
    };

    public static string Normalize(string text) => string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}

/// <summary>
/// A browser-like session over the test server: keeps cookies, fills and submits forms as a user
/// would (with the antiforgery token the form carries), and follows redirects.
/// </summary>
public sealed class WebSession(HttpClient client) : IDisposable
{
    private static readonly IBrowsingContext Parser = BrowsingContext.New(Configuration.Default);

    public HttpClient Client => client;

    public async Task<Page> GetAsync(string url) => await FollowAsync(await client.GetAsync(url), url);

    public async Task<HttpResponseMessage> GetRawAsync(string url) => await client.GetAsync(url);

    /// <summary>
    /// Submits the form matched by <paramref name="formSelector"/> with its current values, changed by
    /// <paramref name="fields"/> (a null value removes a field; several values fill a checkbox list).
    /// </summary>
    public async Task<Page> SubmitAsync(Page page, IDictionary<string, object?>? fields = null, string formSelector = "main form.usa-form")
    {
        var form = page.Document.QuerySelector(formSelector) as IHtmlFormElement
            ?? throw new InvalidOperationException($"No form '{formSelector}' on {page.Url}: {page.Text[..Math.Min(300, page.Text.Length)]}");
        var values = FormValues(form);
        foreach (var (name, value) in fields ?? new Dictionary<string, object?>())
        {
            values.RemoveAll(v => v.Key == name);
            switch (value)
            {
                case null:
                    break;
                case IEnumerable<string> many:
                    values.AddRange(many.Select(v => new KeyValuePair<string, string>(name, v)));
                    break;
                default:
                    values.Add(new(name, Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture) ?? ""));
                    break;
            }
        }
        var action = form.GetAttribute("action") is { Length: > 0 } a ? a : new Uri(page.Url).PathAndQuery;
        using var content = new FormUrlEncodedContent(values);
        return await FollowAsync(await client.PostAsync(action, content), action);
    }

    /// <summary>Uploads a file through a multipart form (with the form's antiforgery token).</summary>
    public async Task<Page> UploadAsync(Page page, string fieldName, string fileName, byte[] content, string formSelector)
    {
        var form = page.Document.QuerySelector(formSelector) as IHtmlFormElement ?? throw new InvalidOperationException($"No form '{formSelector}'.");
        using var multipart = new MultipartFormDataContent();
        foreach (var (name, value) in FormValues(form))
            multipart.Add(new StringContent(value), name);
        multipart.Add(new ByteArrayContent(content), fieldName, fileName);
        var action = form.GetAttribute("action") is { Length: > 0 } a ? a : new Uri(page.Url).PathAndQuery;
        return await FollowAsync(await client.PostAsync(action, multipart), action);
    }

    public async Task SignInAsync(string email, string password)
    {
        var login = await GetAsync("/Account/Login");
        var after = await SubmitAsync(login, new Dictionary<string, object?> { ["Input.Email"] = email, ["Input.Password"] = password });
        if (after.Url.Contains("/Account/Login", StringComparison.Ordinal))
            throw new InvalidOperationException($"Could not sign in as {email}: {after.ErrorSummary}");
    }

    private static List<KeyValuePair<string, string>> FormValues(IHtmlFormElement form)
    {
        var values = new List<KeyValuePair<string, string>>();
        foreach (var element in form.Elements)
        {
            switch (element)
            {
                case IHtmlInputElement input when input.Name is { Length: > 0 } name:
                    if (input.Type is "checkbox" or "radio")
                    {
                        if (input.IsChecked)
                            values.Add(new(name, input.Value));
                    }
                    else if (input.Type is not ("submit" or "button" or "file"))
                        values.Add(new(name, input.Value));
                    break;
                case IHtmlTextAreaElement area when area.Name is { Length: > 0 } name:
                    values.Add(new(name, area.Value));
                    break;
                case IHtmlSelectElement select when select.Name is { Length: > 0 } name:
                    values.Add(new(name, select.Value ?? ""));
                    break;
            }
        }
        return values;
    }

    private async Task<Page> FollowAsync(HttpResponseMessage response, string url)
    {
        for (var hops = 0; hops < 5 && (int)response.StatusCode is >= 300 and < 400 && response.Headers.Location is { } location; hops++)
        {
            url = location.IsAbsoluteUri ? location.PathAndQuery : location.OriginalString;
            response.Dispose();
            response = await client.GetAsync(url);
        }
        var html = await response.Content.ReadAsStringAsync();
        var document = await Parser.OpenAsync(r => r.Content(html));
        var status = response.StatusCode;
        response.Dispose();
        return new Page(status, "https://localhost" + url, document, html);
    }

    public void Dispose() => client.Dispose();
}
