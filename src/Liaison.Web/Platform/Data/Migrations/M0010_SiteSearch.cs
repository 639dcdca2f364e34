using Liaison.Web.Platform.Search;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Liaison.Web.Platform.Data.Migrations;

/// <summary>
/// The header's search (issue 11, docs/adr/0016): meetings get the SearchText other records have, and one full-text index
/// of every searchable table, kept in step by triggers (SQLite FTS5; PostgreSQL tsvector under GIN). The kind numbers are
/// the search sources' codes.
/// </summary>
[DbContext(typeof(LiaisonDbContext))]
[Migration("20261207000010_SiteSearch")]
internal sealed class M0010_SiteSearch : Migration
{
    private static readonly (string Table, int Kind, string? Agency)[] Indexed =
    [
        ("Agencies", 1, "Id"),
        ("People", 2, "AgencyId"),
        ("Initiatives", 3, "AgencyId"),
        ("Meetings", 4, null), // a meeting may be with several agencies: its own query decides who sees it
        ("Interactions", 5, "AgencyId"),
        ("QuickWins", 6, "AgencyId"),
        ("ActionItems", 7, "AgencyId"),
    ];

    private static readonly string[] Trigrams = ["gin_trgm_ops"];

    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.AddColumn<string>(name: "SearchText", table: "Meetings", maxLength: 600, nullable: false, defaultValue: "");
        migrationBuilder.Sql("""UPDATE "Meetings" SET "SearchText" = lower("Title" || ' ' || coalesce("Location", ''))""");
        if (migrationBuilder.ActiveProvider == MigrationExtensions.PostgresProvider)
        {
            migrationBuilder.CreateIndex("IX_Meetings_SearchText_Trigram", "Meetings", "SearchText")
                .Annotation("Npgsql:IndexMethod", "gin")
                .Annotation("Npgsql:IndexOperators", Trigrams);
        }
        migrationBuilder.CreateSearchIndex();
        foreach (var (table, kind, agency) in Indexed)
            migrationBuilder.IndexForSearch(table, kind, agency);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        foreach (var (table, _, _) in Indexed)
        {
            if (migrationBuilder.ActiveProvider == MigrationExtensions.PostgresProvider)
            {
                migrationBuilder.Sql($"""DROP TRIGGER "{table}_SearchIndex" ON "{table}" """);
            }
            else
            {
                foreach (var suffix in new[] { "Insert", "Update", "Delete" })
                    migrationBuilder.Sql($"""DROP TRIGGER "{table}_SearchIndex_{suffix}" """);
            }
        }
        migrationBuilder.Sql("""DROP TABLE "SearchIndex" """);
        if (migrationBuilder.ActiveProvider == MigrationExtensions.PostgresProvider)
        {
            migrationBuilder.Sql("""DROP FUNCTION "SearchIndex_Sync"() """);
            migrationBuilder.DropIndex("IX_Meetings_SearchText_Trigram", "Meetings");
        }
        migrationBuilder.DropColumn("SearchText", "Meetings");
    }
}
