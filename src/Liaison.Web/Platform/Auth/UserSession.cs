namespace Liaison.Web.Platform.Auth;

/// <summary>
/// A signed-in browser session, kept on the server: the cookie carries only its key. Signing out deletes the row, so a
/// copy of the cookie stops working at once, on every app instance; disabling a user deletes all of theirs.
/// </summary>
internal sealed class UserSession
{
    /// <summary>The SHA-256 of the key the cookie carries (a copy of the database hands out no session).</summary>
    public string KeyHash { get; set; } = "";
    public int UserId { get; set; }

    /// <summary>The authentication ticket (claims and properties), as ASP.NET Core serialises it.</summary>
    public byte[] Ticket { get; set; } = [];
    public DateTime CreatedAt { get; set; }
    public DateTime? ExpiresAt { get; set; }
    public DateTime RenewedAt { get; set; }
}
