using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Liaison.Web.Features.Directory.Agencies;

internal sealed class AgencyConfiguration : IEntityTypeConfiguration<Agency>
{
    public void Configure(EntityTypeBuilder<Agency> builder)
    {
        builder.ToTable("Agencies");
        builder.Property(a => a.Name).HasMaxLength(200).IsRequired();
        builder.Property(a => a.Acronym).HasMaxLength(20);
        builder.Property(a => a.ParentDepartment).HasMaxLength(200);
        builder.Property(a => a.Website).HasMaxLength(300);
        builder.Property(a => a.Phone).HasMaxLength(40);
        builder.Property(a => a.Address).HasMaxLength(500);
        builder.Property(a => a.InternalNotes).HasMaxLength(4000);
        builder.Property(a => a.Version).IsConcurrencyToken();
        builder.Property(a => a.SearchText).HasMaxLength(600).IsRequired();
        builder.HasIndex(a => a.Name).IsUnique();
        builder.HasIndex(a => a.Acronym);
        builder.Ignore(a => a.DisplayName);
    }
}

internal sealed class AgencyLineOfServiceConfiguration : IEntityTypeConfiguration<AgencyLineOfService>
{
    public void Configure(EntityTypeBuilder<AgencyLineOfService> builder)
    {
        builder.ToTable("AgencyLinesOfService");
        builder.HasKey(l => new { l.AgencyId, l.LineOfServiceId });
        builder.HasOne(l => l.Agency).WithMany(a => a.LinesOfService).HasForeignKey(l => l.AgencyId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(l => l.LineOfService).WithMany().HasForeignKey(l => l.LineOfServiceId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(l => l.LineOfServiceId);
    }
}
