using Microsoft.Data.Sqlite;
using Npgsql;

namespace Liaison.Tests.Infrastructure;

/// <summary>
/// A throw-away database for one app instance: a SQLite file, or (LIAISON_TEST_DATABASE=Postgres) a
/// fresh PostgreSQL database on the server LIAISON_TEST_POSTGRES names, dropped afterwards.
/// </summary>
public sealed class TestDatabase : IAsyncDisposable
{
    private readonly string? _adminConnectionString;
    private readonly string? _databaseName;

    private TestDatabase(string provider, string connectionString, string? adminConnectionString, string? databaseName)
    {
        Provider = provider;
        ConnectionString = connectionString;
        _adminConnectionString = adminConnectionString;
        _databaseName = databaseName;
    }

    public string Provider { get; }
    public string ConnectionString { get; }

    public static bool IsPostgres =>
        string.Equals(Environment.GetEnvironmentVariable("LIAISON_TEST_DATABASE"), "Postgres", StringComparison.OrdinalIgnoreCase);

    public static async Task<TestDatabase> CreateAsync(string folder)
    {
        if (!IsPostgres)
            return new TestDatabase("Sqlite", new SqliteConnectionStringBuilder { DataSource = Path.Combine(folder, "liaison.db") }.ToString(), null, null);

        var admin = Environment.GetEnvironmentVariable("LIAISON_TEST_POSTGRES")
            ?? throw new InvalidOperationException("LIAISON_TEST_DATABASE=Postgres needs LIAISON_TEST_POSTGRES, a connection string to a server where the tests may create databases.");
        var name = "liaison_test_" + Guid.NewGuid().ToString("N")[..12];
        await using (var connection = new NpgsqlConnection(admin))
        {
            await connection.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
            await create.ExecuteNonQueryAsync();
        }
        var connectionString = new NpgsqlConnectionStringBuilder(admin) { Database = name }.ToString();
        return new TestDatabase("Postgres", connectionString, admin, name);
    }

    public async ValueTask DisposeAsync()
    {
        if (_adminConnectionString is null)
        {
            SqliteConnection.ClearAllPools();
            return;
        }
        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection(_adminConnectionString);
        await connection.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{_databaseName}\" WITH (FORCE)", connection);
        await drop.ExecuteNonQueryAsync();
    }
}

/// <summary>A test of what only PostgreSQL deployments do (several instances clustered on one database); skipped on SQLite.</summary>
public sealed class PostgresFactAttribute : FactAttribute
{
    public PostgresFactAttribute()
    {
        if (!TestDatabase.IsPostgres)
            Skip = "Clustering needs PostgreSQL; this run is on SQLite (the PostgreSQL run covers it).";
    }
}
