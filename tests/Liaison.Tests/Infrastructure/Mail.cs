using Liaison.Web.Platform.Email;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;

namespace Liaison.Tests.Infrastructure;

public static class Mail
{
    /// <summary>Sends what the outbox holds (the tests run without the background dispatcher) and returns the .eml files written.</summary>
    public static async Task<List<string>> DeliverAsync(this LiaisonApp app)
    {
        await app.Services.GetRequiredService<OutboxDispatcher>().DispatchDueAsync(CancellationToken.None);
        return Directory.Exists(app.MailFolder)
            ? Directory.GetFiles(app.MailFolder, "*.eml").Select(File.ReadAllText).ToList()
            : [];
    }

    /// <summary>The message as a MIME parser (MimeKit's) reads it.</summary>
    public static MimeMessage Parse(string eml)
    {
        using var stream = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(eml));
        return MimeMessage.Load(stream);
    }

    /// <summary>The decoded text of every text part of a message (plain and HTML), as a mail client shows it.</summary>
    public static string Decode(string eml) =>
        string.Join("\n", Parse(eml).BodyParts.OfType<TextPart>().Where(p => !p.IsAttachment).Select(p => p.Text));

    public static MailboxAddress To(string eml) => Parse(eml).To.Mailboxes.Single();
}
