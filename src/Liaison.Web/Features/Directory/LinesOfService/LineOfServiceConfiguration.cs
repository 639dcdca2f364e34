using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Liaison.Web.Features.Directory.LinesOfService;

internal sealed class LineOfServiceConfiguration : IEntityTypeConfiguration<LineOfService>
{
    public void Configure(EntityTypeBuilder<LineOfService> builder)
    {
        builder.ToTable("LinesOfService");
        builder.Property(l => l.Name).HasMaxLength(200).IsRequired();
        builder.Property(l => l.Description).HasMaxLength(4000);
        builder.Property(l => l.Version).IsConcurrencyToken();
        builder.HasOne(l => l.OperationalUnit).WithMany(u => u.LinesOfService).HasForeignKey(l => l.OperationalUnitId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(l => l.Name).IsUnique();
        builder.HasIndex(l => l.OperationalUnitId);
    }
}
