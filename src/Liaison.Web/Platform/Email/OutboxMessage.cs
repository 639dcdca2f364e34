namespace Liaison.Web.Platform.Email;

/// <summary>
/// An email waiting to leave, or sent. Written in the same transaction as the change that caused
/// it, so nothing is lost if the app stops before the mail goes out.
/// </summary>
internal sealed class OutboxMessage
{
    public long Id { get; set; }
    public string To { get; set; } = "";
    public string Subject { get; set; } = "";
    public string TextBody { get; set; } = "";
    public string? HtmlBody { get; set; }

    /// <summary>Optional attachment (for instance a calendar invitation).</summary>
    public string? AttachmentName { get; set; }
    public string? AttachmentContentType { get; set; }
    public byte[]? AttachmentContent { get; set; }

    public DateTime CreatedAt { get; set; }
    public int Attempts { get; set; }
    public DateTime NextAttemptAt { get; set; }
    public DateTime? SentAt { get; set; }
    public string? LastError { get; set; }
}
