using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Liaison.Web.Platform.Data.Migrations;

/// <summary>The foundation: identity, directory, settings, audit trail, API tokens, outbox, imports.</summary>
[DbContext(typeof(LiaisonDbContext))]
[Migration("20261122000001_Foundation")]
internal sealed class M0001_Foundation : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable("Agencies", t => new
        {
            Id = t.Column<int>(nullable: false).Identity(),
            Name = t.Column<string>(maxLength: 200, nullable: false),
            Acronym = t.Column<string>(maxLength: 20, nullable: true),
            ParentDepartment = t.Column<string>(maxLength: 200, nullable: true),
            Website = t.Column<string>(maxLength: 300, nullable: true),
            Phone = t.Column<string>(maxLength: 40, nullable: true),
            Address = t.Column<string>(maxLength: 500, nullable: true),
            InternalNotes = t.Column<string>(maxLength: 4000, nullable: true),
            IsActive = t.Column<bool>(nullable: false),
            CreatedAt = t.Column<DateTime>(nullable: false),
            UpdatedAt = t.Column<DateTime>(nullable: false),
            Version = t.Column<int>(nullable: false),
            SearchText = t.Column<string>(maxLength: 600, nullable: false),
        }, constraints: t => t.PrimaryKey("PK_Agencies", x => x.Id));

        migrationBuilder.CreateTable("AspNetRoles", t => new
        {
            Id = t.Column<int>(nullable: false).Identity(),
            Name = t.Column<string>(maxLength: 256, nullable: true),
            NormalizedName = t.Column<string>(maxLength: 256, nullable: true),
            ConcurrencyStamp = t.Column<string>(nullable: true),
        }, constraints: t => t.PrimaryKey("PK_AspNetRoles", x => x.Id));

        migrationBuilder.CreateTable("AuditEntries", t => new
        {
            Id = t.Column<long>(nullable: false).Identity(),
            Timestamp = t.Column<DateTime>(nullable: false),
            UserId = t.Column<int>(nullable: true),
            UserName = t.Column<string>(maxLength: 256, nullable: false),
            Action = t.Column<string>(maxLength: 32, nullable: false),
            RecordType = t.Column<string>(maxLength: 64, nullable: false),
            RecordId = t.Column<string>(maxLength: 64, nullable: false),
            Changes = t.Column<string>(nullable: false),
            CorrelationId = t.Column<string>(maxLength: 64, nullable: true),
            PreviousHash = t.Column<string>(maxLength: 64, nullable: false),
            Hash = t.Column<string>(maxLength: 64, nullable: false),
        }, constraints: t => t.PrimaryKey("PK_AuditEntries", x => x.Id));

        migrationBuilder.CreateTable("OperationalUnits", t => new
        {
            Id = t.Column<int>(nullable: false).Identity(),
            Name = t.Column<string>(maxLength: 200, nullable: false),
            Description = t.Column<string>(maxLength: 4000, nullable: true),
            IsActive = t.Column<bool>(nullable: false),
            CreatedAt = t.Column<DateTime>(nullable: false),
            UpdatedAt = t.Column<DateTime>(nullable: false),
            Version = t.Column<int>(nullable: false),
        }, constraints: t => t.PrimaryKey("PK_OperationalUnits", x => x.Id));

        migrationBuilder.CreateTable("OrganisationSettings", t => new
        {
            Id = t.Column<int>(nullable: false),
            OrganisationName = t.Column<string>(maxLength: 200, nullable: false),
            RelationshipManagerTitle = t.Column<string>(maxLength: 100, nullable: false),
            FiscalYearStartMonth = t.Column<int>(nullable: false),
            CreatedAt = t.Column<DateTime>(nullable: false),
            UpdatedAt = t.Column<DateTime>(nullable: false),
            Version = t.Column<int>(nullable: false),
        }, constraints: t => t.PrimaryKey("PK_OrganisationSettings", x => x.Id));

        migrationBuilder.CreateTable("OutboxMessages", t => new
        {
            Id = t.Column<long>(nullable: false).Identity(),
            To = t.Column<string>(maxLength: 2000, nullable: false),
            Subject = t.Column<string>(maxLength: 300, nullable: false),
            TextBody = t.Column<string>(nullable: false),
            HtmlBody = t.Column<string>(nullable: true),
            AttachmentName = t.Column<string>(maxLength: 200, nullable: true),
            AttachmentContentType = t.Column<string>(maxLength: 100, nullable: true),
            AttachmentContent = t.Column<byte[]>(nullable: true),
            CreatedAt = t.Column<DateTime>(nullable: false),
            Attempts = t.Column<int>(nullable: false),
            NextAttemptAt = t.Column<DateTime>(nullable: false),
            SentAt = t.Column<DateTime>(nullable: true),
            LastError = t.Column<string>(maxLength: 2000, nullable: true),
        }, constraints: t => t.PrimaryKey("PK_OutboxMessages", x => x.Id));

        migrationBuilder.CreateTable("PendingImports", t => new
        {
            Id = t.Column<Guid>(nullable: false),
            UserId = t.Column<int>(nullable: false),
            Kind = t.Column<string>(maxLength: 32, nullable: false),
            FileName = t.Column<string>(maxLength: 260, nullable: false),
            Content = t.Column<byte[]>(nullable: false),
            CreatedAt = t.Column<DateTime>(nullable: false),
        }, constraints: t => t.PrimaryKey("PK_PendingImports", x => x.Id));

        migrationBuilder.CreateTable("AspNetRoleClaims", t => new
        {
            Id = t.Column<int>(nullable: false).Identity(),
            RoleId = t.Column<int>(nullable: false),
            ClaimType = t.Column<string>(nullable: true),
            ClaimValue = t.Column<string>(nullable: true),
        }, constraints: t =>
        {
            t.PrimaryKey("PK_AspNetRoleClaims", x => x.Id);
            t.ForeignKey("FK_AspNetRoleClaims_AspNetRoles_RoleId", x => x.RoleId, "AspNetRoles", "Id", onDelete: ReferentialAction.Cascade);
        });

        migrationBuilder.CreateTable("LinesOfService", t => new
        {
            Id = t.Column<int>(nullable: false).Identity(),
            Name = t.Column<string>(maxLength: 200, nullable: false),
            Description = t.Column<string>(maxLength: 4000, nullable: true),
            OperationalUnitId = t.Column<int>(nullable: false),
            IsActive = t.Column<bool>(nullable: false),
            CreatedAt = t.Column<DateTime>(nullable: false),
            UpdatedAt = t.Column<DateTime>(nullable: false),
            Version = t.Column<int>(nullable: false),
        }, constraints: t =>
        {
            t.PrimaryKey("PK_LinesOfService", x => x.Id);
            t.ForeignKey("FK_LinesOfService_OperationalUnits_OperationalUnitId", x => x.OperationalUnitId, "OperationalUnits", "Id", onDelete: ReferentialAction.Restrict);
        });

        migrationBuilder.CreateTable("People", t => new
        {
            Id = t.Column<int>(nullable: false).Identity(),
            FirstName = t.Column<string>(maxLength: 100, nullable: false),
            LastName = t.Column<string>(maxLength: 100, nullable: false),
            Title = t.Column<string>(maxLength: 200, nullable: true),
            Email = t.Column<string>(maxLength: 256, nullable: true),
            Phone = t.Column<string>(maxLength: 40, nullable: true),
            Kind = t.Column<string>(maxLength: 20, nullable: false),
            AgencyId = t.Column<int>(nullable: true),
            OperationalUnitId = t.Column<int>(nullable: true),
            InternalNotes = t.Column<string>(maxLength: 4000, nullable: true),
            IsActive = t.Column<bool>(nullable: false),
            CreatedAt = t.Column<DateTime>(nullable: false),
            UpdatedAt = t.Column<DateTime>(nullable: false),
            Version = t.Column<int>(nullable: false),
            SearchText = t.Column<string>(maxLength: 800, nullable: false),
        }, constraints: t =>
        {
            t.PrimaryKey("PK_People", x => x.Id);
            t.ForeignKey("FK_People_Agencies_AgencyId", x => x.AgencyId, "Agencies", "Id", onDelete: ReferentialAction.Restrict);
            t.ForeignKey("FK_People_OperationalUnits_OperationalUnitId", x => x.OperationalUnitId, "OperationalUnits", "Id", onDelete: ReferentialAction.Restrict);
        });

        migrationBuilder.CreateTable("AgencyLinesOfService", t => new
        {
            AgencyId = t.Column<int>(nullable: false),
            LineOfServiceId = t.Column<int>(nullable: false),
        }, constraints: t =>
        {
            t.PrimaryKey("PK_AgencyLinesOfService", x => new { x.AgencyId, x.LineOfServiceId });
            t.ForeignKey("FK_AgencyLinesOfService_Agencies_AgencyId", x => x.AgencyId, "Agencies", "Id", onDelete: ReferentialAction.Cascade);
            t.ForeignKey("FK_AgencyLinesOfService_LinesOfService_LineOfServiceId", x => x.LineOfServiceId, "LinesOfService", "Id", onDelete: ReferentialAction.Cascade);
        });

        migrationBuilder.CreateTable("AspNetUsers", t => new
        {
            Id = t.Column<int>(nullable: false).Identity(),
            DisplayName = t.Column<string>(maxLength: 200, nullable: false),
            AgencyId = t.Column<int>(nullable: true),
            PersonId = t.Column<int>(nullable: true),
            IsDisabled = t.Column<bool>(nullable: false),
            CreatedAt = t.Column<DateTime>(nullable: false),
            LastSignInAt = t.Column<DateTime>(nullable: true),
            Version = t.Column<int>(nullable: false),
            UserName = t.Column<string>(maxLength: 256, nullable: true),
            NormalizedUserName = t.Column<string>(maxLength: 256, nullable: true),
            Email = t.Column<string>(maxLength: 256, nullable: true),
            NormalizedEmail = t.Column<string>(maxLength: 256, nullable: true),
            EmailConfirmed = t.Column<bool>(nullable: false),
            PasswordHash = t.Column<string>(nullable: true),
            SecurityStamp = t.Column<string>(nullable: true),
            ConcurrencyStamp = t.Column<string>(nullable: true),
            PhoneNumber = t.Column<string>(nullable: true),
            PhoneNumberConfirmed = t.Column<bool>(nullable: false),
            TwoFactorEnabled = t.Column<bool>(nullable: false),
            LockoutEnd = t.Column<DateTimeOffset>(nullable: true),
            LockoutEnabled = t.Column<bool>(nullable: false),
            AccessFailedCount = t.Column<int>(nullable: false),
        }, constraints: t =>
        {
            t.PrimaryKey("PK_AspNetUsers", x => x.Id);
            t.ForeignKey("FK_AspNetUsers_Agencies_AgencyId", x => x.AgencyId, "Agencies", "Id", onDelete: ReferentialAction.Restrict);
            t.ForeignKey("FK_AspNetUsers_People_PersonId", x => x.PersonId, "People", "Id", onDelete: ReferentialAction.SetNull);
        });

        migrationBuilder.CreateTable("ApiTokens", t => new
        {
            Id = t.Column<int>(nullable: false).Identity(),
            UserId = t.Column<int>(nullable: false),
            Name = t.Column<string>(maxLength: 100, nullable: false),
            Kind = t.Column<string>(maxLength: 16, nullable: false),
            TokenHash = t.Column<string>(maxLength: 64, nullable: false),
            CreatedAt = t.Column<DateTime>(nullable: false),
            ExpiresAt = t.Column<DateTime>(nullable: true),
            LastUsedAt = t.Column<DateTime>(nullable: true),
            RevokedAt = t.Column<DateTime>(nullable: true),
        }, constraints: t =>
        {
            t.PrimaryKey("PK_ApiTokens", x => x.Id);
            t.ForeignKey("FK_ApiTokens_AspNetUsers_UserId", x => x.UserId, "AspNetUsers", "Id", onDelete: ReferentialAction.Cascade);
        });

        migrationBuilder.CreateTable("AspNetUserClaims", t => new
        {
            Id = t.Column<int>(nullable: false).Identity(),
            UserId = t.Column<int>(nullable: false),
            ClaimType = t.Column<string>(nullable: true),
            ClaimValue = t.Column<string>(nullable: true),
        }, constraints: t =>
        {
            t.PrimaryKey("PK_AspNetUserClaims", x => x.Id);
            t.ForeignKey("FK_AspNetUserClaims_AspNetUsers_UserId", x => x.UserId, "AspNetUsers", "Id", onDelete: ReferentialAction.Cascade);
        });

        migrationBuilder.CreateTable("AspNetUserLogins", t => new
        {
            LoginProvider = t.Column<string>(nullable: false),
            ProviderKey = t.Column<string>(nullable: false),
            ProviderDisplayName = t.Column<string>(nullable: true),
            UserId = t.Column<int>(nullable: false),
        }, constraints: t =>
        {
            t.PrimaryKey("PK_AspNetUserLogins", x => new { x.LoginProvider, x.ProviderKey });
            t.ForeignKey("FK_AspNetUserLogins_AspNetUsers_UserId", x => x.UserId, "AspNetUsers", "Id", onDelete: ReferentialAction.Cascade);
        });

        migrationBuilder.CreateTable("AspNetUserRoles", t => new
        {
            UserId = t.Column<int>(nullable: false),
            RoleId = t.Column<int>(nullable: false),
        }, constraints: t =>
        {
            t.PrimaryKey("PK_AspNetUserRoles", x => new { x.UserId, x.RoleId });
            t.ForeignKey("FK_AspNetUserRoles_AspNetRoles_RoleId", x => x.RoleId, "AspNetRoles", "Id", onDelete: ReferentialAction.Cascade);
            t.ForeignKey("FK_AspNetUserRoles_AspNetUsers_UserId", x => x.UserId, "AspNetUsers", "Id", onDelete: ReferentialAction.Cascade);
        });

        migrationBuilder.CreateTable("AspNetUserTokens", t => new
        {
            UserId = t.Column<int>(nullable: false),
            LoginProvider = t.Column<string>(nullable: false),
            Name = t.Column<string>(nullable: false),
            Value = t.Column<string>(nullable: true),
        }, constraints: t =>
        {
            t.PrimaryKey("PK_AspNetUserTokens", x => new { x.UserId, x.LoginProvider, x.Name });
            t.ForeignKey("FK_AspNetUserTokens_AspNetUsers_UserId", x => x.UserId, "AspNetUsers", "Id", onDelete: ReferentialAction.Cascade);
        });

        migrationBuilder.CreateIndex("IX_Agencies_Acronym", "Agencies", "Acronym");
        migrationBuilder.CreateIndex("IX_Agencies_Name", "Agencies", "Name", unique: true);
        migrationBuilder.CreateIndex("IX_AgencyLinesOfService_LineOfServiceId", "AgencyLinesOfService", "LineOfServiceId");
        migrationBuilder.CreateIndex("IX_ApiTokens_TokenHash", "ApiTokens", "TokenHash", unique: true);
        migrationBuilder.CreateIndex("IX_ApiTokens_UserId", "ApiTokens", "UserId");
        migrationBuilder.CreateIndex("IX_AspNetRoleClaims_RoleId", "AspNetRoleClaims", "RoleId");
        migrationBuilder.CreateIndex("RoleNameIndex", "AspNetRoles", "NormalizedName", unique: true);
        migrationBuilder.CreateIndex("IX_AspNetUserClaims_UserId", "AspNetUserClaims", "UserId");
        migrationBuilder.CreateIndex("IX_AspNetUserLogins_UserId", "AspNetUserLogins", "UserId");
        migrationBuilder.CreateIndex("IX_AspNetUserRoles_RoleId", "AspNetUserRoles", "RoleId");
        migrationBuilder.CreateIndex("EmailIndex", "AspNetUsers", "NormalizedEmail");
        migrationBuilder.CreateIndex("IX_AspNetUsers_AgencyId", "AspNetUsers", "AgencyId");
        migrationBuilder.CreateIndex("IX_AspNetUsers_PersonId", "AspNetUsers", "PersonId");
        migrationBuilder.CreateIndex("UserNameIndex", "AspNetUsers", "NormalizedUserName", unique: true);
        migrationBuilder.CreateIndex("IX_AuditEntries_RecordType_RecordId", "AuditEntries", ["RecordType", "RecordId"]);
        migrationBuilder.CreateIndex("IX_AuditEntries_Timestamp", "AuditEntries", "Timestamp");
        migrationBuilder.CreateIndex("IX_AuditEntries_UserId", "AuditEntries", "UserId");
        migrationBuilder.CreateIndex("IX_LinesOfService_Name", "LinesOfService", "Name", unique: true);
        migrationBuilder.CreateIndex("IX_LinesOfService_OperationalUnitId", "LinesOfService", "OperationalUnitId");
        migrationBuilder.CreateIndex("IX_OperationalUnits_Name", "OperationalUnits", "Name", unique: true);
        migrationBuilder.CreateIndex("IX_OutboxMessages_SentAt_NextAttemptAt", "OutboxMessages", ["SentAt", "NextAttemptAt"]);
        migrationBuilder.CreateIndex("IX_PendingImports_CreatedAt", "PendingImports", "CreatedAt");
        migrationBuilder.CreateIndex("IX_People_Active_Name", "People", ["LastName", "FirstName", "SearchText"], filter: "\"IsActive\"");
        migrationBuilder.CreateIndex("IX_People_AgencyId_IsActive", "People", ["AgencyId", "IsActive"]);
        migrationBuilder.CreateIndex("IX_People_OperationalUnitId_IsActive", "People", ["OperationalUnitId", "IsActive"]);
        migrationBuilder.CreateIndex("IX_People_Email", "People", "Email");

        migrationBuilder.MakeAppendOnly("AuditEntries");
    }
}
