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
            $"Extra (built by the migrations, not in the model):\n  {string.Join("\n  ", extra)}\n" +
            Suggestions(model, missing, fromMigrations));
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

    /// <summary>
    /// For each column the model has and no migration adds, the line to put in a new migration's Up (see
    /// docs/architecture.md, "Adding a column"): the one short step this test then checks.
    /// </summary>
    private static string Suggestions(LiaisonDbContext model, List<string> missing, List<string> fromMigrations)
    {
        var lines = new List<string>();
        foreach (var entity in model.Model.GetEntityTypes().Where(e => e.GetTableName() is not null))
        {
            var table = entity.GetTableName()!;
            var identifier = Microsoft.EntityFrameworkCore.Metadata.StoreObjectIdentifier.Table(table, entity.GetSchema());
            foreach (var property in entity.GetProperties())
            {
                var column = property.GetColumnName(identifier);
                if (column is null || fromMigrations.Any(l => l.StartsWith($"column {table}.{column} ", StringComparison.Ordinal))
                    || !missing.Any(l => l.StartsWith($"column {table}.{column} ", StringComparison.Ordinal)))
                    continue;
                var clr = property.GetTypeMapping().Converter?.ProviderClrType ?? property.ClrType;
                clr = Nullable.GetUnderlyingType(clr) ?? clr;
                var type = clr == typeof(int) ? "int" : clr == typeof(long) ? "long" : clr == typeof(bool) ? "bool" : clr == typeof(string) ? "string"
                    : clr == typeof(decimal) ? "decimal" : clr == typeof(double) ? "double" : clr.Name;
                var length = property.GetMaxLength() is { } max ? $", maxLength: {max}" : "";
                // A NOT NULL column needs a value for the rows already there: the same default in the migration and, with
                // HasDefaultValue, in the model, or the schemas differ again.
                var fallback = property.IsNullable ? "" : (clr == typeof(string) ? ", defaultValue: \"\"" : $", defaultValue: default({type})")
                    + "); // and .HasDefaultValue(...) on the property, the same value";
                lines.Add($"migrationBuilder.AddColumn<{type}>(name: \"{column}\", table: \"{table}\", nullable: {(property.IsNullable ? "true" : "false")}{length}"
                    + (property.IsNullable ? ");" : fallback));
            }
        }
        return lines.Count == 0 ? "" : "A new migration's Up could add the missing columns with:\n  " + string.Join("\n  ", lines.Distinct()) + "\n";
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
