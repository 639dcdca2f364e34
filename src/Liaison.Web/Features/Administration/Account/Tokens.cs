using System.ComponentModel.DataAnnotations;
using Liaison.Web.Platform.Auth;
using Liaison.Web.Platform.Data;
using Liaison.Web.Platform.Web;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;

namespace Liaison.Web.Features.Administration.Account;

internal sealed record TokenRequest(string? Email, string? Password, string? Code);

internal sealed record IssuedToken(string AccessToken, DateTime? ExpiresAt, string TokenType = "Bearer");

internal sealed record PersonalTokenRow(int Id, string Name, DateTime CreatedAt, DateTime? ExpiresAt, DateTime? LastUsedAt, bool IsActive);

internal sealed class PersonalTokenInput
{
    [Display(Name = "Name")]
    public string Name { get; set => field = value ?? ""; } = "";

    /// <summary>Days until it expires; 0 for never.</summary>
    [Display(Name = "Expires after")]
    public int ExpiresInDays { get; set; } = 90;
}

/// <summary>
/// Bearer tokens: a short session token for a sign-in through the API (with the same lockout as the
/// sign-in page), and named personal access tokens a user manages on their profile.
/// </summary>
internal sealed class Tokens(LiaisonDbContext db, UserManager<User> users, SignInManager<User> signIn, PasswordCheck passwords,
    CurrentUser current, TimeProvider clock, IMemoryCache cache)
{
    public static readonly TimeSpan SessionLifetime = TimeSpan.FromHours(8);
    public static readonly int[] AllowedExpiries = [7, 30, 90, 365, 0];

    public async Task<Result<IssuedToken>> IssueSessionTokenAsync(TokenRequest request, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(request.Email) || string.IsNullOrEmpty(request.Password))
            return Result<IssuedToken>.Invalid(new Dictionary<string, string[]> { ["email"] = ["Send email and password."] });

        // The same answer, in about the same time, whatever went wrong (see PasswordCheck).
        var user = await passwords.FindCandidateAsync(request.Email, request.Password);
        if (user is null || !(await signIn.CheckPasswordSignInAsync(user, request.Password, lockoutOnFailure: true)).Succeeded)
            return Result<IssuedToken>.Invalid("", PasswordCheck.Refused);
        if (user.TwoFactorEnabled)
        {
            var code = (request.Code ?? "").Replace(" ", "", StringComparison.Ordinal).Replace("-", "", StringComparison.Ordinal);
            if (code.Length == 0)
                return Result<IssuedToken>.Invalid("code", "This account uses two-factor authentication: send the code from the authenticator app as code.");
            if (!await users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, code))
            {
                await users.AccessFailedAsync(user);
                return Result<IssuedToken>.Invalid("code", "The two-factor code is not right.");
            }
        }
        var now = clock.GetUtcNow().UtcDateTime;
        user.LastSignInAt = now;
        current.SigningIn(user.Id, user.Email!);
        return Result<IssuedToken>.Ok(await CreateAsync(user.Id, "API session", ApiTokenKind.Session, now + SessionLifetime, ct));
    }

    public async Task<Result<IssuedToken>> CreatePersonalAsync(PersonalTokenInput input, CancellationToken ct)
    {
        if (current.Id is not { } userId)
            return Result<IssuedToken>.Forbidden();
        var errors = Validation.Check(input) ?? [];
        if (string.IsNullOrWhiteSpace(input.Name) || input.Name.Trim().Length > 100)
            errors[nameof(PersonalTokenInput.Name)] = ["Name the token after what will use it (up to 100 characters), for instance \"Power BI report\"."];
        if (!AllowedExpiries.Contains(input.ExpiresInDays))
            errors[nameof(PersonalTokenInput.ExpiresInDays)] = ["Choose 7, 30, 90 or 365 days, or never."];
        if (errors.Count > 0)
            return Result<IssuedToken>.Invalid(errors);
        var now = clock.GetUtcNow().UtcDateTime;
        DateTime? expires = input.ExpiresInDays == 0 ? null : now.AddDays(input.ExpiresInDays);
        return Result<IssuedToken>.Ok(await CreateAsync(userId, input.Name.Trim(), ApiTokenKind.Personal, expires, ct));
    }

    public async Task<IReadOnlyList<PersonalTokenRow>> ListPersonalAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var tokens = await db.ApiTokens.AsNoTracking()
            .Where(t => t.UserId == current.Id && t.Kind == ApiTokenKind.Personal && t.RevokedAt == null)
            .OrderByDescending(t => t.CreatedAt).ToListAsync(ct);
        return tokens.Select(t => new PersonalTokenRow(t.Id, t.Name, t.CreatedAt, t.ExpiresAt, t.LastUsedAt, t.IsActive(now))).ToList();
    }

    public async Task<Result<bool>> RevokeAsync(int tokenId, CancellationToken ct)
    {
        var token = await db.ApiTokens.FirstOrDefaultAsync(t => t.Id == tokenId && t.UserId == current.Id && t.RevokedAt == null, ct);
        if (token is null)
            return Result<bool>.NotFound();
        token.RevokedAt = clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(ct);
        cache.Remove(BearerTokenHandler.CacheKey(token.TokenHash));
        return Result<bool>.Ok(true);
    }

    /// <summary>Revokes the token the current API request was made with (sign-out for API clients).</summary>
    public async Task RevokeCurrentAsync(string? authorization, CancellationToken ct)
    {
        if (authorization is null || !authorization.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
            return;
        var hash = ApiToken.Hash(authorization["Bearer ".Length..].Trim());
        var token = await db.ApiTokens.FirstOrDefaultAsync(t => t.TokenHash == hash && t.Kind == ApiTokenKind.Session, ct);
        if (token is null)
            return;
        token.RevokedAt = clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(ct);
        cache.Remove(BearerTokenHandler.CacheKey(hash));
    }

    private async Task<IssuedToken> CreateAsync(int userId, string name, ApiTokenKind kind, DateTime? expiresAt, CancellationToken ct)
    {
        var secret = ApiToken.NewSecret();
        var now = clock.GetUtcNow().UtcDateTime;
        // Expired session tokens are of no further use; keep the table small.
        await db.ApiTokens.Where(t => t.Kind == ApiTokenKind.Session && t.ExpiresAt < now.AddDays(-1)).ExecuteDeleteAsync(ct);
        db.ApiTokens.Add(new ApiToken
        {
            UserId = userId,
            Name = name,
            Kind = kind,
            TokenHash = ApiToken.Hash(secret),
            CreatedAt = now,
            ExpiresAt = expiresAt,
        });
        await db.SaveChangesAsync(ct);
        return new IssuedToken(secret, expiresAt);
    }
}
