using System.Collections.Concurrent;
using System.Net;
using Liaison.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Liaison.Tests.Features.Platform;

/// <summary>An app behind a proxy it was not told to trust: forwarded headers from anyone else are ignored.</summary>
public sealed class UntrustedProxyApp : LiaisonApp
{
    protected override bool ServeOnKestrel => true;

    protected override IEnumerable<(string Key, string Value)> Settings =>
        [("Security:CookieSecurePolicy", "SameAsRequest"), ("Web:TrustedProxies", "10.9.9.9")];
}

/// <summary>An app whose proxy runs on the same machine (the default: loopback is trusted).</summary>
public sealed class LocalProxyApp : LiaisonApp
{
    protected override bool ServeOnKestrel => true;

    protected override IEnumerable<(string Key, string Value)> Settings => [("Security:CookieSecurePolicy", "SameAsRequest")];
}

public sealed class ForwardedHeaderTests(UntrustedProxyApp untrusted, LocalProxyApp local) : IClassFixture<UntrustedProxyApp>, IClassFixture<LocalProxyApp>
{
    /// <summary>Whether the app took the request for HTTPS: its antiforgery cookie is then marked Secure.</summary>
    private static async Task<bool> SeenAsHttpsAsync(LiaisonApp app)
    {
        using var client = new HttpClient { BaseAddress = new Uri(app.BaseUrl) };
        var request = new HttpRequestMessage(HttpMethod.Get, "/Account/Login");
        request.Headers.Add("X-Forwarded-Proto", "https");
        request.Headers.Add("X-Forwarded-For", "203.0.113.7");
        var response = await client.SendAsync(request);
        var cookie = response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("liaison.af=", StringComparison.Ordinal));
        return cookie.Contains("; secure", StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Forwarded_headers_are_believed_only_from_a_trusted_proxy()
    {
        Assert.True(await SeenAsHttpsAsync(local));
        Assert.False(await SeenAsHttpsAsync(untrusted));
    }
}

/// <summary>Captures every log line with its scopes, as an operator's log store would.</summary>
public sealed class CapturedLogs : ILoggerProvider, ISupportExternalScope
{
    private IExternalScopeProvider? _scopes;

    public ConcurrentQueue<(string Category, LogLevel Level, string Message, string Scopes)> Lines { get; } = new();

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void SetScopeProvider(IExternalScopeProvider scopeProvider) => _scopes = scopeProvider;

    public void Dispose()
    {
    }

    private sealed class Logger(CapturedLogs logs, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => logs._scopes?.Push(state);

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var scopes = new List<string>();
            logs._scopes?.ForEachScope((scope, list) => list.Add(scope?.ToString() ?? ""), scopes);
            logs.Lines.Enqueue((category, logLevel, formatter(state, exception), string.Join(" | ", scopes)));
        }
    }
}

/// <summary>An app whose database fails one query on purpose, with its logs captured.</summary>
public sealed class FailingQueryApp : LiaisonApp
{
    public CapturedLogs Logs { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureLogging(logging => logging.AddProvider(Logs));
        builder.UseSetting("Logging:LogLevel:Default", "Information");
    }

    protected override void ConfigureServices(IServiceCollection services) =>
        services.ConfigureDbContext<Liaison.Web.Platform.Data.LiaisonDbContext>(o => o.AddInterceptors(new FailOnMarker()));

    /// <summary>A database that breaks when a search looks for "fail-here": a 500 as real as any.</summary>
    private sealed class FailOnMarker : DbCommandInterceptor
    {
        public override ValueTask<InterceptionResult<System.Data.Common.DbDataReader>> ReaderExecutingAsync(System.Data.Common.DbCommand command,
            CommandEventData eventData, InterceptionResult<System.Data.Common.DbDataReader> result, CancellationToken cancellationToken = default) =>
            command.Parameters.Cast<System.Data.Common.DbParameter>().Any(p => p.Value is string s && s.Contains("fail-here", StringComparison.Ordinal))
                ? throw new InvalidOperationException("The database went away (on purpose, for the test).")
                : base.ReaderExecutingAsync(command, eventData, result, cancellationToken);
    }
}

