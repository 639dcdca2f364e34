using System.Net;
using System.Text.RegularExpressions;
using Liaison.Tests.Infrastructure;
using Liaison.Web.Platform.Auth;

namespace Liaison.Tests.Features.Administration.Account;

/// <summary>"Forgotten your password?": a link by email that works once and not for long, and an answer that tells nobody who has an account.</summary>
public sealed partial class ForgottenPasswordTests(LiaisonApp app) : IClassFixture<LiaisonApp>
{
    private const string NewPassword = "A-new-Password-2027";

    private async Task<Page> AskAsync(string email)
    {
        using var session = app.Session();
        var login = await session.GetAsync("/Account/Login");
        var form = await session.GetAsync(login.Document.QuerySelector("a[href='/Account/ForgotPassword']")!.GetAttribute("href")!);
        return await session.SubmitAsync(form, new Dictionary<string, object?> { ["Input.Email"] = email });
    }

    private async Task<List<string>> MailsToAsync(string email) =>
        (await app.DeliverAsync()).Where(m => Mail.To(m).Address == email && Mail.Parse(m).Subject == "Reset your Liaison password").ToList();

    private static string LinkIn(string mail) => ResetLink().Match(Mail.Decode(mail)).Value;

    [Fact]
    public async Task An_agency_user_asks_for_a_link_chooses_a_new_password_and_signs_in_with_it_and_the_link_then_stops_working()
    {
        const string email = "forgetful.agency@test.gov";
        await app.AddUserAsync(email, Roles.AgencyUser, app.Ids.Revenue);

        var asked = await AskAsync(email);
        Assert.Contains("Check your email", asked.Text, StringComparison.Ordinal);
        var mails = await MailsToAsync(email);
        var link = LinkIn(Assert.Single(mails));
        Assert.StartsWith("https://localhost/Account/SetPassword?user=", link, StringComparison.Ordinal);
        Assert.Contains("expires in 2 hours", Mail.Decode(mails[0]), StringComparison.Ordinal);

        using var session = app.Session();
        var choose = await session.GetAsync(link.Replace("https://localhost", "", StringComparison.Ordinal));
        Assert.Contains("Choose a new password", choose.Text, StringComparison.Ordinal);
        Assert.Contains(email, choose.Text, StringComparison.Ordinal);
        var done = await session.SubmitAsync(choose, new Dictionary<string, object?> { ["Input.Password"] = NewPassword, ["Input.ConfirmPassword"] = NewPassword });
        Assert.Contains("/Account/Login", done.Url, StringComparison.Ordinal);

        using var signedIn = await app.SignedInAsync(email, NewPassword);
        Assert.Equal(HttpStatusCode.OK, (await signedIn.GetAsync("/")).Status);

        // Single use: the same link again is refused, before and at the form.
        var again = await app.Session().GetAsync(link.Replace("https://localhost", "", StringComparison.Ordinal));
        Assert.Contains("This link cannot be used", again.Text, StringComparison.Ordinal);
        Assert.Null(again.Document.QuerySelector("input[type=password]"));
        Assert.NotNull(again.Document.QuerySelector("a[href='/Account/ForgotPassword']"));
    }

    [Fact]
    public async Task The_answer_is_the_same_for_an_unknown_address_and_a_disabled_account_gets_no_mail()
    {
        const string known = "known.forgetful@test.gov";
        const string disabled = "disabled.forgetful@test.gov";
        await app.AddUserAsync(known);
        var disabledId = await app.AddUserAsync(disabled);
        using (var admin = await app.ApiAsync(TestData.Admin))
            (await admin.PostAsync($"/api/v1/users/{disabledId}/disable", null)).EnsureSuccessStatusCode();

        string Answer(Page page, string email) => page.Document.QuerySelector(".usa-alert")!.TextContent.Replace(email, "ADDRESS", StringComparison.Ordinal);
        var forKnown = Answer(await AskAsync(known), known);
        var forUnknown = Answer(await AskAsync("nobody.forgetful@test.gov"), "nobody.forgetful@test.gov");
        var forDisabled = Answer(await AskAsync(disabled), disabled);
        Assert.Equal(forKnown, forUnknown);
        Assert.Equal(forKnown, forDisabled);
        Assert.Single(await MailsToAsync(known));
        Assert.Empty(await MailsToAsync(disabled));
        Assert.Empty(await MailsToAsync("nobody.forgetful@test.gov"));

        // Asking again at once sends nothing more: one link every few minutes per account, however often asked.
        await AskAsync(known);
        await AskAsync(known.ToUpperInvariant());
        Assert.Single(await MailsToAsync(known));

        // Not an address: said next to the field.
        using var session = app.Session();
        var form = await session.GetAsync("/Account/ForgotPassword");
        var wrong = await session.SubmitAsync(form, new Dictionary<string, object?> { ["Input.Email"] = "not an address" });
        Assert.NotNull(wrong.FieldError("Input_Email"));
    }

    [Fact]
    public async Task A_link_older_than_two_hours_is_refused_and_an_invitation_link_is_no_reset_link()
    {
        const string email = "slow.forgetful@test.gov";
        await app.AddUserAsync(email);
        await AskAsync(email);
        var link = LinkIn(Assert.Single(await MailsToAsync(email))).Replace("https://localhost", "", StringComparison.Ordinal);

        // The token of a reset link is not an invitation's: without reset=true the page does not accept it.
        var asInvitation = await app.Session().GetAsync(link.Replace("&reset=true", "", StringComparison.Ordinal));
        Assert.Contains("This link cannot be used", asInvitation.Text, StringComparison.Ordinal);

        var later = TimeSpan.FromHours(2) + TimeSpan.FromMinutes(1);
        app.Clock.Advance(later);
        try
        {
            var late = await app.Session().GetAsync(link);
            Assert.Contains("This link cannot be used", late.Text, StringComparison.Ordinal);
            Assert.Null(late.Document.QuerySelector("input[type=password]"));
        }
        finally
        {
            // The other tests of the class ask for links by the system's clock and check them by this one.
            app.Clock.Advance(-later);
        }

        // Within its two hours it works.
        Assert.Contains(email, (await app.Session().GetAsync(link)).Text, StringComparison.Ordinal);
    }

    [GeneratedRegex(@"https://localhost/Account/SetPassword\?user=\d+&reset=true&token=[A-Za-z0-9_\-]+")]
    private static partial Regex ResetLink();
}
