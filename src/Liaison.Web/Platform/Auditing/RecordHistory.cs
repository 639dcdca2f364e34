using Liaison.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Liaison.Web.Platform.Auditing;

internal sealed record HistoryEntry(long Id, DateTime Timestamp, string UserName, string Action, IReadOnlyList<FieldChange> Changes);

/// <summary>A record's history, newest first, as its page and the API show it.</summary>
internal sealed class RecordHistory(LiaisonDbContext db)
{
    public async Task<IReadOnlyList<HistoryEntry>> ForAsync(string recordType, string recordId, CancellationToken ct, int take = 100)
    {
        var entries = await db.AuditEntries.AsNoTracking()
            .Where(e => e.RecordType == recordType && e.RecordId == recordId && e.Action != AuditActions.AccessDenied)
            .OrderByDescending(e => e.Id)
            .Take(take)
            .ToListAsync(ct);
        return entries.Select(e => new HistoryEntry(e.Id, e.Timestamp, e.UserName, e.Action, e.FieldChanges)).ToList();
    }
}
