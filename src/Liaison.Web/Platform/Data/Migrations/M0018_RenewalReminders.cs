using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Liaison.Web.Platform.Data.Migrations;

/// <summary>Renewal reminders (issue 12): the schedule in the settings, and each reminder sent, once per renewal, person and point.</summary>
[DbContext(typeof(LiaisonDbContext))]
[Migration("20261211000018_RenewalReminders")]
internal sealed class M0018_RenewalReminders : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.AddColumn<string>("RenewalReminderDays", "OrganisationSettings", maxLength: 100, nullable: false, defaultValue: "180, 90, 60, 30, 14, 7");
        migrationBuilder.AddColumn<int>("RenewalReminderIntervalDays", "OrganisationSettings", nullable: false, defaultValue: 7);

        migrationBuilder.CreateTable("RenewalReminders", t => new
        {
            Id = t.Column<long>(nullable: false).Identity(),
            RenewalId = t.Column<int>(nullable: false),
            UserId = t.Column<int>(nullable: false),
            LastSafeDate = t.Column<DateOnly>(nullable: false),
            DaysBefore = t.Column<int>(nullable: false),
            SentOn = t.Column<DateOnly>(nullable: false),
            SentAt = t.Column<DateTime>(nullable: false),
        }, constraints: t =>
        {
            t.PrimaryKey("PK_RenewalReminders", x => x.Id);
            t.ForeignKey("FK_RenewalReminders_Renewals_RenewalId", x => x.RenewalId, "Renewals", "Id", onDelete: ReferentialAction.Cascade);
            t.ForeignKey("FK_RenewalReminders_AspNetUsers_UserId", x => x.UserId, "AspNetUsers", "Id", onDelete: ReferentialAction.Cascade);
        });
        migrationBuilder.CreateIndex("IX_RenewalReminders_RenewalId_UserId_LastSafeDate_DaysBefore", "RenewalReminders",
            ["RenewalId", "UserId", "LastSafeDate", "DaysBefore"], unique: true);
        migrationBuilder.CreateIndex("IX_RenewalReminders_UserId", "RenewalReminders", "UserId");
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable("RenewalReminders");
        migrationBuilder.DropColumn("RenewalReminderIntervalDays", "OrganisationSettings");
        migrationBuilder.DropColumn("RenewalReminderDays", "OrganisationSettings");
    }
}
