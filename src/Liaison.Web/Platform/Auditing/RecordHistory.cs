using Liaison.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Liaison.Web.Platform.Auditing;

internal sealed record HistoryEntry(long Id, DateTime Timestamp, string UserName, string Action, IReadOnlyList<FieldChange> Changes);

/// <summary>A record's history, newest first, as its page and the API show it.</summary>
internal sealed class RecordHistory(LiaisonDbContext db, Web.DerivedCache cache)
{
    /// <summary>A record's changes, newest first; kept until the next save, which is what adds to them.</summary>
    public Task<IReadOnlyList<HistoryEntry>> ForAsync(string recordType, string recordId, CancellationToken ct, int take = 100) =>
        cache.GetAsync($"history:{recordType}:{recordId}:{take}", async () =>
        {
            var entries = await db.AuditEntries.AsNoTracking()
                .Where(e => e.RecordType == recordType && e.RecordId == recordId && e.Action != AuditActions.AccessDenied)
                .OrderByDescending(e => e.Id)
                .Take(take)
                .ToListAsync(ct);
            return (IReadOnlyList<HistoryEntry>)entries.Select(e => new HistoryEntry(e.Id, e.Timestamp, e.UserName, e.Action, e.FieldChanges)).ToList();
        });
}
