using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Liaison.Web.Platform.Data;

internal enum DatabaseProvider
{
    Sqlite,
    Postgres,
}

internal static class DataSetup
{
    /// <summary>Where the embedded database, data-protection keys and mail pickup folder live by default.</summary>
    public static string DataFolder(IConfiguration config, IHostEnvironment env) =>
        config["Data:Folder"] is { Length: > 0 } folder
            ? Path.GetFullPath(folder, env.ContentRootPath)
            : Path.Combine(env.ContentRootPath, "data");

    public static DatabaseProvider Provider(IConfiguration config) =>
        Enum.TryParse<DatabaseProvider>(config["Database:Provider"], ignoreCase: true, out var provider)
            ? provider
            : config["Database:Provider"] is { Length: > 0 } unknown
                ? throw new InvalidOperationException($"Database:Provider '{unknown}' is not supported; use Sqlite or Postgres.")
                : DatabaseProvider.Sqlite;

    /// <summary>The database's connection string: ConnectionStrings:Liaison, or for SQLite the file in the data folder.</summary>
    public static string ConnectionString(IConfiguration config, IHostEnvironment env)
    {
        var connectionString = config.GetConnectionString("Liaison");
        if (Provider(config) == DatabaseProvider.Sqlite && string.IsNullOrWhiteSpace(connectionString))
        {
            var folder = DataFolder(config, env);
            Directory.CreateDirectory(folder);
            connectionString = $"Data Source={Path.Combine(folder, "liaison.db")}";
        }
        if (string.IsNullOrWhiteSpace(connectionString))
            throw new InvalidOperationException("ConnectionStrings:Liaison is required when Database:Provider is Postgres.");
        return Provider(config) == DatabaseProvider.Postgres ? WithPostgresDefaults(connectionString) : connectionString;
    }

    /// <summary>
    /// Npgsql's automatic preparation (a statement run twice is prepared on its connection, so PostgreSQL parses and
    /// plans it once rather than on every page) and no reset of the session when a connection goes back to the pool
    /// (the reset would drop those prepared statements). Liaison keeps no session state on pooled connections. A
    /// connection string that sets either keeps its own (Max Auto Prepare=0 behind a pooler that cannot carry
    /// prepared statements). docs/benchmark.md has the figures: the minimal page 626 to 884 requests a second.
    /// </summary>
    private static string WithPostgresDefaults(string connectionString)
    {
        var builder = new Npgsql.NpgsqlConnectionStringBuilder(connectionString);
        var given = new System.Data.Common.DbConnectionStringBuilder { ConnectionString = connectionString };
        bool Given(params string[] names) => names.Any(given.ContainsKey);
        if (!Given("Max Auto Prepare", "MaxAutoPrepare"))
            builder.MaxAutoPrepare = 256;
        if (!Given("Auto Prepare Min Usages", "AutoPrepareMinUsages"))
            builder.AutoPrepareMinUsages = 2;
        if (!Given("No Reset On Close", "NoResetOnClose"))
            builder.NoResetOnClose = true;
        return builder.ConnectionString;
    }

    public static WebApplicationBuilder AddPlatformData(this WebApplicationBuilder builder)
    {
        var config = builder.Configuration;
        var provider = Provider(config);
        var connectionString = ConnectionString(config, builder.Environment);

        builder.Services.AddDbContext<LiaisonDbContext>(options =>
        {
            if (provider == DatabaseProvider.Postgres)
                options.UseNpgsql(connectionString);
            else
                options.UseSqlite(connectionString);
            // Migrations are written by hand (see docs/adr/0003); a test compares the schema they
            // build with the model's, on both providers, instead of EF's snapshot check.
            // The access rule filters agencies, people and what agencies own; their parts (attendees, status updates,
            // contributors) have no filter of their own and are only read through their filtered whole, which is
            // what EF's warning about a filtered required end is about. It would print five warnings at every start.
            options.ConfigureWarnings(w => w
                .Ignore(RelationalEventId.PendingModelChangesWarning)
                .Ignore(CoreEventId.PossibleIncorrectRequiredNavigationWithQueryFilterInteractionWarning));
        });
        return builder;
    }
}
