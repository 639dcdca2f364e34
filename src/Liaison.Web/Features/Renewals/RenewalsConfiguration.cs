using Liaison.Web.Features.Renewals.Procurement;
using Liaison.Web.Features.Renewals.Vendors;
using Liaison.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Liaison.Web.Features.Renewals;

internal sealed class VendorConfiguration : IEntityTypeConfiguration<Vendor>
{
    public void Configure(EntityTypeBuilder<Vendor> builder)
    {
        builder.ToTable("Vendors");
        builder.Property(v => v.Name).HasMaxLength(200).IsRequired();
        builder.Property(v => v.Address).HasMaxLength(500);
        builder.Property(v => v.Url).HasMaxLength(500);
        builder.Property(v => v.SearchText).HasMaxLength(800).IsRequired();
        builder.Property(v => v.Version).IsConcurrencyToken();
        builder.HasMany(v => v.Contacts).WithOne().HasForeignKey(c => c.VendorId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(v => v.Products).WithOne(p => p.Vendor).HasForeignKey(p => p.VendorId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(v => v.Name).IsUnique();
    }
}

internal sealed class VendorContactConfiguration : IEntityTypeConfiguration<VendorContact>
{
    public void Configure(EntityTypeBuilder<VendorContact> builder)
    {
        builder.ToTable("VendorContacts");
        builder.Property(c => c.Name).HasMaxLength(200).IsRequired();
        builder.Property(c => c.Phone).HasMaxLength(50);
        builder.Property(c => c.Email).HasMaxLength(254);
    }
}

internal sealed class ProductConfiguration : IEntityTypeConfiguration<Product>
{
    public void Configure(EntityTypeBuilder<Product> builder)
    {
        builder.ToTable("Products");
        builder.Property(p => p.Name).HasMaxLength(200).IsRequired();
        builder.HasIndex(p => new { p.VendorId, p.Name }).IsUnique();
    }
}

internal sealed class RenewalConfiguration : IEntityTypeConfiguration<Renewal>
{
    public void Configure(EntityTypeBuilder<Renewal> builder)
    {
        builder.ToTable("Renewals");
        builder.Property(r => r.RenewalNumber).HasMaxLength(50);
        builder.Property(r => r.PurchaseOrders).HasMaxLength(200);
        builder.Property(r => r.Cost).HasPrecision(14, 2);
        builder.Property(r => r.CostPerSeat).HasPrecision(14, 2);
        builder.Property(r => r.Notes).HasMaxLength(4000);
        builder.Property(r => r.SearchText).HasMaxLength(4400).IsRequired();
        builder.Property(r => r.Version).IsConcurrencyToken();
        builder.HasOne(r => r.Product).WithMany().HasForeignKey(r => r.ProductId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(r => r.Agency).WithMany().HasForeignKey(r => r.AgencyId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(r => r.ResponsibleManager).WithMany().HasForeignKey(r => r.ResponsibleManagerPersonId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(r => r.PreviousRenewal).WithMany().HasForeignKey(r => r.PreviousRenewalId).OnDelete(DeleteBehavior.Restrict);
        // The log by agency and date, what is due soonest, and "next year's" of a renewal (at most one).
        builder.HasIndex(r => new { r.AgencyId, r.LastSafeDate });
        builder.HasIndex(r => new { r.Status, r.LastSafeDate });
        builder.HasIndex(r => new { r.ResponsibleManagerPersonId, r.LastSafeDate });
        builder.HasIndex(r => r.ProductId);
        builder.HasIndex(r => r.PreviousRenewalId).IsUnique();
        // The log's default view (what is still to act on, soonest first) read in order from a partial index, and the
        // calendar's term ends by month (docs/benchmark.md, "The renewal log at ten times a state's size").
        builder.HasIndex(r => new { r.LastSafeDate, r.Id }).HasFilter(RenewalDates.OpenFilter).HasDatabaseName("IX_Renewals_Open_LastSafeDate");
        builder.HasIndex(r => r.TermEnd);
    }
}

/// <summary>The module's tables (see QuickWinsTables).</summary>
internal static class RenewalsTables
{
    extension(LiaisonDbContext db)
    {
        public DbSet<Vendor> Vendors => db.Set<Vendor>();
        public DbSet<VendorContact> VendorContacts => db.Set<VendorContact>();
        public DbSet<Product> Products => db.Set<Product>();
        public DbSet<Renewal> Renewals => db.Set<Renewal>();
        public DbSet<RenewalReminder> RenewalReminders => db.Set<RenewalReminder>();
        public DbSet<ProcurementRequest> ProcurementRequests => db.Set<ProcurementRequest>();
        public DbSet<ProcurementQuote> ProcurementQuotes => db.Set<ProcurementQuote>();
        public DbSet<ProcurementAttachment> ProcurementAttachments => db.Set<ProcurementAttachment>();
    }
}

internal sealed class RenewalReminderConfiguration : IEntityTypeConfiguration<RenewalReminder>
{
    public void Configure(EntityTypeBuilder<RenewalReminder> builder)
    {
        builder.ToTable("RenewalReminders");
        builder.HasOne<Renewal>().WithMany().HasForeignKey(r => r.RenewalId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(r => r.User).WithMany().HasForeignKey(r => r.UserId).OnDelete(DeleteBehavior.Cascade);
        // Each point once per renewal, person and last safe date: the guarantee that no reminder goes out twice.
        builder.HasIndex(r => new { r.RenewalId, r.UserId, r.LastSafeDate, r.DaysBefore }).IsUnique();
        builder.HasIndex(r => r.UserId);
    }
}

internal sealed class ProcurementRequestConfiguration : IEntityTypeConfiguration<ProcurementRequest>
{
    public void Configure(EntityTypeBuilder<ProcurementRequest> builder)
    {
        builder.ToTable("ProcurementRequests");
        builder.Property(r => r.Title).HasMaxLength(200).IsRequired();
        builder.Property(r => r.Justification).HasMaxLength(4000);
        builder.Property(r => r.RequestedBy).HasMaxLength(200).IsRequired();
        builder.Property(r => r.EstimatedCost).HasPrecision(14, 2);
        builder.Property(r => r.AssessmentReasons).HasMaxLength(4000);
        builder.Property(r => r.ProcurementTicket).HasMaxLength(50);
        builder.Property(r => r.PurchaseOrder).HasMaxLength(50);
        builder.Property(r => r.SearchText).HasMaxLength(4600).IsRequired().HasDefaultValue(""); // added to a table with rows (M0021)
        builder.Property(r => r.Version).IsConcurrencyToken();
        builder.HasOne(r => r.Agency).WithMany().HasForeignKey(r => r.AgencyId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(r => r.Approver).WithMany().HasForeignKey(r => r.ApproverPersonId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(r => r.Quotes).WithOne().HasForeignKey(q => q.RequestId).OnDelete(DeleteBehavior.Cascade);
        // The board: by status, longest waiting first; an agency's requests.
        builder.HasIndex(r => new { r.Status, r.StatusSince });
        builder.HasIndex(r => new { r.AgencyId, r.Status });
    }
}

internal sealed class ProcurementQuoteConfiguration : IEntityTypeConfiguration<ProcurementQuote>
{
    public void Configure(EntityTypeBuilder<ProcurementQuote> builder)
    {
        builder.ToTable("ProcurementQuotes");
        builder.Property(q => q.Vendor).HasMaxLength(200).IsRequired();
        builder.Property(q => q.Amount).HasPrecision(14, 2);
        builder.HasOne<ProcurementAttachment>().WithMany().HasForeignKey(q => q.AttachmentId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class ProcurementAttachmentConfiguration : IEntityTypeConfiguration<ProcurementAttachment>
{
    public void Configure(EntityTypeBuilder<ProcurementAttachment> builder)
    {
        builder.ToTable("ProcurementAttachments");
        builder.Property(a => a.FileName).HasMaxLength(200).IsRequired();
        builder.Property(a => a.ContentType).HasMaxLength(100).IsRequired();
        builder.Property(a => a.Sha256).HasMaxLength(64).IsRequired();
        builder.Property(a => a.UploadedBy).HasMaxLength(200).IsRequired();
        builder.HasOne<ProcurementRequest>().WithMany().HasForeignKey(a => a.RequestId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(a => a.RequestId);
    }
}
