using Liaison.Web.Features.Relationships;
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
        migrationBuilder.Sql(ContactTracking.RefreshAllSql(migrationBuilder.ActiveProvider == MigrationExtensions.PostgresProvider));
        migrationBuilder.CreateIndex("IX_StakeholderProfiles_TrackedAgencyId_NextDueOn", "StakeholderProfiles", ["TrackedAgencyId", "NextDueOn"]);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropIndex("IX_StakeholderProfiles_TrackedAgencyId_NextDueOn", "StakeholderProfiles");
        migrationBuilder.DropColumn("TrackedAgencyId", "StakeholderProfiles");
        migrationBuilder.DropColumn("NextDueOn", "StakeholderProfiles");
    }
}
