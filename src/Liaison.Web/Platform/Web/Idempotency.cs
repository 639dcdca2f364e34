using System.Security.Cryptography;
using Liaison.Web.Platform.Auth;
using Liaison.Web.Platform.Data;
using Liaison.Web.Platform.Jobs;
using Microsoft.AspNetCore.Authentication;
using Microsoft.EntityFrameworkCore;

namespace Liaison.Web.Platform.Web;

/// <summary>
/// An API POST sent with an <c>Idempotency-Key</c> header is carried out once: a retry with the same key, by the same
/// user, within a day, is answered what the first was answered (with <c>Idempotent-Replayed: true</c>) and writes
/// nothing again, on whichever app instance it lands. The key is claimed in the database before the request runs, so
/// two copies racing each other cannot both run: the second is told the first is under way (409). The same key sent
/// with another request is refused (422). A request that failed on the server (5xx) releases its key for a retry.
/// </summary>
internal sealed class Idempotency(RequestDelegate next, IServiceScopeFactory scopes, TimeProvider clock, ILogger<Idempotency> logger)
{
    public const string Header = "Idempotency-Key";
    public const string ReplayedHeader = "Idempotent-Replayed";

    /// <summary>How long a claimed key may stay unanswered before it is reported as interrupted rather than under way.</summary>
    private static readonly TimeSpan Interrupted = TimeSpan.FromMinutes(2);

    public async Task InvokeAsync(HttpContext context)
    {
        if (!HttpMethods.IsPost(context.Request.Method) || !context.Request.Path.StartsWithSegments("/api")
            || !context.Request.Headers.TryGetValue(Header, out var values))
        {
            await next(context);
            return;
        }
        var key = values.ToString();
        if (key.Length is 0 or > 100 || key.Any(c => c is < '!' or > '~'))
        {
            await Problem(context, StatusCodes.Status400BadRequest, "The Idempotency-Key is not usable",
                "Send 1 to 100 printable ASCII characters without spaces, for instance a UUID, and the same key on every retry of one request.");
            return;
        }
        // The API authenticates by bearer token at its endpoints; the key belongs to the user, so ask now (the answer is kept for the endpoint).
        var user = (await context.AuthenticateAsync(BearerTokenHandler.SchemeName)).Principal;
        if (!int.TryParse(user?.FindFirst(System.Security.Claims.ClaimTypes.NameIdentifier)?.Value, System.Globalization.CultureInfo.InvariantCulture, out var userId))
        {
            await next(context);
            return;
        }

        var hash = await RequestHashAsync(context.Request);
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LiaisonDbContext>();
        var now = clock.GetUtcNow().UtcDateTime;
        var record = await ClaimAsync(db, userId, key, hash, now, context.RequestAborted);
        if (record is not null)
        {
            await AnswerFromRecordAsync(context, record, hash, now);
            return;
        }

        // Ours to carry out: run it with the response captured, then keep the answer.
        var original = context.Response.Body;
        using var buffer = new MemoryStream();
        context.Response.Body = buffer;
        try
        {
            await next(context);
        }
        catch
        {
            context.Response.Body = original;
            await ReleaseAsync(db, userId, key);
            throw;
        }
        context.Response.Body = original;
        buffer.Position = 0;
        await buffer.CopyToAsync(original, context.RequestAborted);
        if (context.Response.StatusCode >= 500)
        {
            await ReleaseAsync(db, userId, key);
            return;
        }
        var body = buffer.ToArray();
        await db.IdempotencyRecords.Where(r => r.UserId == userId && r.Key == key).ExecuteUpdateAsync(s => s
            .SetProperty(r => r.StatusCode, context.Response.StatusCode)
            .SetProperty(r => r.ContentType, context.Response.ContentType)
            .SetProperty(r => r.Location, context.Response.Headers.Location.ToString() is { Length: > 0 } location ? location : null)
            .SetProperty(r => r.Body, body)
            .SetProperty(r => r.CompletedAt, clock.GetUtcNow().UtcDateTime), CancellationToken.None);
    }

