using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Liaison.Web.Platform.Data.Migrations;

/// <summary>
/// Surveys (issue 13): templates and their questions, waves, recipients with their hashed links, reminders, answers,
/// opt-outs and follow-ups; the assessment's schedule and the state's holidays in the settings.
/// </summary>
[DbContext(typeof(LiaisonDbContext))]
[Migration("20261214000023_Surveys")]
internal sealed class M0023_Surveys : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.AddColumn<string>("SurveyMonths", "OrganisationSettings", maxLength: 50, nullable: false, defaultValue: "1, 7");
        migrationBuilder.AddColumn<int>("SurveyOpenDays", "OrganisationSettings", nullable: false, defaultValue: 21);
        migrationBuilder.AddColumn<string>("SurveyReminderDays", "OrganisationSettings", maxLength: 100, nullable: false, defaultValue: "7, 14");
        migrationBuilder.AddColumn<int>("SurveyMaxReminders", "OrganisationSettings", nullable: false, defaultValue: 2);
        migrationBuilder.AddColumn<string>("Holidays", "OrganisationSettings", maxLength: 2000, nullable: false, defaultValue: "");

        migrationBuilder.CreateTable("SurveyTemplates", t => new
        {
            Id = t.Column<int>(nullable: false).Identity(),
            Name = t.Column<string>(maxLength: 200, nullable: false),
            Introduction = t.Column<string>(maxLength: 2000, nullable: true),
            CopiedFromId = t.Column<int>(nullable: true),
            IsScheduledAssessment = t.Column<bool>(nullable: false),
            CreatedAt = t.Column<DateTime>(nullable: false),
            UpdatedAt = t.Column<DateTime>(nullable: false),
            Version = t.Column<int>(nullable: false),
        }, constraints: t =>
        {
            t.PrimaryKey("PK_SurveyTemplates", x => x.Id);
            t.ForeignKey("FK_SurveyTemplates_SurveyTemplates_CopiedFromId", x => x.CopiedFromId, "SurveyTemplates", "Id", onDelete: ReferentialAction.SetNull);
        });
        migrationBuilder.CreateIndex("IX_SurveyTemplates_Name", "SurveyTemplates", "Name", unique: true);
        migrationBuilder.CreateIndex("IX_SurveyTemplates_CopiedFromId", "SurveyTemplates", "CopiedFromId");

        migrationBuilder.CreateTable("SurveyQuestions", t => new
        {
            Id = t.Column<int>(nullable: false).Identity(),
            TemplateId = t.Column<int>(nullable: false),
            Position = t.Column<int>(nullable: false),
            Kind = t.Column<int>(nullable: false),
            Text = t.Column<string>(maxLength: 500, nullable: false),
            Choices = t.Column<string>(maxLength: 2000, nullable: true),
            IsRequired = t.Column<bool>(nullable: false),
        }, constraints: t =>
        {
            t.PrimaryKey("PK_SurveyQuestions", x => x.Id);
            t.ForeignKey("FK_SurveyQuestions_SurveyTemplates_TemplateId", x => x.TemplateId, "SurveyTemplates", "Id", onDelete: ReferentialAction.Cascade);
        });
        migrationBuilder.CreateIndex("IX_SurveyQuestions_TemplateId_Position", "SurveyQuestions", ["TemplateId", "Position"]);

        migrationBuilder.CreateTable("SurveyWaves", t => new
        {
            Id = t.Column<int>(nullable: false).Identity(),
            Name = t.Column<string>(maxLength: 200, nullable: false),
            TemplateId = t.Column<int>(nullable: false),
            OpensOn = t.Column<DateOnly>(nullable: false),
            ClosesOn = t.Column<DateOnly>(nullable: false),
            Status = t.Column<int>(nullable: false),
            ScheduleKey = t.Column<string>(maxLength: 7, nullable: true),
            InvitedAt = t.Column<DateTime>(nullable: true),
            ClosedAt = t.Column<DateTime>(nullable: true),
            PublishedToStaff = t.Column<bool>(nullable: false),
            PublishedToAgencies = t.Column<bool>(nullable: false),
            CreatedAt = t.Column<DateTime>(nullable: false),
            UpdatedAt = t.Column<DateTime>(nullable: false),
            Version = t.Column<int>(nullable: false),
        }, constraints: t =>
        {
            t.PrimaryKey("PK_SurveyWaves", x => x.Id);
            t.ForeignKey("FK_SurveyWaves_SurveyTemplates_TemplateId", x => x.TemplateId, "SurveyTemplates", "Id", onDelete: ReferentialAction.Restrict);
        });
        migrationBuilder.CreateIndex("IX_SurveyWaves_ScheduleKey", "SurveyWaves", "ScheduleKey", unique: true);
        migrationBuilder.CreateIndex("IX_SurveyWaves_Status_OpensOn", "SurveyWaves", ["Status", "OpensOn"]);
        migrationBuilder.CreateIndex("IX_SurveyWaves_TemplateId", "SurveyWaves", "TemplateId");

        migrationBuilder.CreateTable("SurveyRecipients", t => new
        {
            Id = t.Column<int>(nullable: false).Identity(),
            WaveId = t.Column<int>(nullable: false),
            AgencyId = t.Column<int>(nullable: false),
            PersonId = t.Column<int>(nullable: false),
            Email = t.Column<string>(maxLength: 254, nullable: false),
            InvitedAt = t.Column<DateTime>(nullable: true),
            RemindersSent = t.Column<int>(nullable: false),
            LastRemindedAt = t.Column<DateTime>(nullable: true),
            BouncedAt = t.Column<DateTime>(nullable: true),
            BounceReason = t.Column<string>(maxLength: 500, nullable: true),
            StartedAt = t.Column<DateTime>(nullable: true),
            SubmittedAt = t.Column<DateTime>(nullable: true),
            Version = t.Column<int>(nullable: false),
        }, constraints: t =>
        {
            t.PrimaryKey("PK_SurveyRecipients", x => x.Id);
            t.ForeignKey("FK_SurveyRecipients_SurveyWaves_WaveId", x => x.WaveId, "SurveyWaves", "Id", onDelete: ReferentialAction.Cascade);
            t.ForeignKey("FK_SurveyRecipients_Agencies_AgencyId", x => x.AgencyId, "Agencies", "Id", onDelete: ReferentialAction.Restrict);
            t.ForeignKey("FK_SurveyRecipients_People_PersonId", x => x.PersonId, "People", "Id", onDelete: ReferentialAction.Restrict);
        });
        migrationBuilder.CreateIndex("IX_SurveyRecipients_WaveId_PersonId", "SurveyRecipients", ["WaveId", "PersonId"], unique: true);
        migrationBuilder.CreateIndex("IX_SurveyRecipients_WaveId_AgencyId", "SurveyRecipients", ["WaveId", "AgencyId"]);
        migrationBuilder.CreateIndex("IX_SurveyRecipients_PersonId", "SurveyRecipients", "PersonId");
        migrationBuilder.CreateIndex("IX_SurveyRecipients_AgencyId", "SurveyRecipients", "AgencyId");

        migrationBuilder.CreateTable("SurveyLinks", t => new
        {
            Id = t.Column<long>(nullable: false).Identity(),
            RecipientId = t.Column<int>(nullable: false),
            TokenHash = t.Column<string>(maxLength: 64, nullable: false),
            IssuedAt = t.Column<DateTime>(nullable: false),
        }, constraints: t =>
        {
            t.PrimaryKey("PK_SurveyLinks", x => x.Id);
            t.ForeignKey("FK_SurveyLinks_SurveyRecipients_RecipientId", x => x.RecipientId, "SurveyRecipients", "Id", onDelete: ReferentialAction.Cascade);
        });
        migrationBuilder.CreateIndex("IX_SurveyLinks_TokenHash", "SurveyLinks", "TokenHash", unique: true);
        migrationBuilder.CreateIndex("IX_SurveyLinks_RecipientId", "SurveyLinks", "RecipientId");

        migrationBuilder.CreateTable("SurveyReminders", t => new
        {
            Id = t.Column<long>(nullable: false).Identity(),
            RecipientId = t.Column<int>(nullable: false),
            Number = t.Column<int>(nullable: false),
            SentAt = t.Column<DateTime>(nullable: false),
            ByHand = t.Column<bool>(nullable: false),
        }, constraints: t =>
        {
            t.PrimaryKey("PK_SurveyReminders", x => x.Id);
            t.ForeignKey("FK_SurveyReminders_SurveyRecipients_RecipientId", x => x.RecipientId, "SurveyRecipients", "Id", onDelete: ReferentialAction.Cascade);
        });
        migrationBuilder.CreateIndex("IX_SurveyReminders_RecipientId_Number", "SurveyReminders", ["RecipientId", "Number"], unique: true);

        migrationBuilder.CreateTable("SurveyAnswers", t => new
        {
            Id = t.Column<long>(nullable: false).Identity(),
            RecipientId = t.Column<int>(nullable: false),
            WaveId = t.Column<int>(nullable: false),
            AgencyId = t.Column<int>(nullable: false),
            QuestionId = t.Column<int>(nullable: false),
            Kind = t.Column<int>(nullable: false),
            Submitted = t.Column<bool>(nullable: false),
            LineOfServiceId = t.Column<int>(nullable: true),
            Number = t.Column<int>(nullable: true),
            Text = t.Column<string>(maxLength: 4000, nullable: true),
        }, constraints: t =>
        {
            t.PrimaryKey("PK_SurveyAnswers", x => x.Id);
            t.ForeignKey("FK_SurveyAnswers_SurveyRecipients_RecipientId", x => x.RecipientId, "SurveyRecipients", "Id", onDelete: ReferentialAction.Cascade);
            t.ForeignKey("FK_SurveyAnswers_SurveyQuestions_QuestionId", x => x.QuestionId, "SurveyQuestions", "Id", onDelete: ReferentialAction.Restrict);
            t.ForeignKey("FK_SurveyAnswers_LinesOfService_LineOfServiceId", x => x.LineOfServiceId, "LinesOfService", "Id", onDelete: ReferentialAction.Restrict);
        });
        migrationBuilder.CreateIndex("IX_SurveyAnswers_RecipientId", "SurveyAnswers", "RecipientId");
        migrationBuilder.CreateIndex("IX_SurveyAnswers_Results", "SurveyAnswers", ["WaveId", "Kind", "Submitted", "AgencyId", "LineOfServiceId", "Number"]);
        migrationBuilder.CreateIndex("IX_SurveyAnswers_AgencyResults", "SurveyAnswers", ["AgencyId", "Kind", "Submitted", "WaveId", "Number"]);
        migrationBuilder.CreateIndex("IX_SurveyAnswers_QuestionId", "SurveyAnswers", "QuestionId");
        migrationBuilder.CreateIndex("IX_SurveyAnswers_LineOfServiceId", "SurveyAnswers", "LineOfServiceId");

        migrationBuilder.CreateTable("SurveyOptOuts", t => new
        {
            PersonId = t.Column<int>(nullable: false),
            OptedOutAt = t.Column<DateTime>(nullable: false),
        }, constraints: t =>
        {
            t.PrimaryKey("PK_SurveyOptOuts", x => x.PersonId);
            t.ForeignKey("FK_SurveyOptOuts_People_PersonId", x => x.PersonId, "People", "Id", onDelete: ReferentialAction.Cascade);
        });

        migrationBuilder.CreateTable("SurveyFollowUps", t => new
        {
            Id = t.Column<int>(nullable: false).Identity(),
            RecipientId = t.Column<int>(nullable: false),
            WaveId = t.Column<int>(nullable: false),
            AgencyId = t.Column<int>(nullable: false),
            OwnerPersonId = t.Column<int>(nullable: true),
            LowAnswers = t.Column<string>(maxLength: 4000, nullable: false),
            FirstContactDueOn = t.Column<DateOnly>(nullable: false),
            Status = t.Column<int>(nullable: false),
            ContactedOn = t.Column<DateOnly>(nullable: true),
            ActionPlan = t.Column<string>(maxLength: 4000, nullable: true),
            ClosedOn = t.Column<DateOnly>(nullable: true),
            Resolution = t.Column<string>(maxLength: 4000, nullable: true),
            CreatedAt = t.Column<DateTime>(nullable: false),
            UpdatedAt = t.Column<DateTime>(nullable: false),
            Version = t.Column<int>(nullable: false),
        }, constraints: t =>
        {
            t.PrimaryKey("PK_SurveyFollowUps", x => x.Id);
            t.ForeignKey("FK_SurveyFollowUps_SurveyRecipients_RecipientId", x => x.RecipientId, "SurveyRecipients", "Id", onDelete: ReferentialAction.Cascade);
            t.ForeignKey("FK_SurveyFollowUps_SurveyWaves_WaveId", x => x.WaveId, "SurveyWaves", "Id", onDelete: ReferentialAction.Cascade);
            t.ForeignKey("FK_SurveyFollowUps_Agencies_AgencyId", x => x.AgencyId, "Agencies", "Id", onDelete: ReferentialAction.Restrict);
            t.ForeignKey("FK_SurveyFollowUps_People_OwnerPersonId", x => x.OwnerPersonId, "People", "Id", onDelete: ReferentialAction.SetNull);
        });
        migrationBuilder.CreateIndex("IX_SurveyFollowUps_RecipientId", "SurveyFollowUps", "RecipientId", unique: true);
        migrationBuilder.CreateIndex("IX_SurveyFollowUps_AgencyId_Status", "SurveyFollowUps", ["AgencyId", "Status"]);
        migrationBuilder.CreateIndex("IX_SurveyFollowUps_OwnerPersonId_Status_FirstContactDueOn", "SurveyFollowUps", ["OwnerPersonId", "Status", "FirstContactDueOn"]);
        migrationBuilder.CreateIndex("IX_SurveyFollowUps_WaveId", "SurveyFollowUps", "WaveId");
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable("SurveyFollowUps");
        migrationBuilder.DropTable("SurveyOptOuts");
        migrationBuilder.DropTable("SurveyAnswers");
        migrationBuilder.DropTable("SurveyReminders");
        migrationBuilder.DropTable("SurveyLinks");
        migrationBuilder.DropTable("SurveyRecipients");
        migrationBuilder.DropTable("SurveyWaves");
        migrationBuilder.DropTable("SurveyQuestions");
        migrationBuilder.DropTable("SurveyTemplates");
        foreach (var column in new[] { "Holidays", "SurveyMaxReminders", "SurveyReminderDays", "SurveyOpenDays", "SurveyMonths" })
            migrationBuilder.DropColumn(column, "OrganisationSettings");
    }
}
