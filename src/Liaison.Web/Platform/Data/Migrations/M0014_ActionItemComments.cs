using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Liaison.Web.Platform.Data.Migrations;

/// <summary>Comments on action items, by staff and by the agency contact who owns the item (issue 11).</summary>
[DbContext(typeof(LiaisonDbContext))]
[Migration("20261208000014_ActionItemComments")]
internal sealed class M0014_ActionItemComments : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable("ActionItemComments", t => new
        {
            Id = t.Column<int>(nullable: false).Identity(),
            ActionItemId = t.Column<int>(nullable: false),
            AuthorUserId = t.Column<int>(nullable: true),
            AuthorName = t.Column<string>(maxLength: 200, nullable: false),
            ByAgency = t.Column<bool>(nullable: false),
            Text = t.Column<string>(maxLength: 2000, nullable: false),
            CreatedAt = t.Column<DateTime>(nullable: false),
        }, constraints: t =>
        {
            t.PrimaryKey("PK_ActionItemComments", x => x.Id);
            t.ForeignKey("FK_ActionItemComments_ActionItems_ActionItemId", x => x.ActionItemId, "ActionItems", "Id", onDelete: ReferentialAction.Cascade);
        });
        migrationBuilder.CreateIndex("IX_ActionItemComments_ActionItemId_CreatedAt", "ActionItemComments", ["ActionItemId", "CreatedAt"]);
    }

    protected override void Down(MigrationBuilder migrationBuilder) => migrationBuilder.DropTable("ActionItemComments");
}
