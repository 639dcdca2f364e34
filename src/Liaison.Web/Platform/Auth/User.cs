using Liaison.Web.Features.Directory.Agencies;
using Liaison.Web.Features.Directory.People;
using Liaison.Web.Platform.Data;
using Microsoft.AspNetCore.Identity;

namespace Liaison.Web.Platform.Auth;

/// <summary>A person who signs in: provider staff or an agency's own people.</summary>
internal sealed class User : IdentityUser<int>, IVersioned
{
    public string DisplayName { get; set; } = "";

    /// <summary>Set for agency users only: the one agency whose records they may see.</summary>
    public int? AgencyId { get; set; }
    public Agency? Agency { get; set; }

    /// <summary>The directory entry for this person, where there is one.</summary>
    public int? PersonId { get; set; }
    public Person? Person { get; set; }

    public bool IsDisabled { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime? LastSignInAt { get; set; }
    public int Version { get; set; }

    public ICollection<UserRole> UserRoles { get; } = [];
}

internal sealed class Role : IdentityRole<int>
{
    public Role()
    {
    }

    public Role(string name) : base(name)
    {
        NormalizedName = name.ToUpperInvariant();
    }
}

/// <summary>A user's role; changes show in the user's history.</summary>
[Liaison.Web.Platform.Modules.AgencyHealthNeutral]
internal sealed class UserRole : IdentityUserRole<int>, IAuditedAsPartOf
{
    public (string RecordType, string RecordId, string Field) AuditTarget =>
        (nameof(User), UserId.ToString(System.Globalization.CultureInfo.InvariantCulture), "Roles");

    public async Task<string> DescribeAsync(LiaisonDbContext db, CancellationToken ct) =>
        (await db.Roles.FindAsync([RoleId], ct))?.Name ?? $"Role #{RoleId}";
}
