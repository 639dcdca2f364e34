using Liaison.Web.Platform.Data;
using Liaison.Web.Platform.Jobs;
using Liaison.Web.Platform.Web;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Liaison.Web.Platform.Email;

internal enum EmailDelivery
{
    /// <summary>Writes each message as an .eml file into a folder (the default: nothing leaves the machine).</summary>
    Pickup,

    /// <summary>Sends through an SMTP server.</summary>
    Smtp,
}

internal sealed class EmailOptions
{
    public EmailDelivery Delivery { get; set; } = EmailDelivery.Pickup;
    public string? PickupFolder { get; set; }
    public string From { get; set; } = "liaison@localhost";
    public string FromName { get; set; } = "Liaison";
    public string SmtpHost { get; set; } = "localhost";
    public int SmtpPort { get; set; } = 25;
    /// <summary>Kept for configurations written before Email:SmtpSecurity: true means STARTTLS, required.</summary>
    public bool SmtpSsl { get; set; }
    public SmtpSecurity? SmtpSecurity { get; set; }
    public SmtpAuthentication SmtpAuthentication { get; set; } = SmtpAuthentication.Password;
    public string? SmtpUser { get; set; }
    public string? SmtpPassword { get; set; }
    public SmtpOAuth2Options OAuth2 { get; set; } = new();
    public int PollSeconds { get; set; } = 5;
    public int MaxAttempts { get; set; } = 10;
}

/// <summary>Queues email in the same transaction as the change that causes it.</summary>
internal sealed class Outbox(LiaisonDbContext db, TimeProvider clock)
{
    public OutboxMessage Enqueue(string to, string subject, string textBody, string? htmlBody = null,
        (string Name, string ContentType, byte[] Content)? attachment = null)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var message = new OutboxMessage
        {
            To = to,
            // A subject is one line whatever the record it names holds (a title stored before line breaks were refused).
            Subject = string.Join(' ', (InputRules.Printable(subject) ?? "").Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)),
            TextBody = InputRules.Printable(textBody) ?? "",
            HtmlBody = InputRules.Printable(htmlBody),
            AttachmentName = attachment?.Name,
            AttachmentContentType = attachment?.ContentType,
            AttachmentContent = attachment?.Content,
            CreatedAt = now,
            NextAttemptAt = now,
        };
        db.OutboxMessages.Add(message);
        return message;
    }
}

/// <summary>
/// Sends queued mail; the scheduler runs it every Email:PollSeconds (see <see cref="OutboxJob"/>). A message is leased
/// before it is sent, so two instances never send it twice; a failure is retried with growing delays until
/// <see cref="EmailOptions.MaxAttempts"/>.
/// </summary>
internal sealed class OutboxDispatcher(IServiceScopeFactory scopes, IOptions<EmailOptions> options, MailSender sender,
    TimeProvider clock, ILogger<OutboxDispatcher> logger)
{
    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(2);

    /// <summary>How the last error of a message the server refused the recipient of begins; it is not tried again.</summary>
    public const string RecipientRefused = "Recipient refused: ";

    /// <summary>Sends every message that is due. Public so the job, tests and commands can flush the outbox.</summary>
    public async Task<int> DispatchDueAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LiaisonDbContext>();
        var settings = options.Value;
        var sent = 0;
        while (true)
        {
            var now = clock.GetUtcNow().UtcDateTime;
            var due = await db.OutboxMessages.AsNoTracking()
                .Where(m => m.SentAt == null && m.NextAttemptAt <= now && m.Attempts < settings.MaxAttempts)
                .OrderBy(m => m.Id).Take(20).ToListAsync(ct);
            if (due.Count == 0)
                return sent;
            foreach (var message in due)
            {
                var leased = await db.OutboxMessages
                    .Where(m => m.Id == message.Id && m.SentAt == null && m.NextAttemptAt == message.NextAttemptAt)
                    .ExecuteUpdateAsync(s => s.SetProperty(m => m.NextAttemptAt, now + Lease), ct);
                if (leased == 0)
                    continue;
                try
                {
                    await sender.SendAsync(message, ct);
                    await db.OutboxMessages.Where(m => m.Id == message.Id).ExecuteUpdateAsync(s => s
                        .SetProperty(m => m.SentAt, clock.GetUtcNow().UtcDateTime)
                        .SetProperty(m => m.Attempts, message.Attempts + 1)
                        .SetProperty(m => m.LastError, (string?)null), ct);
                    sent++;
                }
                catch (Exception ex) when (!ct.IsCancellationRequested)
                {
                    // Whatever the failure (an unreachable server, an address the mail library refuses), it is recorded
                    // against the message and counted, so a message that can never leave stops being tried once its
                    // budget is spent and says why on the administrators' mail page.
                    var attempts = message.Attempts + 1;
                    var delay = TimeSpan.FromMinutes(Math.Min(60, Math.Pow(2, attempts - 1)));
                    var reason = InputRules.Printable($"{ex.GetType().Name}: {ex.Message}")!;
                    // The server refused the address itself: trying again will not help, and whoever sent it can be told
                    // (a survey's invitation is marked bounced) by the reason's prefix.
                    if (ex is MailKit.Net.Smtp.SmtpCommandException { ErrorCode: MailKit.Net.Smtp.SmtpErrorCode.RecipientNotAccepted })
                    {
                        attempts = Math.Max(attempts, settings.MaxAttempts);
                        reason = RecipientRefused + reason;
                    }
                    if (attempts >= settings.MaxAttempts)
                        logger.LogError(ex, "Gave up sending outbox message {Id} to {To} after {Attempts} attempts.", message.Id, message.To, attempts);
                    else
                        logger.LogWarning(ex, "Sending outbox message {Id} failed (attempt {Attempts} of {MaxAttempts}).", message.Id, attempts, settings.MaxAttempts);
                    await db.OutboxMessages.Where(m => m.Id == message.Id).ExecuteUpdateAsync(s => s
                        .SetProperty(m => m.Attempts, attempts)
                        .SetProperty(m => m.NextAttemptAt, now + delay)
                        .SetProperty(m => m.LastError, reason.Length > 2000 ? reason[..2000] : reason), CancellationToken.None);
                }
            }
        }
    }
}

/// <summary>The outbox's turn on the scheduler.</summary>
[Quartz.DisallowConcurrentExecution]
internal sealed class OutboxJob(OutboxDispatcher dispatcher) : Quartz.IJob
{
    public async ValueTask Execute(Quartz.IJobExecutionContext context, CancellationToken cancellationToken = default) =>
        await dispatcher.DispatchDueAsync(cancellationToken);
}

internal static class EmailSetup
{
    public static WebApplicationBuilder AddPlatformEmail(this WebApplicationBuilder builder)
    {
        builder.Services.Configure<EmailOptions>(builder.Configuration.GetSection("Email"));
        builder.Services.AddScoped<Outbox>();
        builder.Services.AddScoped<ReviewOutbox>();
        builder.Services.AddSingleton<OutboxDispatcher>();
        builder.Services.AddSingleton<MailSender>();
        builder.Services.AddSingleton<SmtpTokens>();
        builder.Services.AddHttpClient(SmtpTokens.HttpClientName);
        if (builder.Configuration.GetValue("Email:DispatcherEnabled", true))
            builder.Services.AddRecurringJob<OutboxJob>("outbox", TimeSpan.FromSeconds(builder.Configuration.GetValue("Email:PollSeconds", 5)));
        return builder;
    }
}
