using System.Globalization;
using System.Security.Claims;
using System.Text.Encodings.Web;
using Liaison.Web.Platform.Data;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;

namespace Liaison.Web.Platform.Auth;

/// <summary>
/// Authenticates API calls by "Authorization: Bearer &lt;token&gt;", for session tokens from
/// POST /api/v1/auth/token and personal access tokens alike. A token's user is kept in memory until the
/// data generation moves on (any save, on any app instance: revoking the token or disabling its user is
/// one) or <see cref="RecheckInterval"/> passes, so a revoked token stops working at the next request everywhere.
/// </summary>
internal sealed class BearerTokenHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    LiaisonDbContext db,
    IMemoryCache cache,
    TimeProvider clock)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "Bearer";
    public static readonly TimeSpan RecheckInterval = TimeSpan.FromSeconds(30);

    private sealed record TokenOwner(int TokenId, DateTime? ExpiresAt, bool Usable, ClaimsPrincipal? Principal, DateTime LoadedAt, long Generation);

    public static string CacheKey(string tokenHash) => "bearer:" + tokenHash;

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        string? header = Request.Headers.Authorization;
        if (header is null || !header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
            return AuthenticateResult.NoResult();

        var hash = ApiToken.Hash(header["Bearer ".Length..].Trim());
        var now = clock.GetUtcNow().UtcDateTime;
        var generation = await db.DataGenerationAsync(Context.RequestAborted);
        // The cache spares a query per request; the recheck interval is measured on the app's clock.
        if (!cache.TryGetValue(CacheKey(hash), out TokenOwner? owner) || owner is null || owner.Generation != generation
            || now - owner.LoadedAt >= RecheckInterval)
        {
            owner = await LoadAsync(hash, now, generation);
            cache.Set(CacheKey(hash), owner, RecheckInterval);
        }
        if (owner is not { Usable: true, Principal: not null } || owner.ExpiresAt <= now)
            return AuthenticateResult.Fail("The token is invalid, expired or revoked, or its user is disabled.");
        return AuthenticateResult.Success(new AuthenticationTicket(owner.Principal, SchemeName));
    }

    private async Task<TokenOwner?> LoadAsync(string hash, DateTime now, long generation)
    {
        var token = await db.ApiTokens.AsNoTracking()
            .Where(t => t.TokenHash == hash)
            .Select(t => new
            {
                t.Id,
                t.ExpiresAt,
                t.RevokedAt,
                t.LastUsedAt,
                t.User!.IsDisabled,
                t.User.Email,
                t.User.DisplayName,
                t.User.AgencyId,
                t.User.PersonId,
                t.UserId,
                Roles = t.User.UserRoles.Join(db.Roles, ur => ur.RoleId, r => r.Id, (ur, r) => r.Name!).ToList(),
            })
            .FirstOrDefaultAsync();
        if (token is null)
            return null;

        // When it was last used, to the minute: not a write per request.
        if (token.LastUsedAt is null || now - token.LastUsedAt >= TimeSpan.FromMinutes(1))
            await db.ApiTokens.Where(t => t.Id == token.Id).ExecuteUpdateAsync(s => s.SetProperty(t => t.LastUsedAt, now));

        var claims = new List<Claim>
        {
            new(ClaimTypes.NameIdentifier, token.UserId.ToString(CultureInfo.InvariantCulture)),
            new(ClaimTypes.Name, token.Email ?? ""),
            new(CurrentUser.DisplayNameClaim, token.DisplayName),
        };
        if (token.AgencyId is { } agencyId)
            claims.Add(new Claim(CurrentUser.AgencyClaim, agencyId.ToString(CultureInfo.InvariantCulture)));
        if (token.PersonId is { } personId)
            claims.Add(new Claim(CurrentUser.PersonClaim, personId.ToString(CultureInfo.InvariantCulture)));
        claims.AddRange(token.Roles.Select(r => new Claim(ClaimTypes.Role, r)));
        var principal = new ClaimsPrincipal(new ClaimsIdentity(claims, SchemeName));
        return new TokenOwner(token.Id, token.ExpiresAt, token.RevokedAt is null && !token.IsDisabled, principal, now, generation);
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.Headers.WWWAuthenticate = "Bearer";
        return WriteProblemAsync(StatusCodes.Status401Unauthorized, "Authentication required",
            "Send a valid token in the Authorization header: Bearer <token>. Get one from POST /api/v1/auth/token.");
    }

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties) =>
        WriteProblemAsync(StatusCodes.Status403Forbidden, "Forbidden", "Your role does not allow this operation.");

    private Task WriteProblemAsync(int status, string title, string detail)
    {
        var problems = Context.RequestServices.GetRequiredService<IProblemDetailsService>();
        Response.StatusCode = status;
        return problems.WriteAsync(new ProblemDetailsContext
        {
            HttpContext = Context,
            ProblemDetails = new ProblemDetails { Status = status, Title = title, Detail = detail },
        }).AsTask();
    }
}
