using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Liaison.Tests.Infrastructure;
using Liaison.Web.Platform.Auth;

namespace Liaison.Tests.Features.Administration.Users;

public sealed partial class UserAdministrationTests(LiaisonApp app) : IClassFixture<LiaisonApp>
{
    [Fact]
    public async Task An_invited_user_gets_an_email_chooses_a_password_and_signs_in()
    {
        using var admin = await app.SignedInAsync(TestData.Admin);
        var form = await admin.GetAsync("/Users/Create");
        var created = await admin.SubmitAsync(form, new Dictionary<string, object?>
        {
            ["Input.Email"] = "New.Coordinator@Revenue.gov",
            ["Input.DisplayName"] = "Nina Coordinator",
            ["Input.Roles"] = new[] { Roles.AgencyUser },
            ["Input.AgencyId"] = app.Ids.Revenue.ToString(System.Globalization.CultureInfo.InvariantCulture),
        });
        Assert.Contains("has been invited by email", created.Text, StringComparison.Ordinal);
        Assert.Contains("Not chosen yet (invited)", created.Text, StringComparison.Ordinal);

        var mail = (await app.DeliverAsync()).Single(m => Mail.To(m).Address == "new.coordinator@revenue.gov");
        Assert.Contains("Subject: Your Liaison account", mail, StringComparison.Ordinal);
        var link = LinkPattern().Match(Mail.Decode(mail)).Value;
        Assert.StartsWith("https://localhost/Account/SetPassword?user=", link, StringComparison.Ordinal);

        using var invitee = app.Session();
        var choose = await invitee.GetAsync(new Uri(link).PathAndQuery);
        Assert.Contains("new.coordinator@revenue.gov", choose.Text, StringComparison.Ordinal);
        var mismatch = await invitee.SubmitAsync(choose, new Dictionary<string, object?> { ["Input.Password"] = "Coordinator-Pass-1", ["Input.ConfirmPassword"] = "Other-Pass-1111" });
        Assert.Equal("The two passwords are not the same.", mismatch.FieldError("Input_ConfirmPassword"));
        var done = await invitee.SubmitAsync(mismatch, new Dictionary<string, object?> { ["Input.Password"] = "Coordinator-Pass-1", ["Input.ConfirmPassword"] = "Coordinator-Pass-1" });
        Assert.Contains("Your password is set.", done.Text, StringComparison.Ordinal);

        await invitee.SignInAsync("new.coordinator@revenue.gov", "Coordinator-Pass-1");
        var home = await invitee.GetAsync("/");
        Assert.Equal("Department of Revenue", home.Heading);

        // Used once, the link says so and offers no form (nor the address it was for).
        var reused = await invitee.GetAsync(new Uri(link).PathAndQuery);
        Assert.Contains("This link cannot be used", reused.Text, StringComparison.Ordinal);
        Assert.Null(reused.Document.QuerySelector("input[type=password]"));
        Assert.DoesNotContain("new.coordinator@revenue.gov", reused.Html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_user_created_with_a_password_can_sign_in_straight_away()
    {
        using var api = await app.ApiAsync(TestData.Admin);
        var created = await api.PostAsJsonAsync("/api/v1/users", new { email = "direct@test.gov", displayName = "Dee Rect", roles = new[] { Roles.Executive }, password = "Direct-Pass-123" });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var user = await created.JsonAsync();
        Assert.Equal(Roles.Executive, user.GetProperty("roles")[0].GetString());
        using var session = await app.SignedInAsync("direct@test.gov", "Direct-Pass-123");
        // An executive's home is the agency scoreboard, with their name on the account menu.
        var home = await session.GetAsync("/");
        Assert.Equal("https://localhost/Scoreboard", home.Url);
        Assert.Contains("Dee Rect", home.Document.QuerySelector("#nav-account")!.ParentElement!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Roles_and_agency_must_agree()
    {
        using var api = await app.ApiAsync(TestData.Admin);
        var noAgency = await api.PostAsJsonAsync("/api/v1/users", new { email = "a1@test.gov", displayName = "A One", roles = new[] { Roles.AgencyUser } });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, noAgency.StatusCode);
        Assert.Equal("Choose the agency this user belongs to.", (await noAgency.JsonAsync()).GetProperty("errors").GetProperty("agencyId")[0].GetString());

        var mixed = await api.PostAsJsonAsync("/api/v1/users", new { email = "a2@test.gov", displayName = "A Two", roles = new[] { Roles.AgencyUser, Roles.Executive }, agencyId = app.Ids.Health });
        Assert.Contains("cannot also hold a provider role", await mixed.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var weak = await api.PostAsJsonAsync("/api/v1/users", new { email = "a3@test.gov", displayName = "A Three", roles = new[] { Roles.Executive }, password = "weak" });
        Assert.Contains("at least 12 characters", await weak.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var taken = await api.PostAsJsonAsync("/api/v1/users", new { email = TestData.Staff, displayName = "Copy", roles = new[] { Roles.Executive } });
        Assert.Contains("Another user already has this email address.", await taken.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Changing_a_users_roles_is_recorded_in_their_history()
    {
        var id = await app.AddUserAsync("promoted@test.gov", Roles.ProviderStaff);
        using var admin = await app.SignedInAsync(TestData.Admin);
        var form = await admin.GetAsync($"/Users/Edit/{id}");
        var saved = await admin.SubmitAsync(form, new Dictionary<string, object?> { ["Input.Roles"] = new[] { Roles.RelationshipManager } });
        Assert.Contains("have been saved", saved.Text, StringComparison.Ordinal);
        var history = Page.Normalize(saved.Document.GetElementById("history-heading")!.ParentElement!.TextContent);
        Assert.Contains("Roles: — → added RelationshipManager", history, StringComparison.Ordinal);
        Assert.Contains("Roles: removed ProviderStaff → —", history, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_administrator_cannot_disable_themselves()
    {
        using var api = await app.ApiAsync(TestData.Admin);
        var me = await api.GetJsonAsync("/api/v1/me");
        var response = await api.PostAsync($"/api/v1/users/{me.GetProperty("id").GetInt32()}/disable", null);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
    }

    [Fact]
    public async Task Only_administrators_manage_users()
    {
        using var manager = await app.ApiAsync(TestData.Manager);
        Assert.Equal(HttpStatusCode.Forbidden, (await manager.GetAsync("/api/v1/users")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await manager.PostAsJsonAsync("/api/v1/users", new { email = "x@y.gov" })).StatusCode);
        using var session = await app.SignedInAsync(TestData.Executive);
        var page = await session.GetAsync("/Users");
        Assert.Equal(HttpStatusCode.Forbidden, page.Status);
        Assert.Contains("You don't have access to this page", page.Text, StringComparison.Ordinal);
    }

    [GeneratedRegex("https://localhost/Account/SetPassword\\?user=\\d+&token=[A-Za-z0-9_\\-]+")]
    private static partial Regex LinkPattern();
}
