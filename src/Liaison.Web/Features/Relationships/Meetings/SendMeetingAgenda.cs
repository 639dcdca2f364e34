using FluentValidation;
using Liaison.Web.Platform.Data;
using Liaison.Web.Platform.Time;
using Liaison.Web.Platform.Web;
using Microsoft.EntityFrameworkCore;

namespace Liaison.Web.Features.Relationships.Meetings;

/// <summary>The agenda mail: to the attendees, with the meeting as a calendar file, on demand or ahead of the meeting.</summary>
internal sealed class SendMeetingAgenda(LiaisonDbContext db, ManageMeetings meetings, MeetingMail mail, OrganisationClock time)
{
    /// <summary>
    /// Emails the agenda, with the meeting as a calendar file, to every attendee who has an email address: when a manager
    /// asks (again, if they like), or <paramref name="automatic"/>ally ahead of the meeting, which sends it once however
    /// many instances try.
    /// </summary>
    public async Task<Result<int>> SendAsync(int id, CancellationToken ct, bool automatic = false)
    {
        var result = await meetings.GetAsync(id, ct);
        if (!result.IsOk)
            return result.Cast<int>();
        var meeting = result.Value!;
        if (!automatic && !await meetings.CanEditAsync(meeting.Agencies.Select(a => a.AgencyId), ct))
            return Result<int>.Forbidden();
        if (!meeting.MailRecipients().Any())
            return Result<int>.Invalid("", "No attendee has an email address to send the agenda to.");
        await using var write = await db.BeginWriteAsync(ct);
        // Claimed in the same transaction as the mail is queued: a second sender (another instance) finds it claimed.
        var claimed = await db.Meetings.Where(m => m.Id == id && (!automatic || m.AgendaSentAt == null))
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.AgendaSentAt, time.UtcNow), ct);
        if (claimed == 0)
            return Result<int>.Ok(0);
        var sent = await mail.EnqueueAsync(meeting, MeetingMailKind.Agenda, ct);
        await db.SaveChangesAsync(ct);
        await write.CommitAsync(ct);
        return Result<int>.Ok(sent);
    }

    /// <summary>Planned meetings starting within the lead time whose agenda has not gone out: the agenda mailer's work.</summary>
    public Task<List<int>> DueAsync(TimeSpan lead, CancellationToken ct)
    {
        var now = time.UtcNow;
        var until = now + lead;
        return db.Meetings.AsNoTracking().IgnoreQueryFilters()
            .Where(m => m.Status == MeetingStatus.Planned && m.AgendaSentAt == null && m.StartsAt > now && m.StartsAt <= until && m.AgendaItems.Any())
            .Select(m => m.Id).ToListAsync(ct);
    }
}
