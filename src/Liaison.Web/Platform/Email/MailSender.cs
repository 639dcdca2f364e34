using System.Text.Json.Serialization;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Liaison.Web.Platform.Email;

/// <summary>How the connection to the SMTP server is secured.</summary>
internal enum SmtpSecurity
{
    /// <summary>TLS when the server offers STARTTLS (port 25/587), TLS from the start on port 465.</summary>
    Auto,

    /// <summary>Plain text: only for a relay on the same host or network.</summary>
    None,

    /// <summary>STARTTLS, required (Exchange Online: smtp.office365.com:587).</summary>
    StartTls,

    /// <summary>TLS from the first byte (port 465).</summary>
    SslOnConnect,
}

/// <summary>How Liaison signs in to the SMTP server.</summary>
internal enum SmtpAuthentication
{
    /// <summary>Email:SmtpUser and Email:SmtpPassword when a user is set; none otherwise.</summary>
    Password,

    /// <summary>
    /// OAuth 2.0 (SASL XOAUTH2) with a token from the client-credentials grant (Email:OAuth2:*): what Exchange Online
    /// requires once basic authentication for SMTP is retired.
    /// </summary>
    OAuth2,
}

/// <summary>Email:OAuth2: the token endpoint and the app registration that may send as Email:SmtpUser.</summary>
internal sealed class SmtpOAuth2Options
{
    /// <summary>For Entra ID: https://login.microsoftonline.com/{tenant}/oauth2/v2.0/token.</summary>
    public string? TokenEndpoint { get; set; }
    public string? ClientId { get; set; }
    public string? ClientSecret { get; set; }

    /// <summary>For Exchange Online: https://outlook.office365.com/.default.</summary>
    public string Scope { get; set; } = "https://outlook.office365.com/.default";
}

/// <summary>
/// Writes a message out: as an .eml file into the pickup folder (development; nothing leaves the machine) or through
/// SMTP with MailKit, which Microsoft recommends over System.Net.Mail's SmtpClient and which speaks XOAUTH2.
/// </summary>
internal sealed class MailSender(IOptions<EmailOptions> options, SmtpTokens tokens, IHostEnvironment env, IConfiguration config, Web.PublicUrls urls)
{
    /// <summary>
    /// The message as sent. Its Message-ID is the queued message's own (<c>liaison.{id}.{queued}@</c> the public host), so a
    /// message sent again after a failed attempt is recognised as the same one; its Date is when it was queued.
    /// </summary>
    internal static MimeMessage Compose(OutboxMessage message, EmailOptions settings, string host)
    {
        var mail = new MimeMessage
        {
            Subject = message.Subject,
            MessageId = $"liaison.{message.Id}.{message.CreatedAt.Ticks:x}@{host}",
            Date = new DateTimeOffset(DateTime.SpecifyKind(message.CreatedAt, DateTimeKind.Utc)),
        };
        mail.From.Add(new MailboxAddress(settings.FromName, settings.From));
        foreach (var address in message.To.Split([',', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            mail.To.Add(MailboxAddress.Parse(address));
        var body = new BodyBuilder { TextBody = message.TextBody, HtmlBody = message.HtmlBody };
        if (message.AttachmentContent is not null)
        {
            body.Attachments.Add(message.AttachmentName ?? "attachment", message.AttachmentContent,
                ContentType.Parse(message.AttachmentContentType ?? "application/octet-stream"));
        }
        mail.Body = body.ToMessageBody();
        return mail;
    }

    /// <summary>Sends a queued message the way Email:Delivery says.</summary>
    public async Task SendAsync(OutboxMessage message, CancellationToken ct)
    {
        var settings = options.Value;
        var mail = Compose(message, settings, urls.Host);
        if (settings.Delivery == EmailDelivery.Pickup)
        {
            var folder = settings.PickupFolder is { Length: > 0 } configured
                ? Path.GetFullPath(configured, env.ContentRootPath)
                : Path.Combine(Data.DataSetup.DataFolder(config, env), "mail");
            Directory.CreateDirectory(folder);
            await mail.WriteToAsync(Path.Combine(folder, $"{Guid.NewGuid():N}.eml"), ct);
            return;
        }

        using var client = new SmtpClient();
        var security = (settings.SmtpSecurity ?? (settings.SmtpSsl ? SmtpSecurity.StartTls : SmtpSecurity.Auto)) switch
        {
            SmtpSecurity.None => SecureSocketOptions.None,
            SmtpSecurity.StartTls => SecureSocketOptions.StartTls,
            SmtpSecurity.SslOnConnect => SecureSocketOptions.SslOnConnect,
            _ => SecureSocketOptions.Auto,
        };
        await client.ConnectAsync(settings.SmtpHost, settings.SmtpPort, security, ct);
        if (settings.SmtpAuthentication == SmtpAuthentication.OAuth2)
            await client.AuthenticateAsync(new SaslMechanismOAuth2(settings.SmtpUser ?? settings.From, await tokens.GetAsync(ct)), ct);
        else if (settings.SmtpUser is { Length: > 0 })
            await client.AuthenticateAsync(settings.SmtpUser, settings.SmtpPassword ?? "", ct);
        await client.SendAsync(mail, ct);
        await client.DisconnectAsync(quit: true, ct);
    }
}

/// <summary>
/// Access tokens for SMTP's XOAUTH2 from the client-credentials grant, kept in memory until a minute before they expire
/// (per instance: each instance asks for its own, which the identity provider allows).
/// </summary>
internal sealed class SmtpTokens(IOptions<EmailOptions> options, IHttpClientFactory http, IMemoryCache cache)
{
    public const string HttpClientName = "smtp-oauth2";

    public async Task<string> GetAsync(CancellationToken ct)
    {
        if (cache.TryGetValue("smtp-oauth2-token", out string? cached) && cached is not null)
            return cached;
        var oauth = options.Value.OAuth2;
        if (string.IsNullOrWhiteSpace(oauth.TokenEndpoint) || string.IsNullOrWhiteSpace(oauth.ClientId) || string.IsNullOrWhiteSpace(oauth.ClientSecret))
            throw new InvalidOperationException("Email:SmtpAuthentication is OAuth2 but Email:OAuth2:TokenEndpoint, ClientId or ClientSecret is not set.");
        using var response = await http.CreateClient(HttpClientName).PostAsync(oauth.TokenEndpoint, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = oauth.ClientId,
            ["client_secret"] = oauth.ClientSecret,
            ["scope"] = oauth.Scope,
        }), ct);
        if (!response.IsSuccessStatusCode)
            throw new InvalidOperationException($"The token endpoint refused Liaison's client credentials ({(int)response.StatusCode}).");
        var token = await response.Content.ReadFromJsonAsync<TokenResponse>(ct)
            ?? throw new InvalidOperationException("The token endpoint answered no token.");
        if (string.IsNullOrEmpty(token.AccessToken))
            throw new InvalidOperationException("The token endpoint answered no token.");
        cache.Set("smtp-oauth2-token", token.AccessToken, TimeSpan.FromSeconds(Math.Max(0, token.ExpiresIn - 60)));
        return token.AccessToken;
    }

    private sealed record TokenResponse(
        [property: JsonPropertyName("access_token")] string? AccessToken,
        [property: JsonPropertyName("expires_in")] int ExpiresIn);
}
