using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Liaison.Web.Platform.Data.Migrations;

/// <summary>
/// PostgreSQL's search index splits words as the search's query does: at anything not a letter or a digit. Its text parser
/// read "RITM-31337" as "ritm" and the number "-31337", and "2024/15" as one path, so a ticket, renewal or PO number
/// typed as written was not found there (SQLite's FTS5 tokenizer already split them).
/// </summary>
[DbContext(typeof(LiaisonDbContext))]
[Migration("20261213000022_SearchIndexWords")]
internal sealed class M0022_SearchIndexWords : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        if (migrationBuilder.ActiveProvider != MigrationExtensions.PostgresProvider)
            return;
        Vector(migrationBuilder, """to_tsvector('simple', regexp_replace("Text", '[^[:alnum:]]+', ' ', 'g'))""");
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        if (migrationBuilder.ActiveProvider != MigrationExtensions.PostgresProvider)
            return;
        Vector(migrationBuilder, """to_tsvector('simple', "Text")""");
    }

    private static void Vector(MigrationBuilder migrationBuilder, string expression)
    {
        migrationBuilder.Sql("""DROP INDEX "IX_SearchIndex_Vector" """);
        migrationBuilder.Sql("""ALTER TABLE "SearchIndex" DROP COLUMN "Vector" """);
        migrationBuilder.Sql($"""ALTER TABLE "SearchIndex" ADD COLUMN "Vector" tsvector GENERATED ALWAYS AS ({expression}) STORED""");
        migrationBuilder.Sql("""CREATE INDEX "IX_SearchIndex_Vector" ON "SearchIndex" USING gin ("Vector")""");
    }
}
