using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Liaison.Web.Features.Directory.Units;

internal sealed class OperationalUnitConfiguration : IEntityTypeConfiguration<OperationalUnit>
{
    public void Configure(EntityTypeBuilder<OperationalUnit> builder)
    {
        builder.ToTable("OperationalUnits");
        builder.Property(u => u.Name).HasMaxLength(200).IsRequired();
        builder.Property(u => u.Description).HasMaxLength(4000);
        builder.Property(u => u.Version).IsConcurrencyToken();
        builder.HasIndex(u => u.Name).IsUnique();
    }
}
