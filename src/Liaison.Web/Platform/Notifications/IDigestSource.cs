namespace Liaison.Web.Platform.Notifications;

/// <summary>Someone the daily digest is composed for.</summary>
internal sealed record DigestRecipient(int UserId, int? PersonId, int? AgencyId, bool IsAgencyUser, string Email, string Name);

/// <summary>One line of a digest's reminders: what is due, and where to deal with it (a path within Liaison).</summary>
internal sealed record DigestReminder(string Text, string? Link);

/// <summary>A module's reminders for one person, under a heading ("Action items overdue").</summary>
internal sealed record DigestSection(string Title, IReadOnlyList<DigestReminder> Reminders);

/// <summary>
/// A module's reminders in each person's one daily email (register with <c>services.AddScoped&lt;IDigestSource, ...&gt;()</c>):
/// action items overdue now, renewals nearing their last safe date and survey follow-ups later. A reminder is someone's
/// duty, so unlike a notification it cannot be switched off: the digest goes to a person who has reminders even when
/// they asked for no notifications by email. The source reads for all recipients at once and answers as the system
/// (the job has no user): it tells each person only of what they may see.
/// </summary>
internal interface IDigestSource
{
    /// <summary>Sections appear in this order (10 relationships, 30 portfolio, 50 renewals …).</summary>
    int Order { get; }

    Task<ILookup<int, DigestSection>> RemindersAsync(IReadOnlyCollection<DigestRecipient> recipients, DateOnly today, CancellationToken ct);

    /// <summary>
    /// The digest with this source's reminders for <paramref name="userId"/> is being queued: a source that records what
    /// it sent adds the records to the context now, and they are saved with the email, in its transaction, or not at all.
    /// </summary>
    Task DeliveredAsync(int userId, CancellationToken ct) => Task.CompletedTask;
}
