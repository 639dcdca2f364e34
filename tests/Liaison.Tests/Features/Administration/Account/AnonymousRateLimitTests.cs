using System.Net;
using Liaison.Tests.Infrastructure;

namespace Liaison.Tests.Features.Administration.Account;

/// <summary>What anyone may ask without signing in is limited per client: past the limit, 429 and a page that says to wait.</summary>
public sealed class AnonymousRateLimitTests(LiaisonApp app) : IClassFixture<LiaisonApp>
{
    [Fact]
    public async Task Asking_for_reset_links_without_end_is_answered_429_with_a_page_that_says_to_wait()
    {
        using var session = app.Session();
        var statuses = new List<HttpStatusCode>();
        Page? last = null;
        for (var i = 0; i < 25; i++)
        {
            last = await session.GetAsync("/Account/ForgotPassword");
            statuses.Add(last.Status);
        }
        Assert.Equal(20, statuses.Count(s => s == HttpStatusCode.OK));
        Assert.Equal(HttpStatusCode.TooManyRequests, last!.Status);
        Assert.Contains("Too many requests", last.Text, StringComparison.Ordinal);
        // Signing in is not held up by it.
        using var signedIn = await app.SignedInAsync(TestData.Staff);
        Assert.Equal(HttpStatusCode.OK, (await signedIn.GetAsync("/")).Status);
    }
}
