using Liaison.Web.Platform.Auth;
using Liaison.Web.Platform.Data;
using Liaison.Web.Platform.Web;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Liaison.Web.Platform.Email;

internal enum OutboxState
{
    /// <summary>Waiting for its first or next attempt.</summary>
    Pending,

    /// <summary>Every attempt of its budget failed: nobody will try again unless an administrator asks.</summary>
    Failed,

    Sent,
}

internal sealed record OutboxRow(long Id, string To, string Subject, DateTime CreatedAt, int Attempts, DateTime NextAttemptAt, DateTime? SentAt,
    string? LastError, OutboxState State);

internal sealed record OutboxSummary(int Pending, int Failed, int SentToday);

/// <summary>What administrators see of outgoing mail: what is waiting, what failed and why, and a way to try a failed message again.</summary>
internal sealed class ReviewOutbox(LiaisonDbContext db, AccessRule access, IOptions<EmailOptions> options, TimeProvider clock)
{
    private int MaxAttempts => options.Value.MaxAttempts;

    public async Task<Result<OutboxSummary>> SummaryAsync(CancellationToken ct)
    {
        if (!access.User.IsAdministrator)
            return Result<OutboxSummary>.Forbidden();
        var max = MaxAttempts;
        var since = clock.GetUtcNow().UtcDateTime.AddDays(-1);
        var unsent = await db.OutboxMessages.AsNoTracking().Where(m => m.SentAt == null)
            .GroupBy(m => m.Attempts >= max).Select(g => new { Failed = g.Key, Count = g.Count() }).ToListAsync(ct);
        var sent = await db.OutboxMessages.AsNoTracking().CountAsync(m => m.SentAt >= since, ct);
        return Result<OutboxSummary>.Ok(new OutboxSummary(unsent.Where(u => !u.Failed).Sum(u => u.Count), unsent.Where(u => u.Failed).Sum(u => u.Count), sent));
    }

    /// <summary>Messages in one state, newest first (failed ones by default: those are the ones to act on).</summary>
    public async Task<Result<PagedResult<OutboxRow>>> ListAsync(OutboxState state, int page, int pageSize, CancellationToken ct)
    {
        if (!access.User.IsAdministrator)
            return Result<PagedResult<OutboxRow>>.Forbidden();
        var max = MaxAttempts;
        var messages = db.OutboxMessages.AsNoTracking();
        messages = state switch
        {
            OutboxState.Sent => messages.Where(m => m.SentAt != null),
            OutboxState.Failed => messages.Where(m => m.SentAt == null && m.Attempts >= max),
            _ => messages.Where(m => m.SentAt == null && m.Attempts < max),
        };
        var rows = messages.OrderByDescending(m => m.Id)
            .Select(m => new OutboxRow(m.Id, m.To, m.Subject, m.CreatedAt, m.Attempts, m.NextAttemptAt, m.SentAt, m.LastError, state));
        return Result<PagedResult<OutboxRow>>.Ok(await rows.ToPageAsync(new OutboxQuery(page, pageSize), ct));
    }

    /// <summary>Gives a message that was given up a fresh budget of attempts, starting at the outbox's next turn.</summary>
    public async Task<Result<bool>> RetryAsync(long id, CancellationToken ct)
    {
        if (!access.User.IsAdministrator)
            return Result<bool>.Forbidden();
        var retried = await db.OutboxMessages.Where(m => m.Id == id && m.SentAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.Attempts, 0).SetProperty(m => m.NextAttemptAt, clock.GetUtcNow().UtcDateTime), ct);
        return retried == 0 ? Result<bool>.NotFound() : Result<bool>.Ok(true);
    }

    private sealed record OutboxQuery(int Page, int PageSize) : IListQuery
    {
        public string? Search => null;
        public string? Sort => null;
        public bool Desc => true;
    }
}
