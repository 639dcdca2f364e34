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

    public static WebApplicationBuilder AddPlatformData(this WebApplicationBuilder builder)
    {
        var config = builder.Configuration;
        var provider = Provider(config);
        var connectionString = config.GetConnectionString("Liaison");
        if (provider == DatabaseProvider.Sqlite && string.IsNullOrWhiteSpace(connectionString))
        {
            var folder = DataFolder(config, builder.Environment);
            Directory.CreateDirectory(folder);
            connectionString = $"Data Source={Path.Combine(folder, "liaison.db")}";
        }
        if (string.IsNullOrWhiteSpace(connectionString))
            throw new InvalidOperationException("ConnectionStrings:Liaison is required when Database:Provider is Postgres.");

        builder.Services.AddDbContext<LiaisonDbContext>(options =>
        {
            if (provider == DatabaseProvider.Postgres)
                options.UseNpgsql(connectionString);
            else
                options.UseSqlite(connectionString);
            // Migrations are written by hand (see docs/adr/0003); a test compares the schema they
            // build with the model's, on both providers, instead of EF's snapshot check.
            options.ConfigureWarnings(w => w.Ignore(RelationalEventId.PendingModelChangesWarning));
        });
        return builder;
    }
}
