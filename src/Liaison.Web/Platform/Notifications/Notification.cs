using Liaison.Web.Platform.Auditing;
using Liaison.Web.Platform.Auth;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Liaison.Web.Platform.Notifications;

/// <summary>
/// Something a user should know about (an action item assigned to them, a meeting they are invited to or that changed,
/// an initiative handed to them): the bell in the header lists it until it is read, and the daily digest carries it once.
/// Personal bookkeeping, not someone's edit of a record: not audited, and it changes no derived figure.
/// </summary>
[NotAudited]
internal sealed class Notification
{
    public long Id { get; set; }

    /// <summary>Whom it is for.</summary>
    public int UserId { get; set; }

    /// <summary>What happened, as a stable name ("action-assigned", "meeting-invited"): lets a list group or filter.</summary>
    public string Kind { get; set; } = "";

    /// <summary>One line that says what happened, written for the person it is for.</summary>
    public string Title { get; set; } = "";

    /// <summary>The record it is about, as a path within Liaison ("/ActionItems/Details/12").</summary>
    public string? Link { get; set; }

    /// <summary>Who did it ("Jordan Ellis"), or null for Liaison itself.</summary>
    public string? ActorName { get; set; }

    public DateTime CreatedAt { get; set; }
    public DateTime? ReadAt { get; set; }

    /// <summary>When a daily digest carried it (each notification goes out in at most one).</summary>
    public DateTime? DigestedAt { get; set; }
}

/// <summary>
/// A user's choice of whether the notifications also arrive as a daily email (the bell shows them either way), and the
/// day the last digest went to them: one row per user, written once a day by one instance at a time.
/// </summary>
[NotAudited]
internal sealed class NotificationPreference
{
    public int UserId { get; set; }

    /// <summary>Notifications in the daily digest. Reminders that are someone's duty (a renewal, a survey follow-up) go regardless.</summary>
    public bool DailyDigest { get; set; } = true;

    /// <summary>The organisation's day the last digest was composed for this user (sent or, with nothing to say, not).</summary>
    public DateOnly? LastDigestOn { get; set; }
}

internal sealed class NotificationConfiguration : IEntityTypeConfiguration<Notification>
{
    public void Configure(EntityTypeBuilder<Notification> builder)
    {
        builder.ToTable("Notifications");
        builder.Property(n => n.Kind).HasMaxLength(40).IsRequired();
        builder.Property(n => n.Title).HasMaxLength(300).IsRequired();
        builder.Property(n => n.Link).HasMaxLength(300);
        builder.Property(n => n.ActorName).HasMaxLength(200);
        builder.HasOne<User>().WithMany().HasForeignKey(n => n.UserId).OnDelete(DeleteBehavior.Cascade);
        // The bell's count (unread of one user) and the list (one user's, newest first) read these.
        builder.HasIndex(n => new { n.UserId, n.ReadAt });
        builder.HasIndex(n => new { n.UserId, n.CreatedAt });
    }
}

internal sealed class NotificationPreferenceConfiguration : IEntityTypeConfiguration<NotificationPreference>
{
    public void Configure(EntityTypeBuilder<NotificationPreference> builder)
    {
        builder.ToTable("NotificationPreferences");
        builder.HasKey(p => p.UserId);
        builder.Property(p => p.UserId).ValueGeneratedNever();
        builder.HasOne<User>().WithMany().HasForeignKey(p => p.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
