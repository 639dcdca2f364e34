using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Liaison.Tests.Infrastructure;
using Microsoft.Playwright;

namespace Liaison.BrowserTests;

/// <summary>Liaison on a real port, seeded with the standard test data.</summary>
public sealed class BrowserApp : LiaisonApp
{
    protected override bool ServeOnKestrel => true;
}

/// <summary>One app and one headless Chromium (Debian's, not a downloaded one) for all browser tests.</summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    public BrowserApp App { get; } = new();
    public IPlaywright Playwright { get; private set; } = null!;
    public IBrowser Browser { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        await App.InitializeAsync();
        Playwright = await Microsoft.Playwright.Playwright.CreateAsync();
        Browser = await Playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Environment.GetEnvironmentVariable("LIAISON_CHROMIUM") ?? "/usr/bin/chromium",
            Headless = true,
            // Without these Chromium reaches for Google's services, which this machine's closed network refuses.
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });
    }

    /// <summary>A fresh browser context (its own cookies), optionally signed in through the sign-in page.</summary>
    public Task<IPage> NewPageAsync(string? signedInAs = null, int width = 1280, int height = 900) =>
        NewPageOnAsync(App.BaseUrl, signedInAs, TestData.Password, width, height);

    /// <summary>A fresh browser context on another app (the demo site), optionally signed in.</summary>
    public async Task<IPage> NewPageOnAsync(string baseUrl, string? signedInAs, string password, int width = 1280, int height = 900)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = baseUrl, ViewportSize = new ViewportSize { Width = width, Height = height } });
        var page = await context.NewPageAsync();
        page.SetDefaultTimeout(30_000);
        if (signedInAs is not null)
            await page.SignInAsync(signedInAs, password);
        return page;
    }

    public async Task DisposeAsync()
    {
        await Browser.DisposeAsync();
        Playwright.Dispose();
        await ((IAsyncLifetime)App).DisposeAsync();
    }
}

/// <summary>The browser and one demo site (read, never written, by the tests that use it), shared by every browser test.</summary>
[CollectionDefinition("Browser")]
public sealed class BrowserCollection : ICollectionFixture<BrowserFixture>, ICollectionFixture<DemoSite>;

public static class PageExtensions
{
    private static readonly AxeRunOptions Wcag21AA = new()
    {
        RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] },
    };

    /// <summary>Runs axe-core's WCAG 2.1 A and AA rules on the page as it is now; any violation fails the test.</summary>
    public static async Task ExpectAccessibleAsync(this IPage page)
    {
        var result = await page.RunAxe(Wcag21AA);
        var violations = result.Violations.Select(v =>
            $"{v.Id} ({v.Impact}): {v.Help}\n    " + string.Join("\n    ", v.Nodes.Take(5).Select(n => $"{n.Target} {n.Html}"))).ToList();
        Assert.True(violations.Count == 0, $"axe found {violations.Count} WCAG 2.1 AA violation(s) on {page.Url}:\n" + string.Join("\n", violations));
    }

    /// <summary>Whether the page is wider than the window (it scrolls sideways).</summary>
    public static Task<bool> ScrollsSidewaysAsync(this IPage page) =>
        page.EvaluateAsync<bool>("document.documentElement.scrollWidth > window.innerWidth + 1");

    public static async Task SignInAsync(this IPage page, string email, string password = TestData.Password)
    {
        await page.GotoAsync("/Account/Login");
        await page.GetByLabel("Email address").FillAsync(email);
        await page.GetByLabel("Password").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        // Signed in once the next page has begun to arrive; waiting for its load event as well failed a CI run once (the
        // event never came within 30 s on a busy machine, though the network was idle). Whatever the test does next waits
        // for what it needs.
        await page.WaitForURLAsync(url => !url.Contains("/Account/Login", StringComparison.Ordinal), new() { WaitUntil = WaitUntilState.Commit });
    }
}
