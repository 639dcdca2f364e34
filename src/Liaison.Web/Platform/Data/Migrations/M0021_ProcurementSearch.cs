using Liaison.Web.Platform.Search;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Liaison.Web.Platform.Data.Migrations;

/// <summary>
/// Procurement requests in the header's search (ProcurementSearch, kind 10), with their agency so that an agency user
/// finds their own agency's alone: the words an agency's users see too (title, justification, who asked, ticket, PO).
/// </summary>
[DbContext(typeof(LiaisonDbContext))]
[Migration("20261213000021_ProcurementSearch")]
internal sealed class M0021_ProcurementSearch : Migration
{
    private static readonly string[] Trigrams = ["gin_trgm_ops"];

    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.AddColumn<string>("SearchText", "ProcurementRequests", maxLength: 4600, nullable: false, defaultValue: "");
        // The requests already there, as the save pipeline would have written them (lower case, words joined by spaces).
        migrationBuilder.Sql("""
            UPDATE "ProcurementRequests" SET "SearchText" = lower(trim(
                "Title" || ' ' || coalesce("Justification", '') || ' ' || "RequestedBy" || ' ' || coalesce("ProcurementTicket", '') || ' ' || coalesce("PurchaseOrder", '')))
            """);
        migrationBuilder.IndexForSearch("ProcurementRequests", 10, "AgencyId");
        if (migrationBuilder.ActiveProvider == MigrationExtensions.PostgresProvider)
        {
            // The model gives every searchable table a trigram index on PostgreSQL (LiaisonDbContext.IndexSearchTextByTrigram), for "contains" filters.
            migrationBuilder.CreateIndex("IX_ProcurementRequests_SearchText_Trigram", "ProcurementRequests", "SearchText")
                .Annotation("Npgsql:IndexMethod", "gin")
                .Annotation("Npgsql:IndexOperators", Trigrams);
        }
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        if (migrationBuilder.ActiveProvider == MigrationExtensions.PostgresProvider)
            migrationBuilder.DropIndex("IX_ProcurementRequests_SearchText_Trigram", "ProcurementRequests");
        migrationBuilder.RemoveFromSearch("ProcurementRequests", 10);
        migrationBuilder.DropColumn("SearchText", "ProcurementRequests");
    }
}
