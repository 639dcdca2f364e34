using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Liaison.Web.Platform.Data.Migrations;

/// <summary>
/// On PostgreSQL, a trigram index (pg_trgm, a trusted extension the database owner may create) on each searchable
/// table's SearchText: a search's "contains" becomes an index lookup (docs/benchmark.md, issue 9). Nothing on SQLite.
/// </summary>
[DbContext(typeof(LiaisonDbContext))]
[Migration("20261206000007_SearchTrigrams")]
internal sealed class M0007_SearchTrigrams : Migration
{
    private static readonly string[] Tables = ["ActionItems", "Agencies", "Initiatives", "Interactions", "People", "QuickWins"];
    private static readonly string[] Trigrams = ["gin_trgm_ops"];

    protected override void Up(MigrationBuilder migrationBuilder)
    {
        if (migrationBuilder.ActiveProvider != MigrationExtensions.PostgresProvider)
            return;
        migrationBuilder.Sql("CREATE EXTENSION IF NOT EXISTS pg_trgm");
        foreach (var table in Tables)
        {
            migrationBuilder.CreateIndex($"IX_{table}_SearchText_Trigram", table, "SearchText")
                .Annotation("Npgsql:IndexMethod", "gin")
                .Annotation("Npgsql:IndexOperators", Trigrams);
        }
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        if (migrationBuilder.ActiveProvider != MigrationExtensions.PostgresProvider)
            return;
        foreach (var table in Tables)
            migrationBuilder.DropIndex($"IX_{table}_SearchText_Trigram", table);
    }
}
