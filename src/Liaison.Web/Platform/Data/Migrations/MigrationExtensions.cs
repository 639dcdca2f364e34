using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.EntityFrameworkCore.Migrations.Operations;
using Microsoft.EntityFrameworkCore.Migrations.Operations.Builders;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

namespace Liaison.Web.Platform.Data.Migrations;

/// <summary>
/// Helpers for Liaison's hand-written, provider-neutral migrations (docs/adr/0003). Columns name
/// their CLR type only; each provider picks its store type, exactly as it does for the model.
/// </summary>
internal static class MigrationExtensions
{
    public const string SqliteProvider = "Microsoft.EntityFrameworkCore.Sqlite";
    public const string PostgresProvider = "Npgsql.EntityFrameworkCore.PostgreSQL";

    /// <summary>A database-generated key: AUTOINCREMENT on SQLite, an identity column on PostgreSQL.</summary>
    public static OperationBuilder<AddColumnOperation> Identity(this OperationBuilder<AddColumnOperation> column) => column
        .Annotation("Sqlite:Autoincrement", true)
        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn);

    /// <summary>Makes a table refuse UPDATE and DELETE at the database itself.</summary>
    public static void MakeAppendOnly(this MigrationBuilder migrationBuilder, string table)
    {
        if (migrationBuilder.ActiveProvider == SqliteProvider)
        {
            migrationBuilder.Sql($"""
                CREATE TRIGGER "{table}_NoUpdate" BEFORE UPDATE ON "{table}"
                BEGIN SELECT RAISE(ABORT, '{table} is append-only'); END;
                """);
            migrationBuilder.Sql($"""
                CREATE TRIGGER "{table}_NoDelete" BEFORE DELETE ON "{table}"
                BEGIN SELECT RAISE(ABORT, '{table} is append-only'); END;
                """);
        }
        else if (migrationBuilder.ActiveProvider == PostgresProvider)
        {
            migrationBuilder.Sql($"""
                CREATE FUNCTION "{table}_refuse_change"() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN RAISE EXCEPTION '{table} is append-only'; END $$;
                """);
            migrationBuilder.Sql($"""
                CREATE TRIGGER "{table}_NoChange" BEFORE UPDATE OR DELETE ON "{table}"
                FOR EACH ROW EXECUTE FUNCTION "{table}_refuse_change"();
                """);
        }
    }
}
