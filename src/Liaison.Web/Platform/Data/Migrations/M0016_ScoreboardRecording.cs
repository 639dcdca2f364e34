using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Liaison.Web.Platform.Data.Migrations;

/// <summary>
/// Which recount wrote each month's trend: while last month's is unchanged its cells are too, and an instance keeps them
/// in memory instead of reading 2,000 cells per uncached scoreboard (docs/benchmark.md).
/// </summary>
[DbContext(typeof(LiaisonDbContext))]
[Migration("20261209000016_ScoreboardRecording")]
internal sealed class M0016_ScoreboardRecording : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder) =>
        migrationBuilder.AddColumn<Guid>("Recording", "ScoreboardTrendCounts", nullable: false, defaultValue: Guid.Empty);

    protected override void Down(MigrationBuilder migrationBuilder) => migrationBuilder.DropColumn("Recording", "ScoreboardTrendCounts");
}
