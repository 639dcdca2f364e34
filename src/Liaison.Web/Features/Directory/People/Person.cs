using System.Linq.Expressions;
using Liaison.Web.Features.Directory.Agencies;
using Liaison.Web.Features.Directory.Units;
using Liaison.Web.Platform.Data;

namespace Liaison.Web.Features.Directory.People;

internal enum PersonKind
{
    /// <summary>Works for a partner agency.</summary>
    AgencyContact,

    /// <summary>Works for the provider, in one of its operational units.</summary>
    ProviderStaff,
}

/// <summary>Someone in the directory: an agency contact or a member of the provider's staff.</summary>
internal sealed class Person : IVersioned, ITimestamped, IAgencyOwned<Person>, ISearchable
{
    public int Id { get; set; }
    public string FirstName { get; set; } = "";
    public string LastName { get; set; } = "";
    public string? Title { get; set; }
    public string? Email { get; set; }
    public string? Phone { get; set; }
    public PersonKind Kind { get; set; }

    /// <summary>For agency contacts.</summary>
    public int? AgencyId { get; set; }
    public Agency? Agency { get; set; }

    /// <summary>For provider staff.</summary>
    public int? OperationalUnitId { get; set; }
    public OperationalUnit? OperationalUnit { get; set; }

    /// <summary>The provider's own notes; never shown to the agency's users.</summary>
    public string? InternalNotes { get; set; }

    public bool IsActive { get; set; } = true;

    public string SearchText { get; set; } = "";

    public IEnumerable<string?> SearchWords() => [FirstName, LastName, Email, Title];
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
    public int Version { get; set; }

    public static Expression<Func<Person, int?>> OwningAgency => p => p.AgencyId;

    public string FullName => $"{FirstName} {LastName}";
    public string SortName => $"{LastName}, {FirstName}";
}
