using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Liaison.Web.Platform.Data.Migrations;

/// <summary>Procurement requests (issue 12): the request, its quotes, and its attachments, kept in the database.</summary>
[DbContext(typeof(LiaisonDbContext))]
[Migration("20261212000019_ProcurementRequests")]
internal sealed class M0019_ProcurementRequests : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable("ProcurementRequests", t => new
        {
            Id = t.Column<int>(nullable: false).Identity(),
            AgencyId = t.Column<int>(nullable: false),
            Title = t.Column<string>(maxLength: 200, nullable: false),
            Justification = t.Column<string>(maxLength: 4000, nullable: true),
            RequestedBy = t.Column<string>(maxLength: 200, nullable: false),
            EstimatedCost = t.Column<decimal>(precision: 14, scale: 2, nullable: true),
            Status = t.Column<int>(nullable: false),
            StatusSince = t.Column<DateOnly>(nullable: false),
            AlignedWithStrategy = t.Column<bool>(nullable: true),
            AssessmentReasons = t.Column<string>(maxLength: 4000, nullable: true),
            ApproverPersonId = t.Column<int>(nullable: true),
            ApprovedOn = t.Column<DateOnly>(nullable: true),
            ProcurementTicket = t.Column<string>(maxLength: 50, nullable: true),
            PurchaseOrder = t.Column<string>(maxLength: 50, nullable: true),
            ReceivedOn = t.Column<DateOnly>(nullable: true),
            DocumentationComplete = t.Column<bool>(nullable: false),
            CreatedByUserId = t.Column<int>(nullable: true),
            CreatedAt = t.Column<DateTime>(nullable: false),
            UpdatedAt = t.Column<DateTime>(nullable: false),
            Version = t.Column<int>(nullable: false),
        }, constraints: t =>
        {
            t.PrimaryKey("PK_ProcurementRequests", x => x.Id);
            t.ForeignKey("FK_ProcurementRequests_Agencies_AgencyId", x => x.AgencyId, "Agencies", "Id", onDelete: ReferentialAction.Restrict);
            t.ForeignKey("FK_ProcurementRequests_People_ApproverPersonId", x => x.ApproverPersonId, "People", "Id", onDelete: ReferentialAction.Restrict);
        });
        migrationBuilder.CreateTable("ProcurementAttachments", t => new
        {
            Id = t.Column<long>(nullable: false).Identity(),
            RequestId = t.Column<int>(nullable: false),
            AgencyId = t.Column<int>(nullable: false),
            FileName = t.Column<string>(maxLength: 200, nullable: false),
            ContentType = t.Column<string>(maxLength: 100, nullable: false),
            Size = t.Column<long>(nullable: false),
            Content = t.Column<byte[]>(nullable: false),
            Sha256 = t.Column<string>(maxLength: 64, nullable: false),
            Internal = t.Column<bool>(nullable: false),
            UploadedAt = t.Column<DateTime>(nullable: false),
            UploadedByUserId = t.Column<int>(nullable: true),
            UploadedBy = t.Column<string>(maxLength: 200, nullable: false),
        }, constraints: t =>
        {
            t.PrimaryKey("PK_ProcurementAttachments", x => x.Id);
            t.ForeignKey("FK_ProcurementAttachments_ProcurementRequests_RequestId", x => x.RequestId, "ProcurementRequests", "Id", onDelete: ReferentialAction.Cascade);
        });
        migrationBuilder.CreateTable("ProcurementQuotes", t => new
        {
            Id = t.Column<int>(nullable: false).Identity(),
            RequestId = t.Column<int>(nullable: false),
            Vendor = t.Column<string>(maxLength: 200, nullable: false),
            Amount = t.Column<decimal>(precision: 14, scale: 2, nullable: false),
            QuotedOn = t.Column<DateOnly>(nullable: false),
            AttachmentId = t.Column<long>(nullable: true),
        }, constraints: t =>
        {
            t.PrimaryKey("PK_ProcurementQuotes", x => x.Id);
            t.ForeignKey("FK_ProcurementQuotes_ProcurementRequests_RequestId", x => x.RequestId, "ProcurementRequests", "Id", onDelete: ReferentialAction.Cascade);
            t.ForeignKey("FK_ProcurementQuotes_ProcurementAttachments_AttachmentId", x => x.AttachmentId, "ProcurementAttachments", "Id", onDelete: ReferentialAction.Restrict);
        });
        migrationBuilder.CreateIndex("IX_ProcurementRequests_Status_StatusSince", "ProcurementRequests", ["Status", "StatusSince"]);
        migrationBuilder.CreateIndex("IX_ProcurementRequests_AgencyId_Status", "ProcurementRequests", ["AgencyId", "Status"]);
        migrationBuilder.CreateIndex("IX_ProcurementRequests_ApproverPersonId", "ProcurementRequests", "ApproverPersonId");
        migrationBuilder.CreateIndex("IX_ProcurementAttachments_RequestId", "ProcurementAttachments", "RequestId");
        migrationBuilder.CreateIndex("IX_ProcurementQuotes_RequestId", "ProcurementQuotes", "RequestId");
        migrationBuilder.CreateIndex("IX_ProcurementQuotes_AttachmentId", "ProcurementQuotes", "AttachmentId");
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable("ProcurementQuotes");
        migrationBuilder.DropTable("ProcurementAttachments");
        migrationBuilder.DropTable("ProcurementRequests");
    }
}
