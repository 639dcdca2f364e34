using Liaison.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace Liaison.Web.Platform.Auditing;

/// <summary>The result of walking the chain: where it first breaks, if anywhere.</summary>
internal sealed record ChainVerification(long EntriesChecked, AuditEntry? FirstBroken, string? Problem)
{
    public bool IsIntact => FirstBroken is null;
}

/// <summary>
/// The audit trail's hash chain: each entry's hash covers its content and its predecessor's hash.
/// Editing, inserting or deleting an entry anywhere breaks the chain from that entry on.
/// </summary>
internal static class AuditChain
{
    /// <summary>Timestamps are kept to the millisecond, which both databases store exactly, so hashes survive the round trip.</summary>
    public static DateTime Truncate(DateTime utc) =>
        new(utc.Ticks - (utc.Ticks % TimeSpan.TicksPerMillisecond), DateTimeKind.Utc);

    public static void RefuseChangesToTrail(ChangeTracker tracker)
    {
        if (tracker.Entries<AuditEntry>().Any(e => e.State is EntityState.Modified or EntityState.Deleted))
            throw new InvalidOperationException("The audit trail is append-only.");
    }

    /// <summary>Links new entries to the end of the chain. The caller holds the write lock.</summary>
    public static async Task LinkAsync(LiaisonDbContext db, IReadOnlyList<AuditEntry> entries, CancellationToken ct)
    {
        var previous = await db.AuditEntries.AsNoTracking().OrderByDescending(e => e.Id)
            .Select(e => e.Hash).FirstOrDefaultAsync(ct) ?? "";
        foreach (var entry in entries)
        {
            entry.Timestamp = Truncate(entry.Timestamp);
            entry.PreviousHash = previous;
            entry.Hash = entry.ComputeHash();
            previous = entry.Hash;
        }
    }

    public static async Task<ChainVerification> VerifyAsync(LiaisonDbContext db, CancellationToken ct)
    {
        var previous = "";
        long checkedCount = 0;
        await foreach (var entry in db.AuditEntries.AsNoTracking().OrderBy(e => e.Id).AsAsyncEnumerable().WithCancellation(ct))
        {
            checkedCount++;
            if (entry.PreviousHash != previous)
                return new ChainVerification(checkedCount, entry, "does not follow the entry before it (an entry was removed or inserted)");
            if (entry.ComputeHash() != entry.Hash)
                return new ChainVerification(checkedCount, entry, "was altered after it was written");
            previous = entry.Hash;
        }
        return new ChainVerification(checkedCount, null, null);
    }
}
