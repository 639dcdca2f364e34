using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace Liaison.Web.Platform.Data;

/// <summary>
/// A transaction that holds the database's write lock, so audit entries join the hash chain one
/// writer at a time. Within one process a semaphore per database orders writers; on PostgreSQL an
/// advisory lock does the same across instances. Taken before the first write, so that SQLite's
/// own lock and this one are always acquired in the same order.
/// </summary>
internal sealed class WriteScope : IAsyncDisposable
{
    private const long PostgresLockKey = 0x4C6961697365; // "Liaise"

    private static readonly ConcurrentDictionary<string, SemaphoreSlim> Locks = new();

    private readonly LiaisonDbContext? _db;
    private readonly SemaphoreSlim? _semaphore;
    private readonly IDbContextTransaction? _transaction;
    private bool _completed;

    private WriteScope(LiaisonDbContext? db, SemaphoreSlim? semaphore, IDbContextTransaction? transaction)
    {
        _db = db;
        _semaphore = semaphore;
        _transaction = transaction;
    }

    public static async Task<WriteScope> EnterAsync(LiaisonDbContext db, CancellationToken ct)
    {
        if (db.HoldsWriteLock)
            return new WriteScope(null, null, null);

        var key = db.Database.GetConnectionString() ?? "";
        var semaphore = Locks.GetOrAdd(key, _ => new SemaphoreSlim(1, 1));
        await semaphore.WaitAsync(ct);
        try
        {
            var transaction = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(ct) : null;
            if (db.Database.IsNpgsql())
                await db.Database.ExecuteSqlRawAsync($"SELECT pg_advisory_xact_lock({PostgresLockKey})", ct);
            db.HoldsWriteLock = true;
            return new WriteScope(db, semaphore, transaction);
        }
        catch
        {
            semaphore.Release();
            throw;
        }
    }

    public async Task CommitAsync(CancellationToken ct)
    {
        if (_transaction is not null)
            await _transaction.CommitAsync(ct);
        _completed = true;
    }

    public async ValueTask DisposeAsync()
    {
        if (_db is null)
            return;
        try
        {
            if (_transaction is not null)
            {
                if (!_completed)
                    await _transaction.RollbackAsync();
                await _transaction.DisposeAsync();
            }
        }
        finally
        {
            _db.HoldsWriteLock = false;
            _semaphore?.Release();
        }
    }
}
