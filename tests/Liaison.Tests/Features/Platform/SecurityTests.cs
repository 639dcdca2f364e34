using System.Net;
using Liaison.Tests.Infrastructure;

namespace Liaison.Tests.Features.Platform;

public sealed class SecurityHeaderTests(LiaisonApp app) : IClassFixture<LiaisonApp>
{
    [Theory]
    [InlineData("/Account/Login")]
    [InlineData("/api/v1/agencies")]
    [InlineData("/health")]
    public async Task Every_response_carries_the_security_headers(string url)
    {
        var response = await app.Anonymous().GetAsync(url);
        var csp = response.Headers.GetValues("Content-Security-Policy").Single();
        Assert.DoesNotContain("unsafe-inline", csp, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-eval", csp, StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", csp, StringComparison.Ordinal);
        Assert.Contains("script-src 'self'", csp, StringComparison.Ordinal);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
    }

    [Fact]
    public async Task Pages_have_no_inline_script_or_style_for_the_policy_to_block()
    {
        using var session = await app.SignedInAsync(TestData.Admin);
        foreach (var url in new[] { "/", "/Agencies", $"/Agencies/Edit/{app.Ids.Revenue}", "/People/Import", "/Account/Security" })
        {
            var page = await session.GetAsync(url);
            Assert.Empty(page.Document.QuerySelectorAll("script:not([src])"));
            Assert.Empty(page.Document.QuerySelectorAll("style, [style]"));
            Assert.Empty(page.Document.QuerySelectorAll("[onclick], [onload], [onchange], [onsubmit]"));
        }
    }

    [Fact]
    public async Task Every_post_form_carries_an_antiforgery_token_and_a_post_without_it_is_refused()
    {
        using var session = await app.SignedInAsync(TestData.Admin);
        var page = await session.GetAsync($"/Agencies/Details/{app.Ids.Revenue}");
        Assert.All(page.Document.QuerySelectorAll("form[method=post]"), form => Assert.NotNull(form.QuerySelector("input[name=__RequestVerificationToken]")));

        using var forged = new FormUrlEncodedContent([new("Input.Name", "Forged")]);
        var response = await session.Client.PostAsync("/Agencies/Create", forged);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }
}

public sealed class ProductionTests(ProductionLiaisonApp app) : IClassFixture<ProductionLiaisonApp>
{
    [Fact]
    public async Task Outside_development_https_responses_carry_a_year_of_hsts()
    {
        using var client = app.CreateClient(new() { BaseAddress = new Uri("https://liaison.example.gov"), AllowAutoRedirect = false });
        var response = await client.GetAsync("/Account/Login");
        var hsts = response.Headers.GetValues("Strict-Transport-Security").Single();
        var maxAge = int.Parse(hsts.Split(';')[0].Split('=')[1], System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(maxAge >= 31_536_000, hsts);
    }

    [Fact]
    public async Task Cookies_are_secure_http_only_and_same_site()
    {
        using var client = app.CreateClient(new() { BaseAddress = new Uri("https://liaison.example.gov"), AllowAutoRedirect = false });
        var login = await client.GetAsync("/Account/Login");
        var html = await login.Content.ReadAsStringAsync();
        var token = System.Text.RegularExpressions.Regex.Match(html, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value;
        var signIn = await client.PostAsync("/Account/Login", new FormUrlEncodedContent(
        [
            new("Input.Email", TestData.Admin), new("Input.Password", TestData.Password), new("__RequestVerificationToken", token),
        ]));
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        var cookies = login.Headers.GetValues("Set-Cookie").Concat(signIn.Headers.GetValues("Set-Cookie")).ToList();
        Assert.Contains(cookies, c => c.StartsWith("liaison.auth=", StringComparison.Ordinal));
        Assert.All(cookies, cookie =>
        {
            var lower = cookie.ToLowerInvariant();
            Assert.Contains("; secure", lower, StringComparison.Ordinal);
            Assert.Contains("; httponly", lower, StringComparison.Ordinal);
            Assert.Contains("; samesite=", lower, StringComparison.Ordinal);
        });
    }
}

public sealed class ErrorTests : IAsyncLifetime
{
    private readonly LiaisonApp _app = new();

    public async Task InitializeAsync()
    {
        await _app.InitializeAsync();
        // Break the database under the app, as a failed deployment might.
        await _app.WithDbAsync(db => Microsoft.EntityFrameworkCore.RelationalDatabaseFacadeExtensions.ExecuteSqlRawAsync(db.Database,
            "ALTER TABLE \"OperationalUnits\" RENAME COLUMN \"Description\" TO \"Broken\""));
    }

    public async Task DisposeAsync() => await ((IAsyncLifetime)_app).DisposeAsync();

    [Fact]
    public async Task A_failing_page_shows_an_apology_and_a_correlation_id_and_no_stack_trace()
    {
        using var session = await _app.SignedInAsync(TestData.Admin);
        var page = await session.GetAsync("/Units");
        Assert.Equal(HttpStatusCode.InternalServerError, page.Status);
        Assert.Equal("Something went wrong on our side", page.Heading);
        Assert.Matches("^[0-9a-f]{32}$", page.Document.GetElementById("correlation-id")!.TextContent);
        Assert.DoesNotContain(" at ", page.Html, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", page.Html, StringComparison.Ordinal);
        Assert.DoesNotContain("SQLite", page.Html, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task A_failing_api_call_answers_a_500_problem_with_a_trace_id_and_no_stack_trace()
    {
        using var api = await _app.ApiAsync(TestData.Admin);
        var response = await api.GetAsync("/api/v1/units");
        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        var problem = await response.JsonAsync();
        Assert.Equal(32, problem.GetProperty("traceId").GetString()!.Length);
        var text = problem.ToString();
        Assert.DoesNotContain(" at ", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", text, StringComparison.Ordinal);
    }
}

public sealed class ServiceEndpointTests(LiaisonApp app) : IClassFixture<LiaisonApp>
{
    [Fact]
    public async Task Health_answers_healthy_without_signing_in()
    {
        var response = await app.Anonymous().GetAsync("/health");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task The_openapi_document_describes_the_api_and_its_bearer_tokens()
    {
        var document = await app.Anonymous().GetJsonAsync("/openapi/v1.json");
        var paths = document.GetProperty("paths");
        foreach (var path in new[] { "/api/v1/agencies", "/api/v1/agencies/{id}", "/api/v1/people/import", "/api/v1/users", "/api/v1/auth/token", "/api/v1/me/tokens", "/api/v1/audit/verify" })
            Assert.True(paths.TryGetProperty(path, out _), $"{path} is missing from the OpenAPI document");
        Assert.Equal("bearer", document.GetProperty("components").GetProperty("securitySchemes").GetProperty("Bearer").GetProperty("scheme").GetString());
    }

    [Fact]
    public async Task An_unknown_page_is_a_friendly_404_and_an_unknown_api_route_a_problem()
    {
        using var session = await app.SignedInAsync(TestData.Staff);
        var page = await session.GetAsync("/No/Such/Page");
        Assert.Equal(HttpStatusCode.NotFound, page.Status);
        Assert.Equal("Page not found", page.Heading);

        using var api = await app.ApiAsync(TestData.Staff);
        var response = await api.GetAsync("/api/v1/agencies/999999");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
    }
}
