using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Liaison.Web.Platform.Data.Migrations;

/// <summary>Each user's saved views of lists: filters and sort under a name (issue 11).</summary>
[DbContext(typeof(LiaisonDbContext))]
[Migration("20261208000015_SavedViews")]
internal sealed class M0015_SavedViews : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable("SavedViews", t => new
        {
            Id = t.Column<int>(nullable: false).Identity(),
            UserId = t.Column<int>(nullable: false),
            List = t.Column<string>(maxLength: 100, nullable: false),
            Name = t.Column<string>(maxLength: 80, nullable: false),
            Query = t.Column<string>(maxLength: 1000, nullable: false),
            CreatedAt = t.Column<DateTime>(nullable: false),
        }, constraints: t =>
        {
            t.PrimaryKey("PK_SavedViews", x => x.Id);
            t.ForeignKey("FK_SavedViews_AspNetUsers_UserId", x => x.UserId, "AspNetUsers", "Id", onDelete: ReferentialAction.Cascade);
        });
        migrationBuilder.CreateIndex("IX_SavedViews_UserId_List_Name", "SavedViews", ["UserId", "List", "Name"], unique: true);
    }

    protected override void Down(MigrationBuilder migrationBuilder) => migrationBuilder.DropTable("SavedViews");
}
