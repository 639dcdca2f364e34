using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Liaison.Web.Platform.Data.Migrations;

/// <summary>
/// What several app instances on one database share (issue 9): browser sessions kept on the server, the generation that
/// retires every instance's cached figures at the next request after a save, the data-protection keys that make one
/// instance's cookie good on another, and the answers kept for API retries with an Idempotency-Key.
/// </summary>
[DbContext(typeof(LiaisonDbContext))]
[Migration("20261206000006_ScaleOut")]
internal sealed class M0006_ScaleOut : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable("UserSessions", t => new
        {
            KeyHash = t.Column<string>(maxLength: 64, nullable: false),
            UserId = t.Column<int>(nullable: false),
            Ticket = t.Column<byte[]>(nullable: false),
            CreatedAt = t.Column<DateTime>(nullable: false),
            ExpiresAt = t.Column<DateTime>(nullable: true),
            RenewedAt = t.Column<DateTime>(nullable: false),
        }, constraints: t =>
        {
            t.PrimaryKey("PK_UserSessions", x => x.KeyHash);
            t.ForeignKey("FK_UserSessions_AspNetUsers_UserId", x => x.UserId, "AspNetUsers", "Id", onDelete: ReferentialAction.Cascade);
        });
        migrationBuilder.CreateIndex("IX_UserSessions_UserId", "UserSessions", "UserId");
        migrationBuilder.CreateIndex("IX_UserSessions_ExpiresAt", "UserSessions", "ExpiresAt");

        migrationBuilder.CreateTable("DataGeneration", t => new
        {
            Id = t.Column<int>(nullable: false),
            Value = t.Column<long>(nullable: false),
        }, constraints: t => t.PrimaryKey("PK_DataGeneration", x => x.Id));
        migrationBuilder.Sql("""INSERT INTO "DataGeneration" ("Id", "Value") VALUES (1, 0)""");

        migrationBuilder.CreateTable("IdempotencyRecords", t => new
        {
            UserId = t.Column<int>(nullable: false),
            Key = t.Column<string>(maxLength: 100, nullable: false),
            RequestHash = t.Column<string>(maxLength: 64, nullable: false),
            StatusCode = t.Column<int>(nullable: true),
            ContentType = t.Column<string>(maxLength: 200, nullable: true),
            Location = t.Column<string>(maxLength: 2000, nullable: true),
            Body = t.Column<byte[]>(nullable: true),
            CreatedAt = t.Column<DateTime>(nullable: false),
            CompletedAt = t.Column<DateTime>(nullable: true),
        }, constraints: t =>
        {
            t.PrimaryKey("PK_IdempotencyRecords", x => new { x.UserId, x.Key });
            t.ForeignKey("FK_IdempotencyRecords_AspNetUsers_UserId", x => x.UserId, "AspNetUsers", "Id", onDelete: ReferentialAction.Cascade);
        });
        migrationBuilder.CreateIndex("IX_IdempotencyRecords_CreatedAt", "IdempotencyRecords", "CreatedAt");

        migrationBuilder.CreateTable("DataProtectionKeys", t => new
        {
            Id = t.Column<int>(nullable: false).Identity(),
            FriendlyName = t.Column<string>(nullable: true),
            Xml = t.Column<string>(nullable: true),
        }, constraints: t => t.PrimaryKey("PK_DataProtectionKeys", x => x.Id));
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable("DataProtectionKeys");
        migrationBuilder.DropTable("IdempotencyRecords");
        migrationBuilder.DropTable("DataGeneration");
        migrationBuilder.DropTable("UserSessions");
    }
}
