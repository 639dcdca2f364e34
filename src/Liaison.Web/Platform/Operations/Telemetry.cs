using System.Diagnostics;
using Npgsql;
using OpenTelemetry.Logs;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace Liaison.Web.Platform.Operations;

/// <summary>
/// What an operator reads: structured logs with the request's trace id on every line (JSON on the console outside
/// Development), and, when OTEL_EXPORTER_OTLP_ENDPOINT is set, OpenTelemetry traces, metrics and logs over OTLP
/// (ASP.NET Core, Npgsql, the job scheduler, the runtime). Nothing is exported when it is not set.
/// </summary>
internal static class Telemetry
{
    public const string ServiceName = "liaison";

    /// <summary>The activity sources Liaison's own work and its libraries report under.</summary>
    private static readonly string[] Sources = ["Microsoft.AspNetCore", "Quartz", "Liaison"];

    public static WebApplicationBuilder AddPlatformTelemetry(this WebApplicationBuilder builder)
    {
        builder.Logging.Configure(o => o.ActivityTrackingOptions = ActivityTrackingOptions.TraceId | ActivityTrackingOptions.SpanId);
        if (!builder.Environment.IsDevelopment() && builder.Configuration["Logging:Console:FormatterName"] is null)
        {
            builder.Logging.AddJsonConsole(o =>
            {
                o.IncludeScopes = true;
                o.UseUtcTimestamp = true;
                o.TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffZ ";
            });
        }
        else
            builder.Logging.AddSimpleConsole(o => o.IncludeScopes = true);

        // Every request has an activity, exported or not, so its trace id is on each log line and in each problem.
        ActivitySource.AddActivityListener(RequestActivities);

        var endpoint = builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"];
        if (string.IsNullOrWhiteSpace(endpoint))
            return builder;
        builder.Services.AddOpenTelemetry()
            .ConfigureResource(r => r.AddService(ServiceName, serviceInstanceId: Environment.MachineName + ":" + Environment.ProcessId))
            .WithTracing(t => t.AddAspNetCoreInstrumentation(o => o.Filter = c => !c.Request.Path.StartsWithSegments("/health"))
                .AddNpgsql().AddSource(Sources).AddOtlpExporter())
            .WithMetrics(m => m.AddAspNetCoreInstrumentation().AddRuntimeInstrumentation().AddNpgsqlInstrumentation().AddMeter("Quartz").AddOtlpExporter())
            .WithLogging(l => l.AddOtlpExporter());
        return builder;
    }

    private static readonly ActivityListener RequestActivities = new()
    {
        ShouldListenTo = source => source.Name == "Microsoft.AspNetCore",
        Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.PropagationData,
    };

    /// <summary>The id a person quotes and an operator searches the logs for: the trace id, else the request's own id.</summary>
    public static string CorrelationId(HttpContext context) => Activity.Current?.TraceId.ToString() ?? context.TraceIdentifier;
}
