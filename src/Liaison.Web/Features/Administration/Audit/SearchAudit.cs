using Liaison.Web.Platform.Auditing;
using Liaison.Web.Platform.Auth;
using Liaison.Web.Platform.Data;
using Liaison.Web.Platform.ImportExport;
using Liaison.Web.Platform.Web;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Liaison.Web.Features.Administration.Audit;

internal sealed record AuditQuery(
    string? Search = null,
    string? RecordType = null,
    string? RecordId = null,
    string? Action = null,
    string? User = null,
    DateOnly? From = null,
    DateOnly? To = null,
    string? Sort = null,
    bool Desc = true,
    int Page = 1,
    int PageSize = 50) : IListQuery;

internal sealed record AuditRow(long Id, DateTime Timestamp, string UserName, string Action, string RecordType, string RecordId,
    IReadOnlyList<FieldChange> Changes, string? CorrelationId);

/// <summary>The administrators' search of the whole audit trail, and its verification.</summary>
internal sealed class SearchAudit(LiaisonDbContext db, AccessRule access)
{
    private static readonly IReadOnlyDictionary<string, SortOrder<AuditEntry>> Sorts = new Dictionary<string, SortOrder<AuditEntry>>
    {
        ["when"] = SortOrder<AuditEntry>.By(e => e.Id),
    };

    public async Task<Result<PagedResult<AuditRow>>> HandleAsync(AuditQuery query, CancellationToken ct)
    {
        if (!access.CanAdminister)
            return Result<PagedResult<AuditRow>>.Forbidden();
        var size = Paging.ClampPageSize(query.PageSize);
        var filtered = Filtered(query);
        var total = await filtered.CountAsync(ct);
        var page = Math.Min(Paging.ClampPage(query.Page), Math.Max(1, (int)Math.Ceiling(total / (double)size)));
        var entries = await (query.Desc ? filtered.OrderByDescending(e => e.Id) : filtered.OrderBy(e => e.Id))
            .Skip((page - 1) * size).Take(size).ToListAsync(ct);
        return Result<PagedResult<AuditRow>>.Ok(new PagedResult<AuditRow>(entries.Select(ToRow).ToList(), page, size, total));
    }

    public async Task<Result<ExportFile>> ExportAsync(AuditQuery query, ExportFormat format, DateTime now, CancellationToken ct)
    {
        if (!access.CanAdminister)
            return Result<ExportFile>.Forbidden();
        var entries = await Filtered(query).OrderBy(e => e.Id).Take(100_000).ToListAsync(ct);
        return Result<ExportFile>.Ok(TableExport.ToFile(entries.Select(ToRow),
        [
            new ExportColumn<AuditRow>("Id", r => r.Id),
            new("When (UTC)", r => r.Timestamp),
            new("User", r => r.UserName),
            new("Action", r => r.Action),
            new("Record type", r => r.RecordType),
            new("Record id", r => r.RecordId),
            new("Changes", r => string.Join("; ", r.Changes.Select(c => $"{c.Field}: {c.From ?? "—"} → {c.To ?? "—"}"))),
            new("Correlation id", r => r.CorrelationId),
        ], format, "audit-trail", now));
    }

    public async Task<Result<ChainVerification>> VerifyAsync(CancellationToken ct) =>
        access.CanAdminister
            ? Result<ChainVerification>.Ok(await AuditChain.VerifyAsync(db, ct))
            : Result<ChainVerification>.Forbidden();

    /// <summary>The record types present in the trail, for the filter.</summary>
    public Task<List<string>> RecordTypesAsync(CancellationToken ct) =>
        db.AuditEntries.AsNoTracking().Select(e => e.RecordType).Distinct().OrderBy(t => t).ToListAsync(ct);

    private IQueryable<AuditEntry> Filtered(AuditQuery query)
    {
        var entries = db.AuditEntries.AsNoTracking();
        if (query.RecordType is { Length: > 0 } type)
            entries = entries.Where(e => e.RecordType == type);
        if (query.RecordId is { Length: > 0 } id)
            entries = entries.Where(e => e.RecordId == id);
        if (query.Action is { Length: > 0 } action)
            entries = entries.Where(e => e.Action == action);
        if (query.User is { Length: > 0 } user)
            entries = entries.Where(e => e.UserName.ToLower().Contains(user.Trim().ToLower()));
        if (query.From is { } from)
        {
            var start = from.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
            entries = entries.Where(e => e.Timestamp >= start);
        }
        if (query.To is { } to)
        {
            var end = to.AddDays(1).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
            entries = entries.Where(e => e.Timestamp < end);
        }
        if (Paging.SearchPattern(query.Search) is { } term)
        {
            entries = entries.Where(e => e.UserName.ToLower().Contains(term) || e.RecordType.ToLower().Contains(term)
                || e.RecordId == term || e.Changes.ToLower().Contains(term));
        }
        return entries;
    }

    private static AuditRow ToRow(AuditEntry e) =>
        new(e.Id, e.Timestamp, e.UserName, e.Action, e.RecordType, e.RecordId, e.FieldChanges, e.CorrelationId);
}

/// <summary>What walking the audit trail's hash chain found.</summary>
internal sealed record ChainVerificationDto(bool Intact, long EntriesChecked, long? FirstBrokenEntryId, string? Problem);

internal static class AuditApi
{
    public static RouteGroupBuilder MapAuditApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/audit").WithTags("Audit").RequireAuthorization(Policies.Administrator);
        group.MapGet("/", SearchAsync).WithSummary("Search the audit trail (administrators)");
        group.MapGet("/export", ExportAsync).WithSummary("Export the audit trail as filtered");
        group.MapGet("/verify", VerifyAsync).WithSummary("Walk the hash chain and report the first broken entry, if any");
        return api;
    }

    private static async Task<Results<Ok<PagedResult<AuditRow>>, ProblemHttpResult>> SearchAsync([AsParameters] AuditQuery query, SearchAudit audit,
        CancellationToken ct) =>
        (await audit.HandleAsync(query, ct)).ToOk(page => page);

    private static Task<Results<Download, ProblemHttpResult>> ExportAsync([AsParameters] AuditQuery query, string? format, SearchAudit audit, TimeProvider clock,
        CancellationToken ct) =>
        TableExport.AnswerAsync(format, f => audit.ExportAsync(query, f, clock.GetUtcNow().UtcDateTime, ct));

    private static async Task<Results<Ok<ChainVerificationDto>, ProblemHttpResult>> VerifyAsync(SearchAudit audit, CancellationToken ct) =>
        (await audit.VerifyAsync(ct)).ToOk(v => new ChainVerificationDto(v.IsIntact, v.EntriesChecked, v.FirstBroken?.Id, v.Problem));
}
