using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Liaison.Web.Platform.Data.Migrations;

/// <summary>
/// Each initiative keeps OpenUpdatedOn (its latest update's date while open, 0001-01-01 when never updated, null once
/// closed), indexed by agency, owner and manager, so "stale" is one index range for My work, the agency page and the
/// health page instead of an OR that no index answers; the owner's and the overall index carry MissingCount, so the
/// health page counts from the index alone (docs/benchmark.md, issue 4).
/// </summary>
[DbContext(typeof(LiaisonDbContext))]
[Migration("20261122000005_StaleInitiatives")]
internal sealed class M0005_StaleInitiatives : Migration
{
    private static readonly (string Name, string[] Columns)[] OldIndexes =
    [
        ("IX_Initiatives_AgencyId_IsOpen_LatestUpdateOn", ["AgencyId", "IsOpen", "LatestUpdateOn"]),
        ("IX_Initiatives_OwnerPersonId_IsOpen_LatestUpdateOn", ["OwnerPersonId", "IsOpen", "LatestUpdateOn"]),
        ("IX_Initiatives_Manager_IsOpen_LatestUpdateOn", ["RelationshipManagerPersonId", "IsOpen", "LatestUpdateOn"]),
        ("IX_Initiatives_IsOpen_LatestUpdateOn", ["IsOpen", "LatestUpdateOn"]),
    ];

    private static readonly (string Name, string[] Columns)[] NewIndexes =
    [
        ("IX_Initiatives_AgencyId_OpenUpdatedOn", ["AgencyId", "OpenUpdatedOn"]),
        ("IX_Initiatives_OwnerPersonId_OpenUpdatedOn_MissingCount", ["OwnerPersonId", "OpenUpdatedOn", "MissingCount"]),
        ("IX_Initiatives_RelationshipManagerPersonId_OpenUpdatedOn", ["RelationshipManagerPersonId", "OpenUpdatedOn"]),
        ("IX_Initiatives_OpenUpdatedOn_MissingCount", ["OpenUpdatedOn", "MissingCount"]),
    ];

    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.AddColumn<DateOnly>("OpenUpdatedOn", "Initiatives", nullable: true);
        migrationBuilder.Sql("""UPDATE "Initiatives" SET "OpenUpdatedOn" = CASE WHEN "IsOpen" THEN COALESCE("LatestUpdateOn", '0001-01-01') END""");
        foreach (var (name, _) in OldIndexes)
            migrationBuilder.DropIndex(name, "Initiatives");
        foreach (var (name, columns) in NewIndexes)
            migrationBuilder.CreateIndex(name, "Initiatives", columns);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        foreach (var (name, _) in NewIndexes)
            migrationBuilder.DropIndex(name, "Initiatives");
        foreach (var (name, columns) in OldIndexes)
            migrationBuilder.CreateIndex(name, "Initiatives", columns);
        migrationBuilder.DropColumn("OpenUpdatedOn", "Initiatives");
    }
}
