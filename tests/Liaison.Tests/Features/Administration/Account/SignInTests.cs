using System.Net;
using System.Net.Http.Json;
using Liaison.Tests.Infrastructure;

namespace Liaison.Tests.Features.Administration.Account;

public sealed class SignInTests(LiaisonApp app) : IClassFixture<LiaisonApp>
{
    [Fact]
    public async Task Signing_in_with_the_right_password_opens_the_home_page()
    {
        using var session = app.Session();
        var login = await session.GetAsync("/Account/Login");
        var home = await session.SubmitAsync(login, new Dictionary<string, object?> { ["Input.Email"] = TestData.Manager, ["Input.Password"] = TestData.Password });

        Assert.Equal("https://localhost/", home.Url);
        Assert.Contains("Welcome, Mona Manager", home.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_wrong_password_is_refused_with_a_message_at_the_field()
    {
        using var session = app.Session();
        var login = await session.GetAsync("/Account/Login");
        var again = await session.SubmitAsync(login, new Dictionary<string, object?> { ["Input.Email"] = TestData.Executive, ["Input.Password"] = "Wrong-password-1" });

        Assert.Contains("/Account/Login", again.Url, StringComparison.Ordinal);
        Assert.StartsWith("The email address or password is not right", again.FieldError("Input_Password"), StringComparison.Ordinal);
        Assert.Contains("There is a problem", again.ErrorSummary, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Pages_need_a_signed_in_user()
    {
        using var session = app.Session();
        var response = await session.GetRawAsync("/Agencies");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/Account/Login", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Five_failed_attempts_on_the_page_lock_the_account_even_for_the_right_password()
    {
        const string email = "lockme.page@test.gov";
        await app.AddUserAsync(email);
        using var session = app.Session();
        for (var i = 0; i < 5; i++)
        {
            var login = await session.GetAsync("/Account/Login");
            await session.SubmitAsync(login, new Dictionary<string, object?> { ["Input.Email"] = email, ["Input.Password"] = "Wrong-password-" + i });
        }
        var page = await session.GetAsync("/Account/Login");
        var refused = await session.SubmitAsync(page, new Dictionary<string, object?> { ["Input.Email"] = email, ["Input.Password"] = TestData.Password });

        Assert.Contains("locked", refused.ErrorSummary, StringComparison.Ordinal);
        var api = await app.Anonymous().PostAsJsonAsync("/api/v1/auth/token", new { email, password = TestData.Password });
        Assert.Equal(HttpStatusCode.Unauthorized, api.StatusCode);
        Assert.Contains("locked", await api.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Five_failed_attempts_through_the_api_lock_the_account_on_the_page_too()
    {
        const string email = "lockme.api@test.gov";
        await app.AddUserAsync(email);
        using var client = app.Anonymous();
        for (var i = 0; i < 5; i++)
        {
            var failed = await client.PostAsJsonAsync("/api/v1/auth/token", new { email, password = "Wrong-password-" + i });
            Assert.Equal(HttpStatusCode.Unauthorized, failed.StatusCode);
            Assert.Equal("application/problem+json", failed.Content.Headers.ContentType?.MediaType);
        }
        var right = await client.PostAsJsonAsync("/api/v1/auth/token", new { email, password = TestData.Password });
        Assert.Equal(HttpStatusCode.Unauthorized, right.StatusCode);

        using var session = app.Session();
        var login = await session.GetAsync("/Account/Login");
        var refused = await session.SubmitAsync(login, new Dictionary<string, object?> { ["Input.Email"] = email, ["Input.Password"] = TestData.Password });
        Assert.Contains("locked", refused.ErrorSummary, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Signing_out_ends_the_session()
    {
        using var session = await app.SignedInAsync(TestData.Staff);
        var home = await session.GetAsync("/");
        var signedOut = await session.SubmitAsync(home, formSelector: "form[action='/Account/Logout']");

        Assert.Contains("/Account/Login", signedOut.Url, StringComparison.Ordinal);
        Assert.Contains("You have signed out.", signedOut.Text, StringComparison.Ordinal);
        var after = await session.GetRawAsync("/Agencies");
        Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
    }

    [Fact]
    public async Task Changing_the_password_checks_the_current_one_and_the_policy()
    {
        const string email = "changer@test.gov";
        await app.AddUserAsync(email);
        using var session = await app.SignedInAsync(email);
        var security = await session.GetAsync("/Account/Security");

        var wrongCurrent = await session.SubmitAsync(security, new Dictionary<string, object?>
        {
            ["Password.CurrentPassword"] = "Not-my-password-1",
            ["Password.NewPassword"] = "Brand-new-pass-2",
            ["Password.ConfirmPassword"] = "Brand-new-pass-2",
        }, "form[action*='ChangePassword']");
        Assert.Equal("Your current password is not right.", wrongCurrent.FieldError("Password_CurrentPassword"));

        var weak = await session.SubmitAsync(wrongCurrent, new Dictionary<string, object?>
        {
            ["Password.CurrentPassword"] = TestData.Password,
            ["Password.NewPassword"] = "short",
            ["Password.ConfirmPassword"] = "short",
        }, "form[action*='ChangePassword']");
        Assert.Contains("at least 12 characters", weak.FieldError("Password_NewPassword"), StringComparison.Ordinal);

        var done = await session.SubmitAsync(weak, new Dictionary<string, object?>
        {
            ["Password.CurrentPassword"] = TestData.Password,
            ["Password.NewPassword"] = "Brand-new-pass-2",
            ["Password.ConfirmPassword"] = "Brand-new-pass-2",
        }, "form[action*='ChangePassword']");
        Assert.Contains("Your password has been changed.", done.Text, StringComparison.Ordinal);

        using var fresh = app.Session();
        await fresh.SignInAsync(email, "Brand-new-pass-2");
    }

    [Fact]
    public async Task Two_factor_sign_in_asks_for_the_authenticator_code_on_the_page_and_the_api()
    {
        const string email = "twofactor@test.gov";
        await app.AddUserAsync(email);
        using var session = await app.SignedInAsync(email);
        var security = await session.GetAsync("/Account/Security");
        var setup = await session.SubmitAsync(security, formSelector: "form[action*='StartTwoFactor']");
        var key = setup.Document.GetElementById("shared-key")!.TextContent;
        Assert.NotNull(setup.Document.QuerySelector(".liaison-qr img[src^='data:image/png;base64,']"));

        // A new authenticator key changes the security stamp; the user who asked for it stays signed in past the re-check.
        app.Clock.Advance(TimeSpan.FromSeconds(31));
        Assert.Equal(HttpStatusCode.OK, (await session.GetRawAsync("/Account/Security")).StatusCode);

        // Identity checks authenticator codes against the real clock (not the app's TimeProvider), so the codes are the
        // real time's: from the test clock, which the class's other tests move on, they failed once it ran 90 s ahead.
        var wrong = await session.SubmitAsync(setup, new Dictionary<string, object?> { ["TwoFactor.Code"] = "000000" }, "form[action*='EnableTwoFactor']");
        Assert.Contains("The code is not right", wrong.FieldError("TwoFactor_Code"), StringComparison.Ordinal);
        var enabled = await session.SubmitAsync(wrong, new Dictionary<string, object?> { ["TwoFactor.Code"] = Totp.Code(key, DateTimeOffset.UtcNow) }, "form[action*='EnableTwoFactor']");
        Assert.Contains("Save your recovery codes", enabled.Text, StringComparison.Ordinal);
        Assert.Equal(10, enabled.Document.QuerySelectorAll("#recovery-codes li").Length);

        using var next = app.Session();
        var login = await next.GetAsync("/Account/Login");
        var challenge = await next.SubmitAsync(login, new Dictionary<string, object?> { ["Input.Email"] = email, ["Input.Password"] = TestData.Password });
        Assert.Contains("/Account/LoginWith2fa", challenge.Url, StringComparison.Ordinal);
        var home = await next.SubmitAsync(challenge, new Dictionary<string, object?> { ["Input.Code"] = Totp.Code(key, DateTimeOffset.UtcNow) });
        Assert.Equal("https://localhost/", home.Url);

        using var api = app.Anonymous();
        var withoutCode = await api.PostAsJsonAsync("/api/v1/auth/token", new { email, password = TestData.Password });
        Assert.Equal(HttpStatusCode.Unauthorized, withoutCode.StatusCode);
        Assert.Contains("two-factor", await withoutCode.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var withCode = await api.PostAsJsonAsync("/api/v1/auth/token", new { email, password = TestData.Password, code = Totp.Code(key, DateTimeOffset.UtcNow) });
        Assert.Equal(HttpStatusCode.OK, withCode.StatusCode);
    }

    [Fact]
    public async Task A_disabled_user_loses_their_session_and_their_tokens_within_a_minute()
    {
        const string email = "leaver@test.gov";
        var id = await app.AddUserAsync(email);
        using var session = await app.SignedInAsync(email);
        using var token = await app.ApiAsync(email);
        Assert.Equal(HttpStatusCode.OK, (await session.GetRawAsync("/Agencies")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await token.GetAsync("/api/v1/agencies")).StatusCode);

        using var admin = await app.ApiAsync(TestData.Admin);
        (await admin.PostAsync($"/api/v1/users/{id}/disable", null)).EnsureSuccessStatusCode();
        app.Clock.Advance(TimeSpan.FromSeconds(31));

        var page = await session.GetRawAsync("/Agencies");
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.StartsWith("/Account/Login", page.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Unauthorized, (await token.GetAsync("/api/v1/agencies")).StatusCode);
        var again = await app.Anonymous().PostAsJsonAsync("/api/v1/auth/token", new { email, password = TestData.Password });
        Assert.Equal(HttpStatusCode.Unauthorized, again.StatusCode);
    }

    [Fact]
    public async Task A_personal_access_token_works_until_it_is_revoked()
    {
        using var session = await app.SignedInAsync(TestData.Executive);
        var profile = await session.GetAsync("/Account/Profile");
        var created = await session.SubmitAsync(profile, new Dictionary<string, object?> { ["Input.Name"] = "Quarterly report", ["Input.ExpiresInDays"] = "30" }, "form[action*='CreateToken']");
        var secret = created.Document.GetElementById("new-token")!.TextContent.Trim();
        Assert.StartsWith("lia_", secret, StringComparison.Ordinal);
        Assert.Contains("Quarterly report", created.Text, StringComparison.Ordinal);

        using var client = app.Anonymous();
        client.DefaultRequestHeaders.Authorization = new("Bearer", secret);
        var me = await client.GetFromJsonAsync<Me>("/api/v1/me");
        Assert.Equal(TestData.Executive, me!.Email);

        var listed = await session.GetAsync("/Account/Profile");
        var revoked = await session.SubmitAsync(listed, formSelector: "form[action*='Revoke']");
        Assert.Contains("The token is revoked", revoked.Text, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/v1/me")).StatusCode);
    }

    [Fact]
    public async Task The_token_endpoint_answers_a_problem_for_a_wrong_password()
    {
        var response = await app.Anonymous().PostAsJsonAsync("/api/v1/auth/token", new { email = TestData.Admin, password = "nope" });
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<Problem>();
        Assert.Equal(401, problem!.Status);
        Assert.Equal("Sign-in refused", problem.Title);
    }

    private sealed record Me(int Id, string Email, string DisplayName, string[] Roles);

    private sealed record Problem(int Status, string Title, string? Detail);
}
