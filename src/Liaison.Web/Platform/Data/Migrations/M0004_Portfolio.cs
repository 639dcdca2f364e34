using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Liaison.Web.Platform.Data.Migrations;

/// <summary>The portfolio (initiatives, their append-only status updates, monthly health snapshots) and the quick wins log.</summary>
[DbContext(typeof(LiaisonDbContext))]
[Migration("20261122000004_Portfolio")]
internal sealed class M0004_Portfolio : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable("Initiatives", t => new
        {
            Id = t.Column<int>(nullable: false).Identity(),
            Name = t.Column<string>(maxLength: 200, nullable: false),
            Description = t.Column<string>(maxLength: 4000, nullable: true),
            AgencyId = t.Column<int>(nullable: false),
            RelationshipManagerPersonId = t.Column<int>(nullable: true),
            OwnerPersonId = t.Column<int>(nullable: true),
            Health = t.Column<string>(maxLength: 16, nullable: false),
            Phase = t.Column<string>(maxLength: 16, nullable: false),
            StartOn = t.Column<DateOnly>(nullable: true),
            TargetOn = t.Column<DateOnly>(nullable: true),
            ManagedBy = t.Column<string>(maxLength: 24, nullable: false),
            HandedToPmoOn = t.Column<DateOnly>(nullable: true),
            HandedToPmoPersonId = t.Column<int>(nullable: true),
            StatusOverview = t.Column<string>(maxLength: 4000, nullable: true),
            Accomplishments = t.Column<string>(maxLength: 4000, nullable: true),
            Plans = t.Column<string>(maxLength: 4000, nullable: true),
            Risks = t.Column<string>(maxLength: 4000, nullable: true),
            LatestUpdateOn = t.Column<DateOnly>(nullable: true),
            IsOpen = t.Column<bool>(nullable: false),
            MissingCount = t.Column<int>(nullable: false),
            SearchText = t.Column<string>(maxLength: 4400, nullable: false),
            CreatedAt = t.Column<DateTime>(nullable: false),
            UpdatedAt = t.Column<DateTime>(nullable: false),
            Version = t.Column<int>(nullable: false),
        }, constraints: t =>
        {
            t.PrimaryKey("PK_Initiatives", x => x.Id);
            t.ForeignKey("FK_Initiatives_Agencies_AgencyId", x => x.AgencyId, "Agencies", "Id", onDelete: ReferentialAction.Restrict);
            t.ForeignKey("FK_Initiatives_People_RelationshipManagerPersonId", x => x.RelationshipManagerPersonId, "People", "Id", onDelete: ReferentialAction.Restrict);
            t.ForeignKey("FK_Initiatives_People_OwnerPersonId", x => x.OwnerPersonId, "People", "Id", onDelete: ReferentialAction.Restrict);
            t.ForeignKey("FK_Initiatives_People_HandedToPmoPersonId", x => x.HandedToPmoPersonId, "People", "Id", onDelete: ReferentialAction.Restrict);
        });

        migrationBuilder.CreateTable("InitiativeUpdates", t => new
        {
            Id = t.Column<int>(nullable: false).Identity(),
            InitiativeId = t.Column<int>(nullable: false),
            AsOf = t.Column<DateOnly>(nullable: false),
            Health = t.Column<string>(maxLength: 16, nullable: false),
            StatusOverview = t.Column<string>(maxLength: 4000, nullable: true),
            Accomplishments = t.Column<string>(maxLength: 4000, nullable: true),
            Plans = t.Column<string>(maxLength: 4000, nullable: true),
            Risks = t.Column<string>(maxLength: 4000, nullable: true),
            CorrectsId = t.Column<int>(nullable: true),
            Reason = t.Column<string>(maxLength: 1000, nullable: true),
            AuthorName = t.Column<string>(maxLength: 200, nullable: false),
            AuthorUserId = t.Column<int>(nullable: true),
            CreatedAt = t.Column<DateTime>(nullable: false),
        }, constraints: t =>
        {
            t.PrimaryKey("PK_InitiativeUpdates", x => x.Id);
            t.ForeignKey("FK_InitiativeUpdates_Initiatives_InitiativeId", x => x.InitiativeId, "Initiatives", "Id", onDelete: ReferentialAction.Restrict);
        });

        migrationBuilder.CreateTable("PortfolioSnapshots", t => new
        {
            Id = t.Column<int>(nullable: false).Identity(),
            Month = t.Column<DateOnly>(nullable: false),
            Active = t.Column<int>(nullable: false),
            UpdatedWithin = t.Column<int>(nullable: false),
            Complete = t.Column<int>(nullable: false),
            StaleAfterDays = t.Column<int>(nullable: false),
            TakenBy = t.Column<string>(maxLength: 200, nullable: false),
            TakenAt = t.Column<DateTime>(nullable: false),
        }, constraints: t => t.PrimaryKey("PK_PortfolioSnapshots", x => x.Id));

        migrationBuilder.CreateTable("QuickWins", t => new
        {
            Id = t.Column<int>(nullable: false).Identity(),
            TaskName = t.Column<string>(maxLength: 200, nullable: false),
            Description = t.Column<string>(maxLength: 4000, nullable: true),
            AgencyId = t.Column<int>(nullable: false),
            RelationshipManagerPersonId = t.Column<int>(nullable: true),
            Benefit = t.Column<string>(maxLength: 4000, nullable: true),
            CompletedOn = t.Column<DateOnly>(nullable: false),
            SearchText = t.Column<string>(maxLength: 8400, nullable: false),
            CreatedAt = t.Column<DateTime>(nullable: false),
            UpdatedAt = t.Column<DateTime>(nullable: false),
            Version = t.Column<int>(nullable: false),
        }, constraints: t =>
        {
            t.PrimaryKey("PK_QuickWins", x => x.Id);
            t.ForeignKey("FK_QuickWins_Agencies_AgencyId", x => x.AgencyId, "Agencies", "Id", onDelete: ReferentialAction.Restrict);
            t.ForeignKey("FK_QuickWins_People_RelationshipManagerPersonId", x => x.RelationshipManagerPersonId, "People", "Id", onDelete: ReferentialAction.Restrict);
        });

        migrationBuilder.CreateTable("QuickWinContributors", t => new
        {
            QuickWinId = t.Column<int>(nullable: false),
            PersonId = t.Column<int>(nullable: false),
        }, constraints: t =>
        {
            t.PrimaryKey("PK_QuickWinContributors", x => new { x.QuickWinId, x.PersonId });
            t.ForeignKey("FK_QuickWinContributors_QuickWins_QuickWinId", x => x.QuickWinId, "QuickWins", "Id", onDelete: ReferentialAction.Cascade);
            t.ForeignKey("FK_QuickWinContributors_People_PersonId", x => x.PersonId, "People", "Id", onDelete: ReferentialAction.Restrict);
        });

        migrationBuilder.CreateIndex("IX_Initiatives_AgencyId_IsOpen_LatestUpdateOn", "Initiatives", ["AgencyId", "IsOpen", "LatestUpdateOn"]);
        migrationBuilder.CreateIndex("IX_Initiatives_OwnerPersonId_IsOpen_LatestUpdateOn", "Initiatives", ["OwnerPersonId", "IsOpen", "LatestUpdateOn"]);
        migrationBuilder.CreateIndex("IX_Initiatives_Manager_IsOpen_LatestUpdateOn", "Initiatives", ["RelationshipManagerPersonId", "IsOpen", "LatestUpdateOn"]);
        migrationBuilder.CreateIndex("IX_Initiatives_IsOpen_LatestUpdateOn", "Initiatives", ["IsOpen", "LatestUpdateOn"]);
        migrationBuilder.CreateIndex("IX_Initiatives_Name", "Initiatives", "Name");
        migrationBuilder.CreateIndex("IX_Initiatives_HandedToPmoPersonId", "Initiatives", "HandedToPmoPersonId");
        migrationBuilder.CreateIndex("IX_InitiativeUpdates_InitiativeId_AsOf", "InitiativeUpdates", ["InitiativeId", "AsOf"]);
        migrationBuilder.CreateIndex("IX_InitiativeUpdates_CorrectsId", "InitiativeUpdates", "CorrectsId");
        migrationBuilder.CreateIndex("IX_PortfolioSnapshots_Month", "PortfolioSnapshots", "Month", unique: true);
        migrationBuilder.CreateIndex("IX_QuickWins_CompletedOn", "QuickWins", "CompletedOn");
        migrationBuilder.CreateIndex("IX_QuickWins_AgencyId_CompletedOn", "QuickWins", ["AgencyId", "CompletedOn"]);
        migrationBuilder.CreateIndex("IX_QuickWins_RelationshipManagerPersonId_CompletedOn", "QuickWins", ["RelationshipManagerPersonId", "CompletedOn"]);
        migrationBuilder.CreateIndex("IX_QuickWinContributors_PersonId", "QuickWinContributors", "PersonId");

        // The history of status updates is kept as written: a mistake is corrected by a new entry.
        migrationBuilder.MakeAppendOnly("InitiativeUpdates");
    }
}
