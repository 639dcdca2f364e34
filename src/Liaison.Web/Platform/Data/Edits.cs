using Liaison.Web.Platform.Web;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Liaison.Web.Platform.Data;

/// <summary>Saving an edit made against a known version: the one place optimistic concurrency is enforced.</summary>
internal static class Edits
{
    /// <summary>
    /// Applies and saves an edit the user made while looking at <paramref name="version"/>. If the
    /// record has moved on, nothing is written and the answer is a conflict describing the difference
    /// between the saved record and the user's input.
    /// </summary>
    public static async Task<Result<T>> SaveAsync<T, TInput>(
        LiaisonDbContext db, T entity, int version, TInput yours, Func<T, TInput> snapshot, Action<T> apply,
        string recordType, int recordId, CancellationToken ct, Func<string, object?, string?>? format = null)
        where T : class, IVersioned
        where TInput : class
    {
        if (entity.Version != version)
            return Result<T>.Conflicted(await Conflicts.DescribeAsync(db, recordType, recordId, entity.Version, snapshot(entity), yours, ct, format));

        apply(entity);
        db.Entry(entity).Property(e => e.Version).OriginalValue = version;
        try
        {
            await db.SaveChangesAsync(ct);
            return Result<T>.Ok(entity);
        }
        catch (DbUpdateConcurrencyException)
        {
            // Somebody saved between our read and our write.
            db.ChangeTracker.Clear();
            var key = db.Model.FindEntityType(typeof(T))!.FindPrimaryKey()!.Properties[0].Name;
            var current = await db.Set<T>().FirstOrDefaultAsync(e => EF.Property<int>(e, key) == recordId, ct);
            if (current is null)
                return Result<T>.NotFound();
            return Result<T>.Conflicted(await Conflicts.DescribeAsync(db, recordType, recordId, current.Version, snapshot(current), yours, ct, format));
        }
    }

    /// <summary>True when a save failed on a unique index (two people creating the same thing at once).</summary>
    public static bool IsUniqueViolation(DbUpdateException ex) => ex.InnerException switch
    {
        SqliteException sqlite => sqlite.SqliteErrorCode == 19 && sqlite.SqliteExtendedErrorCode is 2067 or 1555,
        PostgresException postgres => postgres.SqlState == PostgresErrorCodes.UniqueViolation,
        _ => false,
    };
}
