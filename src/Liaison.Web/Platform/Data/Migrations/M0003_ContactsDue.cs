using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Liaison.Web.Platform.Data.Migrations;

/// <summary>
/// Each stakeholder profile keeps the day its next touch falls due and the agency it counts for, indexed together, so
/// "My work" ranks and counts a manager's due contacts without reading every contact (docs/benchmark.md, issue 3).
/// </summary>
[DbContext(typeof(LiaisonDbContext))]
[Migration("20261122000003_ContactsDue")]
internal sealed class M0003_ContactsDue : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.AddColumn<DateOnly>("NextDueOn", "StakeholderProfiles", nullable: true);
        migrationBuilder.AddColumn<int>("TrackedAgencyId", "StakeholderProfiles", nullable: true);
        migrationBuilder.Sql(RefreshAllSql(migrationBuilder.ActiveProvider == MigrationExtensions.PostgresProvider));
        migrationBuilder.CreateIndex("IX_StakeholderProfiles_TrackedAgencyId_NextDueOn", "StakeholderProfiles", ["TrackedAgencyId", "NextDueOn"]);
    }

    /// <summary>
    /// The derivation as it stood when the columns arrived (weekly 7 days, semi-monthly 15, monthly 31, quarterly 92;
    /// never touched: the earliest date). A migration keeps its own copy: it must do tomorrow what it did the day it ran.
    /// </summary>
    private static string RefreshAllSql(bool postgres)
    {
        string Plus(int days) => postgres ? $"\"LastTouchOn\" + {days}" : $"date(\"LastTouchOn\", '+{days} days')";
        var never = postgres ? "DATE '0001-01-01'" : "'0001-01-01'";
        return $"""
            UPDATE "StakeholderProfiles" SET
              "TrackedAgencyId" = (SELECT p."AgencyId" FROM "People" p WHERE p."Id" = "StakeholderProfiles"."PersonId" AND p."IsActive"),
              "NextDueOn" = CASE WHEN "Frequency" IN ('W', 'S', 'M', 'Q') AND "LastTouchOn" IS NULL THEN {never}
                                 ELSE CASE "Frequency" WHEN 'W' THEN {Plus(7)} WHEN 'S' THEN {Plus(15)} WHEN 'M' THEN {Plus(31)} WHEN 'Q' THEN {Plus(92)} ELSE NULL END END
            """;
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropIndex("IX_StakeholderProfiles_TrackedAgencyId_NextDueOn", "StakeholderProfiles");
        migrationBuilder.DropColumn("TrackedAgencyId", "StakeholderProfiles");
        migrationBuilder.DropColumn("NextDueOn", "StakeholderProfiles");
    }
}
