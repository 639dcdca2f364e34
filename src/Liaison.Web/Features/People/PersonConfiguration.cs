using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Liaison.Web.Features.People;

internal sealed class PersonConfiguration : IEntityTypeConfiguration<Person>
{
    public void Configure(EntityTypeBuilder<Person> builder)
    {
        builder.ToTable("People");
        builder.Property(p => p.FirstName).HasMaxLength(100).IsRequired();
        builder.Property(p => p.LastName).HasMaxLength(100).IsRequired();
        builder.Property(p => p.Title).HasMaxLength(200);
        builder.Property(p => p.Email).HasMaxLength(256);
        builder.Property(p => p.Phone).HasMaxLength(40);
        builder.Property(p => p.Kind).HasConversion<string>().HasMaxLength(20);
        builder.Property(p => p.InternalNotes).HasMaxLength(4000);
        builder.Property(p => p.Version).IsConcurrencyToken();
        builder.HasOne(p => p.Agency).WithMany().HasForeignKey(p => p.AgencyId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(p => p.OperationalUnit).WithMany().HasForeignKey(p => p.OperationalUnitId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(p => new { p.LastName, p.FirstName });
        builder.HasIndex(p => p.Email);
        builder.HasIndex(p => new { p.AgencyId, p.LastName });
        builder.HasIndex(p => p.OperationalUnitId);
        builder.Ignore(p => p.FullName);
        builder.Ignore(p => p.SortName);
    }
}
