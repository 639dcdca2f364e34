using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Liaison.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;

namespace Liaison.Tests.Features.Administration.Account;

/// <summary>Sessions that end when the user signs out, sign-in answers that do not tell who exists, and links that go where they should.</summary>
public sealed partial class AccountSecurityTests(LiaisonApp app) : IClassFixture<LiaisonApp>
{
    [Fact]
    public async Task A_cookie_copied_before_signing_out_stops_working_at_once()
    {
        var cookies = new CookieContainer();
        var origin = new Uri("https://localhost/");
        using var session = new WebSession(app.CreateDefaultClient(origin, new CookieContainerHandler(cookies)));
        await session.SignInAsync(TestData.Staff, TestData.Password);
        Assert.Equal(HttpStatusCode.OK, (await session.GetAsync("/Agencies")).Status);
        var copied = cookies.GetCookieHeader(origin);

        var home = await session.GetAsync("/");
        await session.SubmitAsync(home, formSelector: "form[action='/Account/Logout']");

        // Another client presents the cookie the browser had before signing out.
        using var replay = app.Anonymous();
        replay.DefaultRequestHeaders.Add("Cookie", copied);
        var response = await replay.GetAsync("/Agencies");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/Account/Login", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unknown_locked_and_disabled_accounts_get_the_same_answer_as_a_wrong_password()
    {
        const string locked = "locked.same@test.gov";
        const string disabled = "disabled.same@test.gov";
        await app.AddUserAsync(locked);
        var disabledId = await app.AddUserAsync(disabled);
        using (var admin = await app.ApiAsync(TestData.Admin))
            (await admin.PostAsync($"/api/v1/users/{disabledId}/disable", null)).EnsureSuccessStatusCode();
        using (var client = app.Anonymous())
        {
            for (var i = 0; i < 5; i++)
                await client.PostAsJsonAsync("/api/v1/auth/token", new { email = locked, password = "Wrong-password-" + i });
        }

        var cases = new (string Email, string Password)[]
        {
            (TestData.Executive, "Wrong-password-1"), ("nobody.at.all@test.gov", TestData.Password), (locked, TestData.Password), (disabled, TestData.Password),
        };
        var pageAnswers = new List<string?>();
        var apiAnswers = new List<string>();
        foreach (var (email, password) in cases)
        {
            using var session = app.Session();
            var login = await session.GetAsync("/Account/Login");
            var refused = await session.SubmitAsync(login, new Dictionary<string, object?> { ["Input.Email"] = email, ["Input.Password"] = password });
            Assert.Contains("/Account/Login", refused.Url, StringComparison.Ordinal);
            pageAnswers.Add(refused.FieldError("Input_Password"));
            var api = await app.Anonymous().PostAsJsonAsync("/api/v1/auth/token", new { email, password });
            Assert.Equal(HttpStatusCode.Unauthorized, api.StatusCode);
            apiAnswers.Add((await api.JsonAsync()).GetProperty("detail").GetString()!);
        }
        Assert.Single(pageAnswers.Distinct());
        Assert.Single(apiAnswers.Distinct());
        Assert.Equal(pageAnswers[0], apiAnswers[0]);

        // An address with U+0000 is no address: the same answer through the API, and a plain 400 for a page's form (the
        // framework refuses such a form body before any page sees it), never a server error.
        var nul = await app.Anonymous().PostAsJsonAsync("/api/v1/auth/token", new { email = "null\u0000byte@test.gov", password = TestData.Password });
        Assert.Equal(HttpStatusCode.Unauthorized, nul.StatusCode);
        Assert.Equal(apiAnswers[0], (await nul.JsonAsync()).GetProperty("detail").GetString());
        using var form = app.Session();
        var page = await form.GetAsync("/Account/Login");
        Assert.Equal(HttpStatusCode.BadRequest, (await form.SubmitAsync(page, new Dictionary<string, object?> { ["Input.Email"] = "null\u0000byte@test.gov", ["Input.Password"] = "x" })).Status);
    }

    [Fact]
    public async Task The_set_password_page_shows_nothing_of_the_user_until_its_link_is_good()
    {
        using var guess = app.Session();
        foreach (var url in new[] { "/Account/SetPassword?user=1&token=x", "/Account/SetPassword?user=99999&token=x", "/Account/SetPassword" })
        {
            var page = await guess.GetAsync(url);
            Assert.Equal(HttpStatusCode.OK, page.Status);
            Assert.Contains("This link cannot be used", page.Text, StringComparison.Ordinal);
            Assert.DoesNotContain("@test.gov", page.Html, StringComparison.Ordinal);
            Assert.Null(page.Document.QuerySelector("input[type=password]"));
        }
    }

    [Fact]
    public async Task Links_in_mail_and_feeds_use_the_public_address_whatever_host_the_request_names()
    {
        using var admin = await app.ApiAsync(TestData.Admin);
        admin.DefaultRequestHeaders.Host = "evil.example";
        var created = await admin.PostAsJsonAsync("/api/v1/users", new { email = "hosted@test.gov", displayName = "Hosted", roles = new[] { "ProviderStaff" } });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var mail = Mail.Decode((await app.DeliverAsync()).Single(m => Mail.To(m).Address == "hosted@test.gov"));
        Assert.DoesNotContain("evil.example", mail, StringComparison.Ordinal);
        Assert.Matches(InvitationLink(), mail);

        var feed = await (await admin.PostAsync("/api/v1/me/calendar-feed", null)).JsonAsync();
        Assert.StartsWith("https://localhost/calendar/", feed.GetProperty("url").GetString(), StringComparison.Ordinal);
    }

    [GeneratedRegex(@"https://localhost/Account/SetPassword\?user=\d+&token=")]
    private static partial Regex InvitationLink();
}
