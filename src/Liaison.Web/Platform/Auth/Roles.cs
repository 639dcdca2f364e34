namespace Liaison.Web.Platform.Auth;

/// <summary>The roles of PRODUCT.md. Names are stored in the database and used in policies.</summary>
internal static class Roles
{
    public const string Administrator = "Administrator";
    public const string Executive = "Executive";
    public const string RelationshipManager = "RelationshipManager";
    public const string ProviderStaff = "ProviderStaff";
    public const string AgencyUser = "AgencyUser";

    public static readonly IReadOnlyList<string> All =
        [Administrator, Executive, RelationshipManager, ProviderStaff, AgencyUser];

    /// <summary>Roles held by the provider's own people (everyone but agency users).</summary>
    public static readonly IReadOnlyList<string> Provider =
        [Administrator, Executive, RelationshipManager, ProviderStaff];

    public static string DisplayName(string role, string relationshipManagerTitle) => role switch
    {
        Administrator => "Administrator",
        Executive => "Executive",
        RelationshipManager => relationshipManagerTitle,
        ProviderStaff => "Provider staff",
        AgencyUser => "Agency user",
        _ => role,
    };
}
