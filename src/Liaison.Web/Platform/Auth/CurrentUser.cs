using System.Diagnostics;
using System.Globalization;
using System.Security.Claims;

namespace Liaison.Web.Platform.Auth;

/// <summary>Who is asking, read from the request's principal (cookie or bearer token).</summary>
internal sealed class CurrentUser(IHttpContextAccessor accessor)
{
    public const string AgencyClaim = "liaison:agency";
    public const string DisplayNameClaim = "liaison:name";
    public const string PersonClaim = "liaison:person";

    private (int Id, string Name)? _signingIn;

    private ClaimsPrincipal? Principal => accessor.HttpContext?.User;

    /// <summary>
    /// During a sign-in through the API the request is still anonymous; what it writes (the new
    /// token) is recorded as done by the user who is signing in.
    /// </summary>
    public void SigningIn(int id, string name) => _signingIn = (id, name);

    /// <summary>True outside any request: start-up, background jobs and command-line tasks.</summary>
    public bool IsSystem => accessor.HttpContext is null;

    public bool IsAuthenticated => Principal?.Identity?.IsAuthenticated == true;

    public int? Id => _signingIn?.Id ?? (int.TryParse(Principal?.FindFirstValue(ClaimTypes.NameIdentifier), CultureInfo.InvariantCulture, out var id) ? id : null);

    public string Name => _signingIn?.Name ?? (IsSystem ? "system" : Principal?.FindFirstValue(ClaimTypes.Name) ?? "anonymous");

    public string DisplayName => Principal?.FindFirstValue(DisplayNameClaim) ?? Name;

    public int? AgencyId => int.TryParse(Principal?.FindFirstValue(AgencyClaim), CultureInfo.InvariantCulture, out var id) ? id : null;

    /// <summary>The user's own entry in the directory, if any.</summary>
    public int? PersonId => int.TryParse(Principal?.FindFirstValue(PersonClaim), CultureInfo.InvariantCulture, out var id) ? id : null;

    /// <summary>For agency users: their directory entry (-1 when there is none), which decides the action items they see.</summary>
    public int? PersonScope => IsAgencyUser ? PersonId ?? -1 : null;

    public bool IsInRole(string role) => Principal?.IsInRole(role) == true;

    public bool IsAdministrator => IsInRole(Roles.Administrator);

    public bool IsAgencyUser => IsInRole(Roles.AgencyUser);

    /// <summary>Provider people: every signed-in user who is not an agency user.</summary>
    public bool IsProviderUser => IsAuthenticated && !IsAgencyUser;

    /// <summary>
    /// The one agency whose records this user may see, or null for all. An anonymous request or an
    /// agency user without an agency sees nothing (-1 matches no agency).
    /// </summary>
    public int? AgencyScope
    {
        get
        {
            if (IsSystem)
                return null;
            if (!IsAuthenticated)
                return -1;
            return IsAgencyUser ? AgencyId ?? -1 : null;
        }
    }

    public string? CorrelationId => Activity.Current?.TraceId.ToString() ?? accessor.HttpContext?.TraceIdentifier;
}
