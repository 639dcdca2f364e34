using System.Reflection;
using Liaison.Web.Platform.ImportExport;
using Microsoft.AspNetCore.Http.Metadata;

namespace Liaison.Web.Platform.Web;

/// <summary>
/// 200 with the record and its version as ETag (the value If-Match sends back). A typed result: the endpoint's OpenAPI
/// description gets the record's schema from the handler's signature.
/// </summary>
internal sealed class VersionedOk<T>(T value, int version) : IResult, IEndpointMetadataProvider, IStatusCodeHttpResult, IValueHttpResult, IValueHttpResult<T>
{
    public T Value { get; } = value;

    public int Version { get; } = version;

    public int? StatusCode => StatusCodes.Status200OK;

    object? IValueHttpResult.Value => Value;

    public Task ExecuteAsync(HttpContext httpContext)
    {
        httpContext.Response.Headers.ETag = $"\"{Version}\"";
        return TypedResults.Ok(Value).ExecuteAsync(httpContext);
    }

    public static void PopulateMetadata(MethodInfo method, EndpointBuilder builder) =>
        builder.Metadata.Add(new ProducesResponseTypeMetadata(StatusCodes.Status200OK, typeof(T), ["application/json"]));
}

/// <summary>201 with the new record, its address as Location and its version as ETag.</summary>
internal sealed class VersionedCreated<T>(T value, string location, int version)
    : IResult, IEndpointMetadataProvider, IStatusCodeHttpResult, IValueHttpResult, IValueHttpResult<T>
{
    public T Value { get; } = value;

    public string Location { get; } = location;

    public int Version { get; } = version;

    public int? StatusCode => StatusCodes.Status201Created;

    object? IValueHttpResult.Value => Value;

    public Task ExecuteAsync(HttpContext httpContext)
    {
        httpContext.Response.Headers.ETag = $"\"{Version}\"";
        return TypedResults.Created(Location, Value).ExecuteAsync(httpContext);
    }

    public static void PopulateMetadata(MethodInfo method, EndpointBuilder builder) =>
        builder.Metadata.Add(new ProducesResponseTypeMetadata(StatusCodes.Status201Created, typeof(T), ["application/json"]));
}

/// <summary>An exported list as a file download, CSV or XLSX, described as such in the OpenAPI document.</summary>
internal sealed class Download(ExportFile file) : IResult, IEndpointMetadataProvider, IStatusCodeHttpResult
{
    public const string Xlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public ExportFile File { get; } = file;

    public int? StatusCode => StatusCodes.Status200OK;

    public Task ExecuteAsync(HttpContext httpContext) => TypedResults.File(File.Content, File.ContentType, File.FileName).ExecuteAsync(httpContext);

    public static void PopulateMetadata(MethodInfo method, EndpointBuilder builder) =>
        builder.Metadata.Add(new ProducesResponseTypeMetadata(StatusCodes.Status200OK, typeof(Stream), ["text/csv", Xlsx]));
}

/// <summary>An iCalendar file (a meeting's invitation), described as text/calendar in the OpenAPI document.</summary>
internal sealed class CalendarDownload(string ics, string fileName) : IResult, IEndpointMetadataProvider, IStatusCodeHttpResult
{
    public string Ics { get; } = ics;

    public int? StatusCode => StatusCodes.Status200OK;

    public Task ExecuteAsync(HttpContext httpContext) =>
        TypedResults.File(System.Text.Encoding.UTF8.GetBytes(Ics), "text/calendar; charset=utf-8", fileName).ExecuteAsync(httpContext);

    public static void PopulateMetadata(MethodInfo method, EndpointBuilder builder) =>
        builder.Metadata.Add(new ProducesResponseTypeMetadata(StatusCodes.Status200OK, typeof(Stream), ["text/calendar"]));
}
