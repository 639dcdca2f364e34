using Liaison.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Liaison.Web.Features.SavedViews;

/// <summary>
/// A list's filters and sort as one user saved them under a name ("Late items of my agencies"): the list's path and its
/// query string, without the page number. Each user's own; nobody else sees it.
/// </summary>
[Platform.Auditing.NotAudited]
[Platform.Modules.AgencyHealthNeutral]
internal sealed class SavedView
{
    public const int MaxName = 80;
    public const int MaxQuery = 1000;

    public int Id { get; set; }
    public int UserId { get; set; }

    /// <summary>The list's path, "/ActionItems".</summary>
    public string List { get; set; } = "";
    public string Name { get; set; } = "";

    /// <summary>The query string without "?", page, handler or export format: "status=open&amp;due=late&amp;sort=agency".</summary>
    public string Query { get; set; } = "";
    public DateTime CreatedAt { get; set; }

    public string Link => Query.Length == 0 ? List : $"{List}?{Query}";
}

internal sealed class SavedViewConfiguration : IEntityTypeConfiguration<SavedView>
{
    public void Configure(EntityTypeBuilder<SavedView> builder)
    {
        builder.ToTable("SavedViews");
        builder.Property(v => v.List).HasMaxLength(100).IsRequired();
        builder.Property(v => v.Name).HasMaxLength(SavedView.MaxName).IsRequired();
        builder.Property(v => v.Query).HasMaxLength(SavedView.MaxQuery).IsRequired();
        builder.Ignore(v => v.Link);
        builder.HasOne<Platform.Auth.User>().WithMany().HasForeignKey(v => v.UserId).OnDelete(DeleteBehavior.Cascade);
        // Saving a view under a name the user already gave one on that list replaces it.
        builder.HasIndex(v => new { v.UserId, v.List, v.Name }).IsUnique();
    }
}

internal static class SavedViewsTables
{
    extension(LiaisonDbContext db)
    {
        public DbSet<SavedView> SavedViews => db.Set<SavedView>();
    }
}
