using System.Net;
using System.Net.Sockets;
using System.Text;
using Liaison.Tests.Infrastructure;
using Liaison.Web.Platform.Email;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http;

namespace Liaison.Tests.Features.Platform;

/// <summary>
/// Liaison sending through SMTP with MailKit and OAuth 2.0 (XOAUTH2), as Exchange Online requires once basic
/// authentication is retired: a token from the client-credentials grant, then the message, read back by MimeKit.
/// </summary>
public sealed class SmtpDeliveryTests(SmtpDeliveryTests.SmtpApp app) : IClassFixture<SmtpDeliveryTests.SmtpApp>
{
    public sealed class SmtpApp : LiaisonApp
    {
        public FakeSmtpServer Smtp { get; } = new();
        public List<Dictionary<string, string>> TokenRequests { get; } = [];
        public HttpStatusCode TokenStatus { get; set; } = HttpStatusCode.OK;

        protected override IEnumerable<(string Key, string Value)> Settings =>
        [
            ("Email:Delivery", "Smtp"), ("Email:SmtpHost", "127.0.0.1"), ("Email:SmtpPort", Smtp.Port.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            ("Email:SmtpSecurity", "None"), ("Email:SmtpAuthentication", "OAuth2"), ("Email:SmtpUser", "liaison@provider.gov"),
            ("Email:From", "liaison@provider.gov"), ("Email:OAuth2:TokenEndpoint", "https://login.test/tenant/oauth2/v2.0/token"),
            ("Email:OAuth2:ClientId", "liaison-app"), ("Email:OAuth2:ClientSecret", "s3cret"),
        ];

        protected override void ConfigureServices(IServiceCollection services) =>
            services.Configure<HttpClientFactoryOptions>(SmtpTokens.HttpClientName, o => o.HttpMessageHandlerBuilderActions.Add(b => b.PrimaryHandler = new TokenEndpoint(this)));

        private sealed class TokenEndpoint(SmtpApp app) : HttpMessageHandler
        {
            protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
            {
                var form = (await request.Content!.ReadAsStringAsync(cancellationToken)).Split('&')
                    .Select(p => p.Split('=')).ToDictionary(p => WebUtility.UrlDecode(p[0]), p => WebUtility.UrlDecode(p[1]));
                form["url"] = request.RequestUri!.ToString();
                lock (app.TokenRequests)
                    app.TokenRequests.Add(form);
                return new HttpResponseMessage(app.TokenStatus)
                {
                    Content = new StringContent("""{"token_type":"Bearer","expires_in":3599,"access_token":"token-from-entra"}""", Encoding.UTF8, "application/json"),
                };
            }
        }
    }

    private async Task<OutboxMessage> QueueAsync(string subject)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var message = scope.ServiceProvider.GetRequiredService<Outbox>().Enqueue("rita@revenue.gov", subject, "Agenda:\n1. Budget", "<p>Agenda</p>",
            ("invite.ics", "text/calendar", Encoding.UTF8.GetBytes("BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n")));
        await scope.ServiceProvider.GetRequiredService<Liaison.Web.Platform.Data.LiaisonDbContext>().SaveChangesAsync();
        return message;
    }

