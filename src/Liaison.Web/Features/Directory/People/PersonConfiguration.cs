using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Liaison.Web.Features.Directory.People;

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
        builder.Property(p => p.SearchText).HasMaxLength(800).IsRequired();
        builder.HasOne(p => p.Agency).WithMany().HasForeignKey(p => p.AgencyId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(p => p.OperationalUnit).WithMany().HasForeignKey(p => p.OperationalUnitId).OnDelete(DeleteBehavior.Restrict);
        // Lists and counts are of active people. EF writes that filter as a bare "IsActive", which SQLite
        // matches only against a partial index with the same filter (docs/adr/0006): it serves the
        // directory sorted by name, and carries the search text so a search reads the index alone. The
        // foreign-key indexes carry IsActive so that counting an agency's contacts or a unit's staff is
        // read from the index alone too.
        builder.HasIndex(p => new { p.LastName, p.FirstName, p.SearchText }, "IX_People_Active_Name").HasFilter("\"IsActive\"");
        builder.HasIndex(p => new { p.AgencyId, p.IsActive });
        builder.HasIndex(p => new { p.OperationalUnitId, p.IsActive });
        builder.HasIndex(p => p.Email);
        builder.Ignore(p => p.FullName);
        builder.Ignore(p => p.SortName);
    }
}