    /// <summary>Claims the key for this request (null), or answers the record already there (a retry, or a race lost).</summary>
    private async Task<IdempotencyRecord?> ClaimAsync(LiaisonDbContext db, int userId, string key, string hash, DateTime now, CancellationToken ct)
    {
        var existing = await db.IdempotencyRecords.AsNoTracking().FirstOrDefaultAsync(r => r.UserId == userId && r.Key == key, ct);
        if (existing is not null && existing.CreatedAt >= now - Housekeeping.IdempotencyWindow)
            return existing;
        if (existing is not null)
            await db.IdempotencyRecords.Where(r => r.UserId == userId && r.Key == key).ExecuteDeleteAsync(ct);
        db.IdempotencyRecords.Add(new IdempotencyRecord { UserId = userId, Key = key, RequestHash = hash, CreatedAt = now });
        try
        {
            await db.SaveChangesAsync(ct);
            return null;
        }
        catch (DbUpdateException)
        {
            // Another copy of the request claimed it first, here or on another instance.
            db.ChangeTracker.Clear();
            return await db.IdempotencyRecords.AsNoTracking().FirstAsync(r => r.UserId == userId && r.Key == key, ct);
        }
    }

    private static async Task AnswerFromRecordAsync(HttpContext context, IdempotencyRecord record, string hash, DateTime now)
    {
        if (record.RequestHash != hash)
        {
            await Problem(context, StatusCodes.Status422UnprocessableEntity, "The Idempotency-Key was used for another request",
                "A key stands for one request: its method, address and body. Use a new key for a new request.");
            return;
        }
        if (record.StatusCode is not { } status)
        {
            await Problem(context, StatusCodes.Status409Conflict,
                record.CreatedAt < now - Interrupted ? "The first request with this key was interrupted" : "The first request with this key is still under way",
                record.CreatedAt < now - Interrupted
                    ? "It may or may not have taken effect. Check before sending it again with a new key."
                    : "Wait a moment and retry with the same key to get its answer.");
            return;
        }
        context.Response.StatusCode = status;
        context.Response.Headers[ReplayedHeader] = "true";
        if (record.ContentType is { } contentType)
            context.Response.ContentType = contentType;
        if (record.Location is { } location)
            context.Response.Headers.Location = location;
        if (record.Body is { Length: > 0 } body)
            await context.Response.Body.WriteAsync(body, context.RequestAborted);
    }

    private async Task ReleaseAsync(LiaisonDbContext db, int userId, string key)
    {
        try
        {
            await db.IdempotencyRecords.Where(r => r.UserId == userId && r.Key == key && r.CompletedAt == null).ExecuteDeleteAsync(CancellationToken.None);
        }
        catch (Exception ex) when (ex is DbUpdateException or InvalidOperationException or System.Data.Common.DbException)
        {
            logger.LogWarning(ex, "Could not release the Idempotency-Key of a failed request; it reads as interrupted until it expires.");
        }
    }

    /// <summary>
    /// What makes two requests the same one: method, path and query, and the body: its bytes, or for a form (an import)
    /// its fields and files, since a client that builds the retry anew writes another multipart boundary.
    /// </summary>
    private static async Task<string> RequestHashAsync(HttpRequest request)
    {
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        void Add(string text) => sha.AppendData(System.Text.Encoding.UTF8.GetBytes(text + "\n"));
        Add($"{request.Method} {request.Path}{request.QueryString}");
        var chunk = new byte[81920];
        async Task AddStreamAsync(Stream stream)
        {
            int read;
            while ((read = await stream.ReadAsync(chunk, request.HttpContext.RequestAborted)) > 0)
                sha.AppendData(chunk, 0, read);
        }
        if (request.HasFormContentType)
        {
            var form = await request.ReadFormAsync(request.HttpContext.RequestAborted);
            foreach (var (name, value) in form.OrderBy(f => f.Key, StringComparer.Ordinal))
                Add($"{name}={value}");
            foreach (var file in form.Files.OrderBy(f => f.Name, StringComparer.Ordinal))
            {
                Add($"file {file.Name} {file.FileName} {file.Length}");
                await using var stream = file.OpenReadStream();
                await AddStreamAsync(stream);
            }
        }
        else
        {
            request.EnableBuffering();
            await AddStreamAsync(request.Body);
            request.Body.Position = 0;
        }
        return Convert.ToHexStringLower(sha.GetHashAndReset());
    }

    private static Task Problem(HttpContext context, int status, string title, string detail) =>
        Results.Problem(title: title, detail: detail, statusCode: status).ExecuteAsync(context);
}