public sealed class ErrorTraceTests(FailingQueryApp app) : IClassFixture<FailingQueryApp>
{
    [Fact]
    public async Task An_api_500_names_a_trace_id_that_its_log_line_carries()
    {
        using var api = await app.ApiAsync(TestData.Executive);
        var response = await api.GetAsync("/api/v1/agencies?search=fail-here");
        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        var problem = await response.JsonAsync();
        var traceId = problem.GetProperty("traceId").GetString()!;
        Assert.DoesNotContain("went away", problem.ToString(), StringComparison.Ordinal);

        var line = app.Logs.Lines.Where(l => l.Level == LogLevel.Error && l.Message.Contains("Unhandled API error", StringComparison.Ordinal)).ToList();
        Assert.Contains(line, l => l.Message.Contains(traceId, StringComparison.Ordinal) && l.Scopes.Contains("TraceId:" + traceId, StringComparison.Ordinal));
        // Every line the request logged carries the same trace id.
        Assert.All(app.Logs.Lines.Where(l => l.Scopes.Contains("RequestPath:/api/v1/agencies", StringComparison.Ordinal)),
            l => Assert.Contains("TraceId:" + traceId, l.Scopes, StringComparison.Ordinal));
    }
}

/// <summary>A stand-in for an OpenTelemetry collector: an OTLP/HTTP endpoint on loopback that counts what it receives.</summary>
public sealed class FakeCollector : IAsyncLifetime
{
    private Microsoft.AspNetCore.Builder.WebApplication? _app;

    public ConcurrentQueue<string> Received { get; } = new();

    public string Endpoint { get; private set; } = "";

    public async Task InitializeAsync()
    {
        var builder = Microsoft.AspNetCore.Builder.WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        _app = builder.Build();
        Microsoft.AspNetCore.Builder.RunExtensions.Run(_app, async context =>
        {
            Received.Enqueue(context.Request.Path.Value ?? "");
            await context.Request.Body.CopyToAsync(Stream.Null);
            context.Response.StatusCode = 200;
        });
        await _app.StartAsync();
        Endpoint = _app.Urls.First();
    }

    public async Task DisposeAsync()
    {
        if (_app is not null)
            await _app.DisposeAsync();
    }
}

public sealed class TelemetryTests(FakeCollector collector, LiaisonApp plain) : IClassFixture<FakeCollector>, IClassFixture<LiaisonApp>
{
    private sealed class ExportingApp(string endpoint) : LiaisonApp
    {
        protected override IEnumerable<(string Key, string Value)> Settings =>
            [("OTEL_EXPORTER_OTLP_ENDPOINT", endpoint), ("OTEL_EXPORTER_OTLP_PROTOCOL", "http/protobuf"), ("OTEL_BSP_SCHEDULE_DELAY", "200"),
                ("OTEL_METRIC_EXPORT_INTERVAL", "500")];
    }

    [Fact]
    public async Task Traces_and_metrics_go_over_otlp_when_an_endpoint_is_set_and_nothing_is_exported_otherwise()
    {
        Assert.Null(plain.Services.GetService<OpenTelemetry.Trace.TracerProvider>());
        Assert.Null(plain.Services.GetService<OpenTelemetry.Metrics.MeterProvider>());

        var app = new ExportingApp(collector.Endpoint);
        await ((IAsyncLifetime)app).InitializeAsync();
        try
        {
            using var api = await app.ApiAsync(TestData.Executive);
            (await api.GetAsync("/api/v1/agencies")).EnsureSuccessStatusCode();
            var deadline = DateTime.UtcNow.AddSeconds(20);
            while (DateTime.UtcNow < deadline && !(collector.Received.Contains("/v1/traces") && collector.Received.Contains("/v1/metrics")))
                await Task.Delay(100);
            Assert.Contains("/v1/traces", collector.Received);
            Assert.Contains("/v1/metrics", collector.Received);
        }
        finally
        {
            await ((IAsyncLifetime)app).DisposeAsync();
        }
    }
}
