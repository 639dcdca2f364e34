using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Liaison.Web.Platform.Data.Migrations;

/// <summary>Relationships: assignments, the stakeholder matrix, interactions, meetings, action items, calendar feeds.</summary>
[DbContext(typeof(LiaisonDbContext))]
[Migration("20261122000002_Relationships")]
internal sealed class M0002_Relationships : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable("AgencyAssignments", t => new
        {
            Id = t.Column<int>(nullable: false).Identity(),
            AgencyId = t.Column<int>(nullable: false),
            UserId = t.Column<int>(nullable: false),
            Role = t.Column<string>(maxLength: 16, nullable: false),
            StartedOn = t.Column<DateOnly>(nullable: false),
            EndedOn = t.Column<DateOnly>(nullable: true),
            CreatedAt = t.Column<DateTime>(nullable: false),
            UpdatedAt = t.Column<DateTime>(nullable: false),
            Version = t.Column<int>(nullable: false),
        }, constraints: t =>
        {
            t.PrimaryKey("PK_AgencyAssignments", x => x.Id);
            t.ForeignKey("FK_AgencyAssignments_Agencies_AgencyId", x => x.AgencyId, "Agencies", "Id", onDelete: ReferentialAction.Restrict);
            t.ForeignKey("FK_AgencyAssignments_AspNetUsers_UserId", x => x.UserId, "AspNetUsers", "Id", onDelete: ReferentialAction.Restrict);
        });

        migrationBuilder.CreateTable("StakeholderProfiles", t => new
        {
            PersonId = t.Column<int>(nullable: false),
            Priority = t.Column<string>(maxLength: 2, nullable: true),
            Impact = t.Column<string>(maxLength: 2, nullable: true),
            Frequency = t.Column<string>(maxLength: 4, nullable: true),
            Methods = t.Column<int>(nullable: false),
            IsAgencyExecutive = t.Column<bool>(nullable: false),
            IsKeyStakeholder = t.Column<bool>(nullable: false),
            IsImplementationCoordinator = t.Column<bool>(nullable: false),
            LastTouchOn = t.Column<DateOnly>(nullable: true),
            CreatedAt = t.Column<DateTime>(nullable: false),
            UpdatedAt = t.Column<DateTime>(nullable: false),
            Version = t.Column<int>(nullable: false),
        }, constraints: t =>
        {
            t.PrimaryKey("PK_StakeholderProfiles", x => x.PersonId);
            t.ForeignKey("FK_StakeholderProfiles_People_PersonId", x => x.PersonId, "People", "Id", onDelete: ReferentialAction.Cascade);
        });

        migrationBuilder.CreateTable("CalendarFeeds", t => new
        {
            UserId = t.Column<int>(nullable: false),
            TokenHash = t.Column<string>(maxLength: 64, nullable: false),
            CreatedAt = t.Column<DateTime>(nullable: false),
        }, constraints: t =>
        {
            t.PrimaryKey("PK_CalendarFeeds", x => x.UserId);
            t.ForeignKey("FK_CalendarFeeds_AspNetUsers_UserId", x => x.UserId, "AspNetUsers", "Id", onDelete: ReferentialAction.Cascade);
        });

        migrationBuilder.CreateTable("Meetings", t => new
        {
            Id = t.Column<int>(nullable: false).Identity(),
            Title = t.Column<string>(maxLength: 200, nullable: false),
            Kind = t.Column<string>(maxLength: 24, nullable: false),
            StartsAt = t.Column<DateTime>(nullable: false),
            EndsAt = t.Column<DateTime>(nullable: false),
            Location = t.Column<string>(maxLength: 300, nullable: true),
            Status = t.Column<string>(maxLength: 16, nullable: false),
            Minutes = t.Column<string>(maxLength: 20000, nullable: true),
            Decisions = t.Column<string>(maxLength: 8000, nullable: true),
            AgendaSentAt = t.Column<DateTime>(nullable: true),
            CreatedAt = t.Column<DateTime>(nullable: false),
            UpdatedAt = t.Column<DateTime>(nullable: false),
            Version = t.Column<int>(nullable: false),
        }, constraints: t => t.PrimaryKey("PK_Meetings", x => x.Id));

        migrationBuilder.CreateTable("MeetingAgencies", t => new
        {
            MeetingId = t.Column<int>(nullable: false),
            AgencyId = t.Column<int>(nullable: false),
        }, constraints: t =>
        {
            t.PrimaryKey("PK_MeetingAgencies", x => new { x.MeetingId, x.AgencyId });
            t.ForeignKey("FK_MeetingAgencies_Agencies_AgencyId", x => x.AgencyId, "Agencies", "Id", onDelete: ReferentialAction.Restrict);
            t.ForeignKey("FK_MeetingAgencies_Meetings_MeetingId", x => x.MeetingId, "Meetings", "Id", onDelete: ReferentialAction.Cascade);
        });

        migrationBuilder.CreateTable("MeetingAgendaItems", t => new
        {
            Id = t.Column<int>(nullable: false).Identity(),
            MeetingId = t.Column<int>(nullable: false),
            Position = t.Column<int>(nullable: false),
            Text = t.Column<string>(maxLength: 1000, nullable: false),
        }, constraints: t =>
        {
            t.PrimaryKey("PK_MeetingAgendaItems", x => x.Id);
            t.ForeignKey("FK_MeetingAgendaItems_Meetings_MeetingId", x => x.MeetingId, "Meetings", "Id", onDelete: ReferentialAction.Cascade);
        });

        migrationBuilder.CreateTable("MeetingAttendees", t => new
        {
            MeetingId = t.Column<int>(nullable: false),
            PersonId = t.Column<int>(nullable: false),
            Attended = t.Column<bool>(nullable: false),
        }, constraints: t =>
        {
            t.PrimaryKey("PK_MeetingAttendees", x => new { x.MeetingId, x.PersonId });
            t.ForeignKey("FK_MeetingAttendees_Meetings_MeetingId", x => x.MeetingId, "Meetings", "Id", onDelete: ReferentialAction.Cascade);
            t.ForeignKey("FK_MeetingAttendees_People_PersonId", x => x.PersonId, "People", "Id", onDelete: ReferentialAction.Restrict);
        });

        migrationBuilder.CreateTable("Interactions", t => new
        {
            Id = t.Column<int>(nullable: false).Identity(),
            AgencyId = t.Column<int>(nullable: false),
            OccurredOn = t.Column<DateOnly>(nullable: false),
            Kind = t.Column<string>(maxLength: 24, nullable: false),
            Subject = t.Column<string>(maxLength: 200, nullable: false),
            Summary = t.Column<string>(maxLength: 8000, nullable: true),
            FollowUp = t.Column<string>(maxLength: 4000, nullable: true),
            InternalNotes = t.Column<string>(maxLength: 4000, nullable: true),
            MeetingId = t.Column<int>(nullable: true),
            SearchText = t.Column<string>(maxLength: 8400, nullable: false),
            CreatedAt = t.Column<DateTime>(nullable: false),
            UpdatedAt = t.Column<DateTime>(nullable: false),
            Version = t.Column<int>(nullable: false),
        }, constraints: t =>
        {
            t.PrimaryKey("PK_Interactions", x => x.Id);
            t.ForeignKey("FK_Interactions_Agencies_AgencyId", x => x.AgencyId, "Agencies", "Id", onDelete: ReferentialAction.Restrict);
            t.ForeignKey("FK_Interactions_Meetings_MeetingId", x => x.MeetingId, "Meetings", "Id", onDelete: ReferentialAction.SetNull);
        });

        migrationBuilder.CreateTable("InteractionAttendees", t => new
        {
            InteractionId = t.Column<int>(nullable: false),
            PersonId = t.Column<int>(nullable: false),
            OccurredOn = t.Column<DateOnly>(nullable: false),
        }, constraints: t =>
        {
            t.PrimaryKey("PK_InteractionAttendees", x => new { x.InteractionId, x.PersonId });
            t.ForeignKey("FK_InteractionAttendees_Interactions_InteractionId", x => x.InteractionId, "Interactions", "Id", onDelete: ReferentialAction.Cascade);
            t.ForeignKey("FK_InteractionAttendees_People_PersonId", x => x.PersonId, "People", "Id", onDelete: ReferentialAction.Restrict);
        });

        migrationBuilder.CreateTable("ActionItems", t => new
        {
            Id = t.Column<int>(nullable: false).Identity(),
            AgencyId = t.Column<int>(nullable: false),
            Title = t.Column<string>(maxLength: 300, nullable: false),
            Details = t.Column<string>(maxLength: 4000, nullable: true),
            OwnerPersonId = t.Column<int>(nullable: false),
            DueOn = t.Column<DateOnly>(nullable: true),
            Status = t.Column<string>(maxLength: 16, nullable: false),
            CompletedOn = t.Column<DateOnly>(nullable: true),
            MeetingId = t.Column<int>(nullable: true),
            InteractionId = t.Column<int>(nullable: true),
            SearchText = t.Column<string>(maxLength: 4400, nullable: false),
            CreatedAt = t.Column<DateTime>(nullable: false),
            UpdatedAt = t.Column<DateTime>(nullable: false),
            Version = t.Column<int>(nullable: false),
        }, constraints: t =>
        {
            t.PrimaryKey("PK_ActionItems", x => x.Id);
            t.ForeignKey("FK_ActionItems_Agencies_AgencyId", x => x.AgencyId, "Agencies", "Id", onDelete: ReferentialAction.Restrict);
            t.ForeignKey("FK_ActionItems_Interactions_InteractionId", x => x.InteractionId, "Interactions", "Id", onDelete: ReferentialAction.SetNull);
            t.ForeignKey("FK_ActionItems_Meetings_MeetingId", x => x.MeetingId, "Meetings", "Id", onDelete: ReferentialAction.SetNull);
            t.ForeignKey("FK_ActionItems_People_OwnerPersonId", x => x.OwnerPersonId, "People", "Id", onDelete: ReferentialAction.Restrict);
        });

        migrationBuilder.CreateIndex("IX_AgencyAssignments_AgencyId", "AgencyAssignments", "AgencyId");
        migrationBuilder.CreateIndex("IX_AgencyAssignments_Current", "AgencyAssignments", ["AgencyId", "Role"], unique: true, filter: "\"EndedOn\" IS NULL");
        migrationBuilder.CreateIndex("IX_AgencyAssignments_UserId_EndedOn", "AgencyAssignments", ["UserId", "EndedOn"]);
        migrationBuilder.CreateIndex("IX_CalendarFeeds_TokenHash", "CalendarFeeds", "TokenHash", unique: true);
        migrationBuilder.CreateIndex("IX_Meetings_StartsAt", "Meetings", "StartsAt");
        migrationBuilder.CreateIndex("IX_MeetingAgencies_AgencyId", "MeetingAgencies", "AgencyId");
        migrationBuilder.CreateIndex("IX_MeetingAgendaItems_MeetingId_Position", "MeetingAgendaItems", ["MeetingId", "Position"]);
        migrationBuilder.CreateIndex("IX_MeetingAttendees_PersonId", "MeetingAttendees", "PersonId");
        migrationBuilder.CreateIndex("IX_Interactions_AgencyId_OccurredOn", "Interactions", ["AgencyId", "OccurredOn"]);
        migrationBuilder.CreateIndex("IX_Interactions_MeetingId", "Interactions", "MeetingId");
        migrationBuilder.CreateIndex("IX_Interactions_OccurredOn", "Interactions", "OccurredOn");
        migrationBuilder.CreateIndex("IX_InteractionAttendees_PersonId_OccurredOn", "InteractionAttendees", ["PersonId", "OccurredOn"]);
        migrationBuilder.CreateIndex("IX_ActionItems_AgencyId_Status_DueOn", "ActionItems", ["AgencyId", "Status", "DueOn"]);
        migrationBuilder.CreateIndex("IX_ActionItems_InteractionId", "ActionItems", "InteractionId");
        migrationBuilder.CreateIndex("IX_ActionItems_MeetingId", "ActionItems", "MeetingId");
        migrationBuilder.CreateIndex("IX_ActionItems_OwnerPersonId_Status_DueOn", "ActionItems", ["OwnerPersonId", "Status", "DueOn"]);
        migrationBuilder.CreateIndex("IX_ActionItems_Status_DueOn", "ActionItems", ["Status", "DueOn"]);
    }
}
