using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Liaison.Web.Platform.Data.Migrations;

/// <summary>The scoreboard as each month ended, per agency and signal: the trend and the movement since last month (issue 11).</summary>
[DbContext(typeof(LiaisonDbContext))]
[Migration("20261207000008_ScoreboardMonths")]
internal sealed class M0008_ScoreboardMonths : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable("ScoreboardMonths", t => new
        {
            Month = t.Column<DateOnly>(nullable: false),
            AgencyId = t.Column<int>(nullable: false),
            Key = t.Column<string>(maxLength: 64, nullable: false),
            Measure = t.Column<double>(nullable: true),
            Level = t.Column<int>(nullable: false),
            Cell = t.Column<string>(maxLength: 200, nullable: false),
            RecordedAt = t.Column<DateTime>(nullable: false),
        }, constraints: t =>
        {
            t.PrimaryKey("PK_ScoreboardMonths", x => new { x.Month, x.AgencyId, x.Key });
            t.ForeignKey("FK_ScoreboardMonths_Agencies_AgencyId", x => x.AgencyId, "Agencies", "Id", onDelete: ReferentialAction.Cascade);
        });
        migrationBuilder.CreateIndex("IX_ScoreboardMonths_AgencyId", "ScoreboardMonths", "AgencyId");
    }

    protected override void Down(MigrationBuilder migrationBuilder) => migrationBuilder.DropTable("ScoreboardMonths");
}
