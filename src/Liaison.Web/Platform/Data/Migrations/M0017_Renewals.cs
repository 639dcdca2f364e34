using Liaison.Web.Platform.Search;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Liaison.Web.Platform.Data.Migrations;

/// <summary>The IT renewal log (issue 12): vendors with their contacts and products, and a renewal per product, agency and term.</summary>
[DbContext(typeof(LiaisonDbContext))]
[Migration("20261210000017_Renewals")]
internal sealed class M0017_Renewals : Migration
{
    private static readonly string[] Trigrams = ["gin_trgm_ops"];

    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable("Vendors", t => new
        {
            Id = t.Column<int>(nullable: false).Identity(),
            Name = t.Column<string>(maxLength: 200, nullable: false),
            Address = t.Column<string>(maxLength: 500, nullable: true),
            Url = t.Column<string>(maxLength: 500, nullable: true),
            SearchText = t.Column<string>(maxLength: 800, nullable: false),
            CreatedAt = t.Column<DateTime>(nullable: false),
            UpdatedAt = t.Column<DateTime>(nullable: false),
            Version = t.Column<int>(nullable: false),
        }, constraints: t => t.PrimaryKey("PK_Vendors", x => x.Id));

        migrationBuilder.CreateTable("VendorContacts", t => new
        {
            Id = t.Column<int>(nullable: false).Identity(),
            VendorId = t.Column<int>(nullable: false),
            Name = t.Column<string>(maxLength: 200, nullable: false),
            Phone = t.Column<string>(maxLength: 50, nullable: true),
            Email = t.Column<string>(maxLength: 254, nullable: true),
        }, constraints: t =>
        {
            t.PrimaryKey("PK_VendorContacts", x => x.Id);
            t.ForeignKey("FK_VendorContacts_Vendors_VendorId", x => x.VendorId, "Vendors", "Id", onDelete: ReferentialAction.Cascade);
        });

        migrationBuilder.CreateTable("Products", t => new
        {
            Id = t.Column<int>(nullable: false).Identity(),
            VendorId = t.Column<int>(nullable: false),
            Name = t.Column<string>(maxLength: 200, nullable: false),
        }, constraints: t =>
        {
            t.PrimaryKey("PK_Products", x => x.Id);
            t.ForeignKey("FK_Products_Vendors_VendorId", x => x.VendorId, "Vendors", "Id", onDelete: ReferentialAction.Restrict);
        });

        migrationBuilder.CreateTable("Renewals", t => new
        {
            Id = t.Column<int>(nullable: false).Identity(),
            ProductId = t.Column<int>(nullable: false),
            AgencyId = t.Column<int>(nullable: false),
            RenewalNumber = t.Column<string>(maxLength: 50, nullable: true),
            PurchaseOrders = t.Column<string>(maxLength: 200, nullable: true),
            Cost = t.Column<decimal>(precision: 14, scale: 2, nullable: true),
            BillingPeriod = t.Column<int>(nullable: false),
            Seats = t.Column<int>(nullable: true),
            CostPerSeat = t.Column<decimal>(precision: 14, scale: 2, nullable: true),
            TermStart = t.Column<DateOnly>(nullable: false),
            TermEnd = t.Column<DateOnly>(nullable: false),
            VendorNoticeDays = t.Column<int>(nullable: false),
            LeadTimeDays = t.Column<int>(nullable: false),
            RenewsTacitly = t.Column<bool>(nullable: false),
            Status = t.Column<int>(nullable: false),
            ResponsibleManagerPersonId = t.Column<int>(nullable: true),
            PreviousRenewalId = t.Column<int>(nullable: true),
            Notes = t.Column<string>(maxLength: 4000, nullable: true),
            LastSafeDate = t.Column<DateOnly>(nullable: false),
            SearchText = t.Column<string>(maxLength: 4400, nullable: false),
            CreatedAt = t.Column<DateTime>(nullable: false),
            UpdatedAt = t.Column<DateTime>(nullable: false),
            Version = t.Column<int>(nullable: false),
        }, constraints: t =>
        {
            t.PrimaryKey("PK_Renewals", x => x.Id);
            t.ForeignKey("FK_Renewals_Products_ProductId", x => x.ProductId, "Products", "Id", onDelete: ReferentialAction.Restrict);
            t.ForeignKey("FK_Renewals_Agencies_AgencyId", x => x.AgencyId, "Agencies", "Id", onDelete: ReferentialAction.Restrict);
            t.ForeignKey("FK_Renewals_People_ResponsibleManagerPersonId", x => x.ResponsibleManagerPersonId, "People", "Id", onDelete: ReferentialAction.Restrict);
            t.ForeignKey("FK_Renewals_Renewals_PreviousRenewalId", x => x.PreviousRenewalId, "Renewals", "Id", onDelete: ReferentialAction.Restrict);
        });

        migrationBuilder.CreateIndex("IX_Vendors_Name", "Vendors", "Name", unique: true);
        migrationBuilder.CreateIndex("IX_VendorContacts_VendorId", "VendorContacts", "VendorId");
        migrationBuilder.CreateIndex("IX_Products_VendorId_Name", "Products", ["VendorId", "Name"], unique: true);
        migrationBuilder.CreateIndex("IX_Renewals_AgencyId_LastSafeDate", "Renewals", ["AgencyId", "LastSafeDate"]);
        migrationBuilder.CreateIndex("IX_Renewals_Status_LastSafeDate", "Renewals", ["Status", "LastSafeDate"]);
        migrationBuilder.CreateIndex("IX_Renewals_ResponsibleManagerPersonId_LastSafeDate", "Renewals", ["ResponsibleManagerPersonId", "LastSafeDate"]);
        migrationBuilder.CreateIndex("IX_Renewals_ProductId", "Renewals", "ProductId");
        migrationBuilder.CreateIndex("IX_Renewals_PreviousRenewalId", "Renewals", "PreviousRenewalId", unique: true);
        // A new health signal (renewals due): every agency's kept figures were counted without it, so none is current.
        migrationBuilder.Sql("""UPDATE "AgencyFigures" SET "Version" = "Version" + 1""");
        // The header's search: vendors (of no one agency) and renewals (their agency's), as VendorSearch and RenewalSearch.
        migrationBuilder.IndexForSearch("Vendors", 8, null);
        migrationBuilder.IndexForSearch("Renewals", 9, "AgencyId");
        if (migrationBuilder.ActiveProvider == MigrationExtensions.PostgresProvider)
        {
            foreach (var table in new[] { "Vendors", "Renewals" })
            {
                migrationBuilder.CreateIndex($"IX_{table}_SearchText_Trigram", table, "SearchText")
                    .Annotation("Npgsql:IndexMethod", "gin")
                    .Annotation("Npgsql:IndexOperators", Trigrams);
            }
        }
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.RemoveFromSearch("Vendors", 8);
        migrationBuilder.RemoveFromSearch("Renewals", 9);
        migrationBuilder.DropTable("Renewals");
        migrationBuilder.DropTable("Products");
        migrationBuilder.DropTable("VendorContacts");
        migrationBuilder.DropTable("Vendors");
    }
}
