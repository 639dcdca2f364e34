using Liaison.Tests.Infrastructure;
using Liaison.Web.Platform.Auth;
using Liaison.Web.Platform.Data;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Liaison.Tests.Features.Platform;

/// <summary>
/// Liaison's migrations are written by hand (docs/adr/0003), so this is what proves them: a database
/// built by the migrations must have exactly the schema of one built from the model, on the provider
/// the suite runs against (SQLite, and PostgreSQL in CI).
/// </summary>
public sealed class SchemaTests
{
    [Fact]
    public async Task Migrations_build_exactly_the_schema_the_model_expects()
    {
        var folder = Path.Combine(Path.GetTempPath(), "liaison-tests", Guid.NewGuid().ToString("N"));
        System.IO.Directory.CreateDirectory(Path.Combine(folder, "migrated"));
        System.IO.Directory.CreateDirectory(Path.Combine(folder, "model"));
        await using var migratedDb = await TestDatabase.CreateAsync(Path.Combine(folder, "migrated"));
        await using var modelDb = await TestDatabase.CreateAsync(Path.Combine(folder, "model"));

        await using var migrated = Context(migratedDb);
        await migrated.Database.MigrateAsync();
        await using var model = Context(modelDb);
        await model.Database.EnsureCreatedAsync();

        var fromMigrations = await SchemaReader.ReadAsync(migrated.Database.GetDbConnection(), migratedDb.Provider);
        var fromModel = await SchemaReader.ReadAsync(model.Database.GetDbConnection(), modelDb.Provider);

        var missing = fromModel.Except(fromMigrations).ToList();
        var extra = fromMigrations.Except(fromModel).ToList();
        Assert.True(missing.Count == 0 && extra.Count == 0,
            $"The migrations do not build the model's schema on {migratedDb.Provider}.\n" +
            $"Missing (in the model, not built by the migrations):\n  {string.Join("\n  ", missing)}\n" +
            $"Extra (built by the migrations, not in the model):\n  {string.Join("\n  ", extra)}");
        Assert.Contains(fromModel, line => line.Contains("AuditEntries", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Every_migration_is_applied_and_none_is_pending_after_start()
    {
        var folder = Path.Combine(Path.GetTempPath(), "liaison-tests", Guid.NewGuid().ToString("N"));
        System.IO.Directory.CreateDirectory(folder);
        await using var database = await TestDatabase.CreateAsync(folder);
        await using var db = Context(database);
        await db.Database.MigrateAsync();
        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
        Assert.NotEmpty(await db.Database.GetAppliedMigrationsAsync());
    }

    private static LiaisonDbContext Context(TestDatabase database)
    {
        var options = new DbContextOptionsBuilder<LiaisonDbContext>();
        if (database.Provider == "Postgres")
            options.UseNpgsql(database.ConnectionString);
        else
            options.UseSqlite(database.ConnectionString);
        options.ConfigureWarnings(w => w.Ignore(RelationalEventId.PendingModelChangesWarning));
        return new LiaisonDbContext(options.Options, new CurrentUser(new HttpContextAccessor()), TimeProvider.System, []);
    }
}
