using System.Security.Cryptography;
using System.Text;

namespace Liaison.Web.Platform.Auth;

internal enum ApiTokenKind
{
    /// <summary>Issued by POST /api/v1/auth/token for a short session.</summary>
    Session,

    /// <summary>Created by the user on their profile page, named, revocable.</summary>
    Personal,
}

/// <summary>
/// A bearer token. Only its SHA-256 hash is stored: a copy of the database does not hand out
/// working tokens.
/// </summary>
[Liaison.Web.Platform.Modules.AgencyHealthNeutral]
internal sealed class ApiToken
{
    public int Id { get; set; }
    public int UserId { get; set; }
    public User? User { get; set; }
    public string Name { get; set; } = "";
    public ApiTokenKind Kind { get; set; }
    public string TokenHash { get; set; } = "";
    public DateTime CreatedAt { get; set; }
    public DateTime? ExpiresAt { get; set; }
    public DateTime? LastUsedAt { get; set; }
    public DateTime? RevokedAt { get; set; }

    public bool IsActive(DateTime now) => RevokedAt is null && (ExpiresAt is null || ExpiresAt > now);

    public static string NewSecret() =>
        "lia_" + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32))
            .Replace('+', '-').Replace('/', '_').TrimEnd('=');

    public static string Hash(string secret) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));
}
