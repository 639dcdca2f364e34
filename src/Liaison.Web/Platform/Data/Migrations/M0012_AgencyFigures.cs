using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Liaison.Web.Platform.Data.Migrations;

/// <summary>Each agency's health signals as of a day, kept current by versions: what the scoreboard reads (docs/adr/0017).</summary>
[DbContext(typeof(LiaisonDbContext))]
[Migration("20261207000012_AgencyFigures")]
internal sealed class M0012_AgencyFigures : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder) =>
        migrationBuilder.CreateTable("AgencyFigures", t => new
        {
            AgencyId = t.Column<int>(nullable: false),
            Version = t.Column<long>(nullable: false),
            CleanVersion = t.Column<long>(nullable: true),
            AsOf = t.Column<DateOnly>(nullable: true),
            Signals = t.Column<string>(nullable: false),
            ComputedAt = t.Column<DateTime>(nullable: true),
        }, constraints: t =>
        {
            t.PrimaryKey("PK_AgencyFigures", x => x.AgencyId);
            t.ForeignKey("FK_AgencyFigures_Agencies_AgencyId", x => x.AgencyId, "Agencies", "Id", onDelete: ReferentialAction.Cascade);
        });

    protected override void Down(MigrationBuilder migrationBuilder) => migrationBuilder.DropTable("AgencyFigures");
}
