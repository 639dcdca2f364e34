using System.Diagnostics;
using Liaison.Web.Platform.Data;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Liaison.Web.Platform.Operations;

/// <summary>
/// A consistent copy of the whole database while Liaison runs, and the way back (docs/operations.md). SQLite: VACUUM
/// INTO writes a compact, consistent copy of the file; restoring copies it in place while Liaison is stopped. PostgreSQL:
/// pg_dump's custom format; restoring is pg_restore into an empty database. Everything Liaison keeps is in the
/// database (records, audit trail, sessions, keys, uploads waiting for confirmation, the scheduler's state), so the copy
/// is the backup.
/// </summary>
internal static class Backups
{
    public static async Task BackupAsync(DatabaseProvider provider, string connectionString, string target, TextWriter output, CancellationToken ct)
    {
        target = Path.GetFullPath(target);
        if (File.Exists(target))
            throw new BackupException($"{target} exists already; choose a new file name (backups are never overwritten).");
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        if (provider == DatabaseProvider.Sqlite)
        {
            await using var connection = new SqliteConnection(connectionString);
            await connection.OpenAsync(ct);
            await using var command = connection.CreateCommand();
            command.CommandText = "VACUUM INTO $target";
            command.Parameters.AddWithValue("$target", target);
            await command.ExecuteNonQueryAsync(ct);
        }
        else
            await RunAsync("pg_dump", ["--format=custom", "--no-owner", "--no-privileges", "--file", target], connectionString, ct);
        await output.WriteLineAsync($"Backed up the {provider} database to {target} ({new FileInfo(target).Length / 1024.0:N0} KB).");
    }

    /// <summary>Restores a backup into an empty database (a new SQLite file, or a PostgreSQL database with no tables).</summary>
    public static async Task RestoreAsync(DatabaseProvider provider, string connectionString, string source, TextWriter output, CancellationToken ct)
    {
        source = Path.GetFullPath(source);
        if (!File.Exists(source))
            throw new BackupException($"There is no backup at {source}.");
        if (provider == DatabaseProvider.Sqlite)
        {
            var database = Path.GetFullPath(new SqliteConnectionStringBuilder(connectionString).DataSource);
            if (File.Exists(database) && new FileInfo(database).Length > 0)
                throw new BackupException($"{database} exists; restore into a new file (move the old one aside while Liaison is stopped).");
            Directory.CreateDirectory(Path.GetDirectoryName(database)!);
            File.Copy(source, database);
        }
        else
        {
            await using (var connection = new NpgsqlConnection(connectionString))
            {
                await connection.OpenAsync(ct);
                await using var count = new NpgsqlCommand("SELECT count(*) FROM information_schema.tables WHERE table_schema = 'public'", connection);
                if ((long)(await count.ExecuteScalarAsync(ct))! > 0)
                    throw new BackupException("The target database has tables; restore into a new, empty database (createdb).");
            }
            await RunAsync("pg_restore", ["--no-owner", "--no-privileges", "--exit-on-error", source], connectionString, ct, database: true);
        }
        await output.WriteLineAsync($"Restored {source} into the {provider} database. Start Liaison, then run verify-audit.");
    }

    /// <summary>Runs a PostgreSQL client with the connection's settings in its environment (never on its command line).</summary>
    private static async Task RunAsync(string tool, string[] arguments, string connectionString, CancellationToken ct, bool database = false)
    {
        var settings = new NpgsqlConnectionStringBuilder(connectionString);
        var start = new ProcessStartInfo(ClientPath(tool)) { RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var argument in arguments)
            start.ArgumentList.Add(argument);
        if (database)
        {
            start.ArgumentList.Insert(0, "--dbname");
            start.ArgumentList.Insert(1, settings.Database ?? "");
        }
        start.Environment["PGHOST"] = settings.Host;
        start.Environment["PGPORT"] = settings.Port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        start.Environment["PGUSER"] = settings.Username;
        start.Environment["PGPASSWORD"] = settings.Password ?? "";
        start.Environment["PGDATABASE"] = settings.Database;
        using var process = Process.Start(start) ?? throw new BackupException($"{tool} could not be started.");
        var errors = process.StandardError.ReadToEndAsync(ct);
        await process.StandardOutput.ReadToEndAsync(ct);
        await process.WaitForExitAsync(ct);
        if (process.ExitCode != 0)
            throw new BackupException($"{tool} failed ({process.ExitCode}): {(await errors).Trim()}");
    }

    /// <summary>The newest installed PostgreSQL client tool, else the one on the PATH.</summary>
    private static string ClientPath(string tool)
    {
        var installed = Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql").Select(d => Path.Combine(d, "bin", tool)).Where(File.Exists)
                .OrderByDescending(p => int.TryParse(Path.GetFileName(Path.GetDirectoryName(Path.GetDirectoryName(p))), out var v) ? v : 0).FirstOrDefault()
            : null;
        return installed ?? tool;
    }
}

/// <summary>A backup or restore that cannot go ahead; the message says why and what to do.</summary>
internal sealed class BackupException(string message) : Exception(message);
