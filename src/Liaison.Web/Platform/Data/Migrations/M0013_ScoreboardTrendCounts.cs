using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Liaison.Web.Platform.Data.Migrations;

/// <summary>
/// The scoreboard's trend, counted when each month is recorded instead of at each reading, and last month's figures read
/// from an index alone (docs/benchmark.md).
/// </summary>
[DbContext(typeof(LiaisonDbContext))]
[Migration("20261207000013_ScoreboardTrendCounts")]
internal sealed class M0013_ScoreboardTrendCounts : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable("ScoreboardTrendCounts", t => new
        {
            Month = t.Column<DateOnly>(nullable: false),
            Key = t.Column<string>(maxLength: 64, nullable: false),
            NeedingAttention = t.Column<int>(nullable: false),
        }, constraints: t => t.PrimaryKey("PK_ScoreboardTrendCounts", x => new { x.Month, x.Key }));
        migrationBuilder.CreateIndex("IX_ScoreboardMonths_Month_Measure", "ScoreboardMonths", ["Month", "AgencyId", "Key", "Measure"]);
        // The months already recorded.
        migrationBuilder.Sql("""
            INSERT INTO "ScoreboardTrendCounts" ("Month", "Key", "NeedingAttention")
            SELECT "Month", "Key", SUM(CASE WHEN "Level" <> 0 THEN 1 ELSE 0 END) FROM "ScoreboardMonths" GROUP BY "Month", "Key"
            """);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropIndex("IX_ScoreboardMonths_Month_Measure", "ScoreboardMonths");
        migrationBuilder.DropTable("ScoreboardTrendCounts");
    }
}
