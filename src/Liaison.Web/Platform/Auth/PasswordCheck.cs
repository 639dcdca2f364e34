using Liaison.Web.Platform.Web;
using Microsoft.AspNetCore.Identity;

namespace Liaison.Web.Platform.Auth;

/// <summary>
/// The first step of every password sign-in, the page's and the API's: who is signing in, if anyone may. An unknown
/// address, a disabled account and a locked one are all answered the same way as a wrong password, and take as long:
/// a password is hashed whatever happens, so neither the message nor the time tells an attacker which addresses exist.
/// </summary>
internal sealed class PasswordCheck(UserManager<User> users, IPasswordHasher<User> hasher)
{
    /// <summary>What every refused sign-in is told, whatever the reason.</summary>
    public const string Refused =
        "The email address or password is not right, or the account is locked or disabled. After 5 failed attempts an account is locked for 15 minutes; an administrator can unlock it sooner.";

    private static readonly User Nobody = new() { UserName = "nobody", Email = "nobody@invalid" };

    private static string? _dummyHash;

    /// <summary>
    /// The user who may try this password, or null (after hashing it against a dummy, to take as long as a real check).
    /// The caller then checks the password itself through the sign-in manager, which keeps the lockout count.
    /// </summary>
    public async Task<User?> FindCandidateAsync(string? email, string? password)
    {
        User? user = null;
        if (!string.IsNullOrWhiteSpace(email) && email.Length <= 256 && InputRules.TextProblem(email, multiLine: false) is null)
            user = await users.FindByEmailAsync(email.Trim());
        if (user is not null && !user.IsDisabled && !await users.IsLockedOutAsync(user))
            return user;
        _dummyHash ??= hasher.HashPassword(Nobody, Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(16)));
        hasher.VerifyHashedPassword(Nobody, _dummyHash, password ?? "");
        return null;
    }
}
