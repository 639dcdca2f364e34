using System.Net.Mail;
using Liaison.Web.Platform.Email;
using Microsoft.Extensions.DependencyInjection;

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

    /// <summary>The decoded text of every body part of a message (base64 or quoted-printable).</summary>
    public static string Decode(string eml)
    {
        var parts = System.Text.RegularExpressions.Regex.Matches(eml,
            "Content-Transfer-Encoding: (base64|quoted-printable)\r\n(?:[^\r\n]+\r\n)*\r\n(.*?)(?=\r\n--|$)",
            System.Text.RegularExpressions.RegexOptions.Singleline);
        return string.Join("\n", parts.Select(p => p.Groups[1].Value == "base64"
            ? System.Text.Encoding.UTF8.GetString(Convert.FromBase64String(p.Groups[2].Value.Replace("\r\n", "", StringComparison.Ordinal)))
            : p.Groups[2].Value.Replace("=\r\n", "", StringComparison.Ordinal).Replace("=3D", "=", StringComparison.Ordinal)));
    }

    public static MailAddress To(string eml) => new(eml.Split("\r\n").First(l => l.StartsWith("To: ", StringComparison.Ordinal))[4..]);
}
