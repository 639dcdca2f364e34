using Liaison.Web.Platform.Web;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Liaison.Web.Features.Renewals.Procurement;

/// <summary>A quote as the provider's staff read it.</summary>
internal sealed record QuoteDto(int Id, string Vendor, decimal Amount, DateOnly QuotedOn, long? AttachmentId);

/// <summary>A procurement request; for an agency's user, without the assessment and the quotes (null), and with its own files only.</summary>
internal sealed record ProcurementDto(int Id, int AgencyId, string? Agency, string Title, string? Justification, string RequestedBy, decimal? EstimatedCost,
    ProcurementStatus Status, DateOnly StatusSince, int AgeDays, bool? AlignedWithStrategy, string? AssessmentReasons, int? ApproverPersonId, string? Approver,
    DateOnly? ApprovedOn, string? ProcurementTicket, string? PurchaseOrder, DateOnly? ReceivedOn, bool DocumentationComplete, IReadOnlyList<QuoteDto>? Quotes,
    IReadOnlyList<AttachmentInfo> Attachments, int Version)
{
    public static Func<ProcurementView, ProcurementDto> For(DateOnly today) => view =>
    {
        var r = view.Request;
        return new(r.Id, r.AgencyId, r.Agency?.Name, r.Title, r.Justification, r.RequestedBy, r.EstimatedCost, r.Status, r.StatusSince, view.AgeDays(today),
            r.AlignedWithStrategy, r.AssessmentReasons, r.ApproverPersonId, r.Approver?.FullName, r.ApprovedOn, r.ProcurementTicket, r.PurchaseOrder, r.ReceivedOn,
            r.DocumentationComplete, view.Internal ? r.Quotes.OrderBy(q => q.Id).Select(q => new QuoteDto(q.Id, q.Vendor, q.Amount, q.QuotedOn, q.AttachmentId)).ToList() : null,
            view.Attachments, r.Version);
    };
}

/// <summary>A file served as a download (never shown inline), with its own name and type; the site's nosniff header applies.</summary>
internal sealed class AttachmentDownload(ProcurementAttachment file) : IResult, Microsoft.AspNetCore.Http.Metadata.IEndpointMetadataProvider, IStatusCodeHttpResult
{
    public int? StatusCode => StatusCodes.Status200OK;

    public Task ExecuteAsync(HttpContext httpContext)
    {
        httpContext.Response.Headers.CacheControl = "private, no-store";
        return TypedResults.File(file.Content, file.ContentType, file.FileName).ExecuteAsync(httpContext);
    }

    public static void PopulateMetadata(System.Reflection.MethodInfo method, EndpointBuilder builder) =>
        builder.Metadata.Add(new Microsoft.AspNetCore.Http.ProducesResponseTypeMetadata(StatusCodes.Status200OK, typeof(Stream), ["application/octet-stream"]));
}

internal static class ProcurementApi
{
    public static RouteGroupBuilder MapProcurementApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/procurement").WithTags("Renewals");
        group.MapGet("/", BoardAsync).WithSummary("The procurement board: a column per status (closed=true for closed, declined and withdrawn), each with its count and its longest-waiting requests; agencyId filters. An agency's users see their agency's");
        group.MapGet("/{id:int}", GetAsync).WithSummary("One request; the assessment and quotes (null for an agency's users) and the attachments they may see");
        group.MapPost("/", CreateAsync).WithSummary("Raise a request: an agency's users for their agency (what, why, who, estimate); the agency's relationship managers and administrators with everything");
        group.MapPut("/{id:int}", UpdateAsync).WithSummary("Edit a request (the agency's users only while it is new, and only their part); quotes are matched by id; a stale version is answered 409");
        group.MapPost("/{id:int}/attachments", AttachAsync).DisableAntiforgery()
            .WithSummary($"Attach a file (multipart 'file', up to {Platform.Files.FileCheck.MaxBytes / 1024 / 1024} MB: {Platform.Files.FileCheck.Accepted}, checked by content; 'internal'=true keeps it from the agency)");
        group.MapGet("/attachments/{id:long}", DownloadAsync).WithSummary("Download an attachment (always as a download); each download is audited");
        return api;
    }

    private static async Task<Results<Ok<IReadOnlyList<ProcurementColumn>>, ProblemHttpResult>> BoardAsync(int? agencyId, bool? closed, ManageProcurement procurement,
        CancellationToken ct) =>
        (await procurement.BoardAsync(agencyId, closed == true, ct)).ToOk(columns => columns);

    private static async Task<Results<VersionedOk<ProcurementDto>, ProblemHttpResult>> GetAsync(int id, ManageProcurement procurement,
        Platform.Time.OrganisationClock clock, CancellationToken ct) =>
        (await procurement.GetAsync(id, ct)).ToVersioned(ProcurementDto.For(clock.Today), d => d.Version);

    private static async Task<Results<VersionedCreated<ProcurementDto>, ProblemHttpResult>> CreateAsync(ProcurementInput input, ManageProcurement procurement,
        Platform.Time.OrganisationClock clock, CancellationToken ct)
    {
        var created = await procurement.CreateAsync(input, ct);
        return created.IsOk
            ? (await procurement.GetAsync(created.Value!.Id, ct)).ToCreated(ProcurementDto.For(clock.Today), d => $"/api/v1/procurement/{d.Id}", d => d.Version)
            : created.Problem();
    }

    private static async Task<Results<VersionedOk<ProcurementDto>, ProblemHttpResult>> UpdateAsync(int id, ProcurementInput input, HttpContext http,
        ManageProcurement procurement, Platform.Time.OrganisationClock clock, CancellationToken ct)
    {
        if (ResultTranslation.RequireVersion(http, input) is { } missing)
            return missing;
        var updated = await procurement.UpdateAsync(id, input, ct);
        return updated.IsOk ? (await procurement.GetAsync(id, ct)).ToVersioned(ProcurementDto.For(clock.Today), d => d.Version) : updated.Problem();
    }

    private static async Task<Results<Created<AttachmentInfo>, ProblemHttpResult>> AttachAsync(int id, IFormFile file, bool? @internal,
        ManageProcurement procurement, CancellationToken ct)
    {
        if (file.Length > Platform.Files.FileCheck.MaxBytes)
            return Platform.ImportExport.ImportApi.TooLarge(StatusCodes.Status413PayloadTooLarge, Platform.Files.FileCheck.TooLargeMessage);
        using var buffer = new MemoryStream();
        await file.CopyToAsync(buffer, ct);
        var attached = await procurement.AttachAsync(id, file.FileName, buffer.ToArray(), @internal == true, ct);
        return attached.IsOk ? TypedResults.Created($"/api/v1/procurement/attachments/{attached.Value!.Id}", attached.Value) : attached.Problem();
    }

    private static async Task<Results<AttachmentDownload, ProblemHttpResult>> DownloadAsync(long id, ManageProcurement procurement, CancellationToken ct)
    {
        var file = await procurement.DownloadAsync(id, ct);
        return file.IsOk ? new AttachmentDownload(file.Value!) : file.Problem();
    }
}
