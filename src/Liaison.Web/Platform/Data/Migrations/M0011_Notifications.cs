using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Liaison.Web.Platform.Data.Migrations;

/// <summary>The bell's notifications and each user's choice of a daily digest (issue 11).</summary>
[DbContext(typeof(LiaisonDbContext))]
[Migration("20261207000011_Notifications")]
internal sealed class M0011_Notifications : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable("Notifications", t => new
        {
            Id = t.Column<long>(nullable: false).Identity(),
            UserId = t.Column<int>(nullable: false),
            Kind = t.Column<string>(maxLength: 40, nullable: false),
            Title = t.Column<string>(maxLength: 300, nullable: false),
            Link = t.Column<string>(maxLength: 300, nullable: true),
            ActorName = t.Column<string>(maxLength: 200, nullable: true),
            CreatedAt = t.Column<DateTime>(nullable: false),
            ReadAt = t.Column<DateTime>(nullable: true),
            DigestedAt = t.Column<DateTime>(nullable: true),
        }, constraints: t =>
        {
            t.PrimaryKey("PK_Notifications", x => x.Id);
            t.ForeignKey("FK_Notifications_AspNetUsers_UserId", x => x.UserId, "AspNetUsers", "Id", onDelete: ReferentialAction.Cascade);
        });
        migrationBuilder.CreateIndex("IX_Notifications_UserId_ReadAt", "Notifications", ["UserId", "ReadAt"]);
        migrationBuilder.CreateIndex("IX_Notifications_UserId_CreatedAt", "Notifications", ["UserId", "CreatedAt"]);

        migrationBuilder.CreateTable("NotificationPreferences", t => new
        {
            UserId = t.Column<int>(nullable: false),
            DailyDigest = t.Column<bool>(nullable: false),
            LastDigestOn = t.Column<DateOnly>(nullable: true),
        }, constraints: t =>
        {
            t.PrimaryKey("PK_NotificationPreferences", x => x.UserId);
            t.ForeignKey("FK_NotificationPreferences_AspNetUsers_UserId", x => x.UserId, "AspNetUsers", "Id", onDelete: ReferentialAction.Cascade);
        });
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable("NotificationPreferences");
        migrationBuilder.DropTable("Notifications");
    }
}
