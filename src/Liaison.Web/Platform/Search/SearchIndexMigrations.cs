using Liaison.Web.Platform.Data.Migrations;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Liaison.Web.Platform.Search;

/// <summary>
/// The full-text index behind <see cref="SiteSearch"/>: one index of every searchable record's SearchText (the words the
/// save pipeline derives on every save, <see cref="Data.ISearchable"/>), keyed by <c>record id × 64 + kind</c>, with the
/// record's agency so an agency user's candidates are read from their agency alone. Triggers on each table keep it in
/// step with every write: a save, an import, a bulk update that bypasses the change tracker (docs/adr/0016).
/// SQLite: an FTS5 table. PostgreSQL: a table with a generated tsvector under a GIN index, and one trigger function.
/// </summary>
internal static class SearchIndexMigrations
{
    /// <summary>Kinds per record id: the index key is id × Slots + kind.</summary>
    public const long Slots = 64;

    public static void CreateSearchIndex(this MigrationBuilder migrationBuilder)
    {
        if (migrationBuilder.ActiveProvider == MigrationExtensions.PostgresProvider)
        {
            migrationBuilder.Sql("""
                CREATE TABLE "SearchIndex" (
                    "Id" bigint PRIMARY KEY,
                    "AgencyId" integer NULL,
                    "Text" text NOT NULL,
                    "Vector" tsvector GENERATED ALWAYS AS (to_tsvector('simple', "Text")) STORED)
                """);
            migrationBuilder.Sql("""CREATE INDEX "IX_SearchIndex_Vector" ON "SearchIndex" USING gin ("Vector")""");
            migrationBuilder.Sql("""
                CREATE FUNCTION "SearchIndex_Sync"() RETURNS trigger LANGUAGE plpgsql AS $$
                DECLARE
                    kind bigint := TG_ARGV[0]::bigint;
                    agency_column text := TG_ARGV[1];
                BEGIN
                    IF TG_OP IN ('UPDATE', 'DELETE') THEN
                        DELETE FROM "SearchIndex" WHERE "Id" = OLD."Id"::bigint * 64 + kind;
                    END IF;
                    IF TG_OP IN ('INSERT', 'UPDATE') THEN
                        INSERT INTO "SearchIndex" ("Id", "AgencyId", "Text")
                        VALUES (NEW."Id"::bigint * 64 + kind,
                                CASE WHEN agency_column = '' THEN NULL ELSE (to_jsonb(NEW) ->> agency_column)::integer END,
                                NEW."SearchText");
                    END IF;
                    RETURN NULL;
                END $$
                """);
        }
        else
        {
            // prefix: indexes of every word's first 2 to 6 letters, so the word being typed is looked up, not merged from
            // every word it begins (a merge reads the whole of a common word's list: 30 ms for one in 500,000 records).
            migrationBuilder.Sql("""
                CREATE VIRTUAL TABLE "SearchIndex" USING fts5("Text", "AgencyId" UNINDEXED, tokenize = 'unicode61 remove_diacritics 2', prefix = '2 3 4 5 6')
                """);
        }
    }

    /// <summary>
    /// Puts <paramref name="table"/>'s records in the index as <paramref name="kind"/> (the <see cref="ISearchSource.Code"/>
    /// of its source), with the agency from <paramref name="agencyColumn"/> (null for records of several or no agency),
    /// and indexes the rows already there.
    /// </summary>
    public static void IndexForSearch(this MigrationBuilder migrationBuilder, string table, int kind, string? agencyColumn)
    {
        var watched = agencyColumn is null || agencyColumn == "Id" ? "\"SearchText\"" : $"\"SearchText\", \"{agencyColumn}\"";
        if (migrationBuilder.ActiveProvider == MigrationExtensions.PostgresProvider)
        {
            migrationBuilder.Sql($"""
                CREATE TRIGGER "{table}_SearchIndex" AFTER INSERT OR DELETE OR UPDATE OF {watched} ON "{table}"
                FOR EACH ROW EXECUTE FUNCTION "SearchIndex_Sync"('{kind}', '{agencyColumn ?? ""}')
                """);
            migrationBuilder.Sql($"""
                INSERT INTO "SearchIndex" ("Id", "AgencyId", "Text")
                SELECT "Id"::bigint * 64 + {kind}, {(agencyColumn is null ? "NULL" : $"\"{agencyColumn}\"")}, "SearchText" FROM "{table}"
                """);
            return;
        }
        var agency = agencyColumn is null ? "NULL" : $"new.\"{agencyColumn}\"";
        migrationBuilder.Sql($"""
            CREATE TRIGGER "{table}_SearchIndex_Insert" AFTER INSERT ON "{table}" BEGIN
                INSERT INTO "SearchIndex" (rowid, "Text", "AgencyId") VALUES (new."Id" * 64 + {kind}, new."SearchText", {agency});
            END
            """);
        migrationBuilder.Sql($"""
            CREATE TRIGGER "{table}_SearchIndex_Update" AFTER UPDATE OF {watched} ON "{table}" BEGIN
                DELETE FROM "SearchIndex" WHERE rowid = old."Id" * 64 + {kind};
                INSERT INTO "SearchIndex" (rowid, "Text", "AgencyId") VALUES (new."Id" * 64 + {kind}, new."SearchText", {agency});
            END
            """);
        migrationBuilder.Sql($"""
            CREATE TRIGGER "{table}_SearchIndex_Delete" AFTER DELETE ON "{table}" BEGIN
                DELETE FROM "SearchIndex" WHERE rowid = old."Id" * 64 + {kind};
            END
            """);
        migrationBuilder.Sql($"""
            INSERT INTO "SearchIndex" (rowid, "Text", "AgencyId")
            SELECT "Id" * 64 + {kind}, "SearchText", {(agencyColumn is null ? "NULL" : $"\"{agencyColumn}\"")} FROM "{table}"
            """);
    }

    /// <summary>Undoes <see cref="IndexForSearch"/>: drops <paramref name="table"/>'s triggers and its records' entries of <paramref name="kind"/>.</summary>
    public static void RemoveFromSearch(this MigrationBuilder migrationBuilder, string table, int kind)
    {
        var postgres = migrationBuilder.ActiveProvider == MigrationExtensions.PostgresProvider;
        migrationBuilder.Sql(postgres
            ? $"""DROP TRIGGER "{table}_SearchIndex" ON "{table}" """
            : $"""DROP TRIGGER "{table}_SearchIndex_Insert"; DROP TRIGGER "{table}_SearchIndex_Update"; DROP TRIGGER "{table}_SearchIndex_Delete" """);
        migrationBuilder.Sql(postgres
            ? $"""DELETE FROM "SearchIndex" WHERE "Id" % {Slots} = {kind}"""
            : $"""DELETE FROM "SearchIndex" WHERE rowid % {Slots} = {kind}""");
    }
}
