using System.Security.Cryptography;
using Liaison.Web.Platform.Data;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.EntityFrameworkCore;

namespace Liaison.Web.Platform.Auth;

/// <summary>
/// Keeps browser sessions in the database (<see cref="UserSession"/>); the cookie carries only a random key. Every request
/// reads its session by the key's hash, in the same round trip as the data generation, so signing out (the row deleted)
/// ends the session at once on every app instance, and nothing about a session lives in one process.
/// </summary>
internal sealed class SessionStore(IServiceScopeFactory scopes, TimeProvider clock) : ITicketStore
{
    private static readonly Func<LiaisonDbContext, string, CancellationToken, Task<SessionRead?>> Read =
        EF.CompileAsyncQuery((LiaisonDbContext db, string hash, CancellationToken ct) =>
            (from s in db.UserSessions
             where s.KeyHash == hash
             from g in db.DataGenerations
             where g.Id == DataGenerationRow.SingletonId
             select new SessionRead(s.Ticket, s.ExpiresAt, g.Value)).FirstOrDefault());

    private sealed record SessionRead(byte[] Ticket, DateTime? ExpiresAt, long Generation);

    public Task<string> StoreAsync(AuthenticationTicket ticket) => WithDbAsync(null, db => StoreAsync(db, ticket, CancellationToken.None));

    /// <summary>In a context of its own, so that nothing the request has pending rides along with the new session.</summary>
    public Task<string> StoreAsync(AuthenticationTicket ticket, HttpContext httpContext, CancellationToken cancellationToken) =>
        WithDbAsync(null, db => StoreAsync(db, ticket, cancellationToken));

    public Task RenewAsync(string key, AuthenticationTicket ticket) => WithDbAsync(null, db => RenewAsync(db, key, ticket, CancellationToken.None));

    public Task RenewAsync(string key, AuthenticationTicket ticket, HttpContext httpContext, CancellationToken cancellationToken) =>
        WithDbAsync(httpContext, db => RenewAsync(db, key, ticket, cancellationToken));

    public Task<AuthenticationTicket?> RetrieveAsync(string key) => WithDbAsync(null, db => RetrieveAsync(db, key, CancellationToken.None));

    public Task<AuthenticationTicket?> RetrieveAsync(string key, HttpContext httpContext, CancellationToken cancellationToken) =>
        WithDbAsync(httpContext, db => RetrieveAsync(db, key, cancellationToken));

    public Task RemoveAsync(string key) => WithDbAsync(null, db => RemoveAsync(db, key, CancellationToken.None));

    public Task RemoveAsync(string key, HttpContext httpContext, CancellationToken cancellationToken) =>
        WithDbAsync(httpContext, db => RemoveAsync(db, key, cancellationToken));

    /// <summary>Ends every session of a user (disabled, or what they may see has changed).</summary>
    public static Task<int> RemoveAllAsync(LiaisonDbContext db, int userId, CancellationToken ct) =>
        db.UserSessions.Where(s => s.UserId == userId).ExecuteDeleteAsync(ct);

    private async Task<string> StoreAsync(LiaisonDbContext db, AuthenticationTicket ticket, CancellationToken ct)
    {
        var key = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).Replace('+', '-').Replace('/', '_').TrimEnd('=');
        var now = clock.GetUtcNow().UtcDateTime;
        var userId = int.Parse(ticket.Principal.FindFirst(System.Security.Claims.ClaimTypes.NameIdentifier)!.Value, System.Globalization.CultureInfo.InvariantCulture);
        db.UserSessions.Add(new UserSession
        {
            KeyHash = ApiToken.Hash(key),
            UserId = userId,
            Ticket = TicketSerializer.Default.Serialize(ticket),
            CreatedAt = now,
            RenewedAt = now,
            ExpiresAt = ticket.Properties.ExpiresUtc?.UtcDateTime,
        });
        await db.SaveChangesAsync(ct);
        return key;
    }

    private async Task RenewAsync(LiaisonDbContext db, string key, AuthenticationTicket ticket, CancellationToken ct)
    {
        var bytes = TicketSerializer.Default.Serialize(ticket);
        var expires = ticket.Properties.ExpiresUtc?.UtcDateTime;
        var now = clock.GetUtcNow().UtcDateTime;
        await db.UserSessions.Where(s => s.KeyHash == ApiToken.Hash(key)).ExecuteUpdateAsync(s => s
            .SetProperty(x => x.Ticket, bytes).SetProperty(x => x.ExpiresAt, expires).SetProperty(x => x.RenewedAt, now), ct);
    }

    private async Task<AuthenticationTicket?> RetrieveAsync(LiaisonDbContext db, string key, CancellationToken ct)
    {
        var session = await Read(db, ApiToken.Hash(key), ct);
        if (session is null)
            return null;
        db.KnowDataGeneration(session.Generation);
        if (session.ExpiresAt is { } expires && expires <= clock.GetUtcNow().UtcDateTime)
            return null;
        return TicketSerializer.Default.Deserialize(session.Ticket);
    }

    private static async Task RemoveAsync(LiaisonDbContext db, string key, CancellationToken ct) =>
        await db.UserSessions.Where(s => s.KeyHash == ApiToken.Hash(key)).ExecuteDeleteAsync(ct);

    /// <summary>The request's own DbContext when there is a request (one per request, its generation shared), else a scope of its own.</summary>
    private async Task<T> WithDbAsync<T>(HttpContext? context, Func<LiaisonDbContext, Task<T>> work)
    {
        if (context is not null)
            return await work(context.RequestServices.GetRequiredService<LiaisonDbContext>());
        await using var scope = scopes.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<LiaisonDbContext>());
    }

    private async Task WithDbAsync(HttpContext? context, Func<LiaisonDbContext, Task> work)
    {
        if (context is not null)
        {
            await work(context.RequestServices.GetRequiredService<LiaisonDbContext>());
            return;
        }
        await using var scope = scopes.CreateAsyncScope();
        await work(scope.ServiceProvider.GetRequiredService<LiaisonDbContext>());
    }

    /// <summary>Puts the store on the application cookie.</summary>
    internal sealed class Setup(SessionStore store) : Microsoft.Extensions.Options.IPostConfigureOptions<CookieAuthenticationOptions>
    {
        public void PostConfigure(string? name, CookieAuthenticationOptions options)
        {
            if (name == Microsoft.AspNetCore.Identity.IdentityConstants.ApplicationScheme)
                options.SessionStore = store;
        }
    }
}
