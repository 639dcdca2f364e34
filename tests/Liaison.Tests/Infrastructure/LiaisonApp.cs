using System.Net.Http.Headers;
using System.Net.Http.Json;
using Liaison.Web.Platform.Data;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace Liaison.Tests.Infrastructure;

/// <summary>
/// The real Liaison app on a real, fresh database (SQLite, or PostgreSQL when the test run says so),
/// seeded with <see cref="TestData"/>. One per test class; tests in a class share it, so they create
/// what they change under names of their own.
/// </summary>
public class LiaisonApp : WebApplicationFactory<Program>, IAsyncLifetime
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "liaison-tests", Guid.NewGuid().ToString("N"));
    private TestDatabase? _database;

    public TestClock Clock { get; } = new();
    public TestData.Ids Ids { get; set; } = null!;
    public string Folder => _folder;
    public string MailFolder => Path.Combine(_folder, "mail");
    public string DatabaseProvider => _database!.Provider;

    /// <summary>Today in the organisation's time zone, as the app sees it (after 6 pm in Chicago, UTC is already tomorrow).</summary>
    public DateOnly Today => Services.GetRequiredService<Liaison.Web.Platform.Time.OrganisationClock>().Today;

    /// <summary>The ASP.NET environment the app runs in; Production turns on HSTS and Secure-only cookies.</summary>
    protected virtual string EnvironmentName => "Development";

    /// <summary>Whether the standard users and agencies are seeded (the first-run tests want an empty database).</summary>
    protected virtual bool Seed => true;

    /// <summary>Configuration a variant of the app sets on top of the test defaults.</summary>
    protected virtual IEnumerable<(string Key, string Value)> Settings => [];

    /// <summary>Serves on a real port (Kestrel) instead of the in-memory test server, for a real browser.</summary>
    protected virtual bool ServeOnKestrel => false;

    /// <summary>The address the app answers on when it serves on Kestrel.</summary>
    public string BaseUrl => Services.GetRequiredService<Microsoft.AspNetCore.Hosting.Server.IServer>()
        .Features.Get<Microsoft.AspNetCore.Hosting.Server.Features.IServerAddressesFeature>()!.Addresses.First();

    /// <summary>The database this app uses: its own by default; a node of a cluster shares one (see <see cref="LiaisonNode"/>).</summary>
    protected virtual Task<TestDatabase> CreateDatabaseAsync() => TestDatabase.CreateAsync(_folder);

    /// <summary>Whether disposing the app drops its database (not when it is shared).</summary>
    protected virtual bool OwnsDatabase => true;

    /// <summary>Services a variant of the app adds or replaces (after the app's own).</summary>
    protected virtual void ConfigureServices(IServiceCollection services)
    {
    }

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(_folder);
        _database = await CreateDatabaseAsync();
        if (ServeOnKestrel)
            UseKestrel(0);
        StartServer(); // starts the app, which migrates the database
        if (Seed)
            Ids = await TestData.SeedAsync(Services);
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(EnvironmentName);
        builder.UseSetting("Database:Provider", _database!.Provider);
        builder.UseSetting("ConnectionStrings:Liaison", _database.ConnectionString);
        builder.UseSetting("Data:Folder", _folder);
        builder.UseSetting("Demo:Enabled", "false");
        builder.UseSetting("Email:DispatcherEnabled", "false");
        builder.UseSetting("Jobs:Enabled", "false");
        builder.UseSetting("Web:PublicUrl", "https://localhost");
        builder.UseSetting("Email:PickupFolder", MailFolder);
        builder.UseSetting("Logging:LogLevel:Default", Environment.GetEnvironmentVariable("LIAISON_TEST_LOGLEVEL") ?? "Warning");
        foreach (var (key, value) in Settings)
            builder.UseSetting(key, value);
        builder.ConfigureTestServices(services =>
        {
            services.AddSingleton<TimeProvider>(Clock);
            ConfigureServices(services);
        });
    }

    /// <summary>A browser-like session: cookies, no automatic redirects, HTTPS.</summary>
    public WebSession Session() => new(CreateClient(new WebApplicationFactoryClientOptions
    {
        AllowAutoRedirect = false,
        BaseAddress = new Uri("https://localhost"),
        HandleCookies = true,
    }));

    public async Task<WebSession> SignedInAsync(string email, string password = TestData.Password)
    {
        var session = Session();
        await session.SignInAsync(email, password);
        return session;
    }

    /// <summary>An API client with no credentials.</summary>
    public HttpClient Anonymous() =>
        CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = new Uri(ServeOnKestrel ? BaseUrl : "https://localhost") });

    /// <summary>An API client carrying a session token for the user.</summary>
    public async Task<HttpClient> ApiAsync(string email, string password = TestData.Password)
    {
        var client = Anonymous();
        var response = await client.PostAsJsonAsync("/api/v1/auth/token", new { email, password });
        response.EnsureSuccessStatusCode();
        var token = await response.Content.ReadFromJsonAsync<TokenAnswer>();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token!.AccessToken);
        return client;
    }

    public sealed record TokenAnswer(string AccessToken, DateTime? ExpiresAt);

    /// <summary>Runs code against the app's database, as the system (no request).</summary>
    internal async Task<T> WithDbAsync<T>(Func<LiaisonDbContext, Task<T>> work)
    {
        await using var scope = Services.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<LiaisonDbContext>());
    }

    internal async Task WithDbAsync(Func<LiaisonDbContext, Task> work)
    {
        await using var scope = Services.CreateAsyncScope();
        await work(scope.ServiceProvider.GetRequiredService<LiaisonDbContext>());
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        await base.DisposeAsync();
        if (_database is not null && OwnsDatabase)
            await _database.DisposeAsync();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open is left to the temp folder's own clean-up.
        }
    }
}

/// <summary>An app with nobody in it yet, for the first-run tests.</summary>
public sealed class EmptyLiaisonApp : LiaisonApp
{
    protected override bool Seed => false;
}

/// <summary>The app as deployed: Production environment.</summary>
public sealed class ProductionLiaisonApp : LiaisonApp
{
    protected override string EnvironmentName => "Production";
}

/// <summary>The app started with --demo on an empty database.</summary>
public sealed class DemoLiaisonApp : LiaisonApp
{
    protected override bool Seed => false;

    protected override IEnumerable<(string Key, string Value)> Settings => [("Demo:Enabled", "true")];
}

/// <summary>An app whose mail goes to an SMTP server that is not there.</summary>
public sealed class UnreachableSmtpLiaisonApp : LiaisonApp
{
    protected override IEnumerable<(string Key, string Value)> Settings =>
        [("Email:Delivery", "Smtp"), ("Email:SmtpHost", "127.0.0.1"), ("Email:SmtpPort", "9")];
}

/// <summary>
/// One app instance of several on one database, as Liaison scales out: each node is a whole app (its own caches,
/// scheduler and data-protection key ring in memory), and they share nothing but the database.
/// </summary>
public class LiaisonNode(TestDatabase database, bool seed, params (string Key, string Value)[] settings) : LiaisonApp
{
    protected override Task<TestDatabase> CreateDatabaseAsync() => Task.FromResult(database);

    protected override bool OwnsDatabase => false;

    protected override bool Seed => seed;

    protected override IEnumerable<(string Key, string Value)> Settings => settings;

    /// <summary>Starts the node (for nodes started together, on an empty database).</summary>
    public Task StartAsync() => ((IAsyncLifetime)this).InitializeAsync();

    public Task StopAsync() => ((IAsyncLifetime)this).DisposeAsync();
}
