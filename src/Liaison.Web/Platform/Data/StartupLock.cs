using Microsoft.Data.Sqlite;
using Npgsql;

namespace Liaison.Web.Platform.Data;

/// <summary>
/// Held while an app instance migrates the schema and seeds what every database needs, so that instances started
/// together on an empty database take turns: the second waits, then finds everything done. On PostgreSQL a session
/// advisory lock on a connection of its own; on SQLite (instances on one machine) an exclusive lock file beside the
/// database.
/// </summary>
internal sealed class StartupLock : IAsyncDisposable
{
    private const long PostgresKey = 0x4C6961697374; // "Liaist"
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(5);

    private readonly NpgsqlConnection? _connection;
    private readonly FileStream? _file;

    private StartupLock(NpgsqlConnection? connection, FileStream? file)
    {
        _connection = connection;
        _file = file;
    }

    public static async Task<StartupLock> AcquireAsync(DatabaseProvider provider, string connectionString, ILogger logger, CancellationToken ct)
    {
        if (provider == DatabaseProvider.Postgres)
        {
            var connection = new NpgsqlConnection(connectionString);
            await connection.OpenAsync(ct);
            await using var command = new NpgsqlCommand($"SELECT pg_try_advisory_lock({PostgresKey})", connection);
            if (await command.ExecuteScalarAsync(ct) is not true)
            {
                logger.LogInformation("Another instance is preparing the database; waiting for it.");
                await using var wait = new NpgsqlCommand($"SET statement_timeout = {(int)Patience.TotalMilliseconds}; SELECT pg_advisory_lock({PostgresKey})", connection);
                await wait.ExecuteNonQueryAsync(ct);
            }
            return new StartupLock(connection, null);
        }

        var database = new SqliteConnectionStringBuilder(connectionString).DataSource;
        var path = Path.GetFullPath(database + ".startup-lock");
        var deadline = DateTime.UtcNow + Patience;
        var told = false;
        while (true)
        {
            try
            {
                return new StartupLock(null, new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, 1, FileOptions.DeleteOnClose));
            }
            catch (IOException) when (DateTime.UtcNow < deadline)
            {
                if (!told)
                    logger.LogInformation("Another instance is preparing the database; waiting for it.");
                told = true;
                await Task.Delay(200, ct);
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_connection is not null)
        {
            // Back to the pool as it came: nothing of this session may outlive it (connections are not reset on close).
            await using (var unlock = new NpgsqlCommand($"SELECT pg_advisory_unlock({PostgresKey}); RESET statement_timeout", _connection))
                await unlock.ExecuteNonQueryAsync();
            await _connection.DisposeAsync();
        }
        if (_file is not null)
            await _file.DisposeAsync();
    }
}