    [Fact]
    public async Task Mail_goes_out_through_smtp_signed_in_with_an_oauth2_token()
    {
        await QueueAsync("Agenda: Budget review");
        await app.Services.GetRequiredService<OutboxDispatcher>().DispatchDueAsync(CancellationToken.None);

        var token = Assert.Single(app.TokenRequests);
        Assert.Equal("client_credentials", token["grant_type"]);
        Assert.Equal("liaison-app", token["client_id"]);
        Assert.Equal("https://outlook.office365.com/.default", token["scope"]);
        Assert.Equal("https://login.test/tenant/oauth2/v2.0/token", token["url"]);

        var session = Assert.Single(app.Smtp.Sessions);
        Assert.Equal("user=liaison@provider.gov\u0001auth=Bearer token-from-entra\u0001\u0001", session.XOAuth2);
        Assert.Equal(["rita@revenue.gov"], session.Recipients);
        var mail = Mail.Parse(session.Data!);
        Assert.Equal("Agenda: Budget review", mail.Subject);
        Assert.Equal("liaison@provider.gov", mail.From.Mailboxes.Single().Address);
        Assert.Contains("1. Budget", mail.TextBody, StringComparison.Ordinal);
        Assert.Equal("invite.ics", mail.Attachments.Single().ContentDisposition?.FileName);

        // A second message reuses the token until it expires.
        await QueueAsync("Agenda: Second meeting");
        await app.Services.GetRequiredService<OutboxDispatcher>().DispatchDueAsync(CancellationToken.None);
        Assert.Single(app.TokenRequests);
        Assert.Equal(2, app.Smtp.Sessions.Count);
    }
}

/// <summary>
/// Just enough of an SMTP server (RFC 5321, with AUTH XOAUTH2) to receive what Liaison sends and keep it for the test.
/// </summary>
public sealed class FakeSmtpServer : IDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);

    public sealed class Session
    {
        public string? XOAuth2 { get; set; }
        public List<string> Recipients { get; } = [];
        public string? Data { get; set; }
    }

    public List<Session> Sessions { get; } = [];

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    public FakeSmtpServer()
    {
        _listener.Start();
        _ = AcceptAsync();
    }

    private async Task AcceptAsync()
    {
        while (true)
        {
            TcpClient client;
            try
            {
                client = await _listener.AcceptTcpClientAsync();
            }
            catch (ObjectDisposedException)
            {
                return;
            }
            catch (SocketException)
            {
                return;
            }
            _ = ServeAsync(client);
        }
    }

    private async Task ServeAsync(TcpClient client)
    {
        using var _ = client;
        var stream = client.GetStream();
        using var reader = new StreamReader(stream, Encoding.ASCII);
        await using var writer = new StreamWriter(stream, Encoding.ASCII) { NewLine = "\r\n", AutoFlush = true };
        var session = new Session();
        await writer.WriteLineAsync("220 fake.smtp ESMTP");
        while (await reader.ReadLineAsync() is { } line)
        {
            var verb = line.Split(' ')[0].ToUpperInvariant();
            switch (verb)
            {
                case "EHLO":
                    await writer.WriteAsync("250-fake.smtp\r\n250-AUTH XOAUTH2 PLAIN\r\n250 8BITMIME\r\n");
                    break;
                case "AUTH":
                    var parts = line.Split(' ');
                    var initial = parts.Length > 2 ? parts[2] : null;
                    if (initial is null)
                    {
                        await writer.WriteLineAsync("334 ");
                        initial = await reader.ReadLineAsync();
                    }
                    session.XOAuth2 = Encoding.UTF8.GetString(Convert.FromBase64String(initial!));
                    await writer.WriteLineAsync("235 2.7.0 Authentication successful");
                    break;
                case "MAIL":
                    await writer.WriteLineAsync("250 2.1.0 OK");
                    break;
                case "RCPT":
                    session.Recipients.Add(line[(line.IndexOf('<') + 1)..line.IndexOf('>')]);
                    await writer.WriteLineAsync("250 2.1.5 OK");
                    break;
                case "DATA":
                    await writer.WriteLineAsync("354 Go ahead");
                    var data = new StringBuilder();
                    while (await reader.ReadLineAsync() is { } body && body != ".")
                        data.Append(body.StartsWith("..", StringComparison.Ordinal) ? body[1..] : body).Append("\r\n");
                    session.Data = data.ToString();
                    lock (Sessions)
                        Sessions.Add(session);
                    await writer.WriteLineAsync("250 2.0.0 Queued");
                    break;
                case "QUIT":
                    await writer.WriteLineAsync("221 2.0.0 Bye");
                    return;
                default:
                    await writer.WriteLineAsync("250 OK");
                    break;
            }
        }
    }

    public void Dispose() => _listener.Stop();
}
