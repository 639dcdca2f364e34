using FluentValidation;
using Liaison.Web.Features.Directory.People;
using Liaison.Web.Platform.Auth;
using Liaison.Web.Platform.Data;
using Liaison.Web.Platform.Time;
using Liaison.Web.Platform.Web;
using Microsoft.EntityFrameworkCore;

namespace Liaison.Web.Features.Relationships.Meetings;

/// <summary>One meeting: read it, plan it, edit it or record it as held (attendance, minutes, decisions).</summary>
internal sealed class ManageMeetings(LiaisonDbContext db, AccessRule access, OrganisationClock time, MeetingMail mail)
{
    public async Task<Result<Meeting>> GetAsync(int id, CancellationToken ct)
    {
        var meeting = await access.FindAsync(db.Meetings.AsNoTracking().AsSplitQuery()
            .Include(m => m.Agencies).ThenInclude(a => a.Agency)
            .Include(m => m.AgendaItems)
            .Include(m => m.Attendees).ThenInclude(a => a.Person).ThenInclude(p => p!.Agency), id, ct);
        return meeting is null ? Result<Meeting>.NotFound() : Result<Meeting>.Ok(meeting);
    }

    /// <summary>Administrators, and relationship managers of at least one of the meeting's agencies (the access rule decides).</summary>
    public Task<bool> CanEditAsync(IEnumerable<int> agencyIds, CancellationToken ct) => access.CanEditSharedRecordAsync(agencyIds, ct);

    public async Task<Result<Meeting>> CreateAsync(MeetingInput input, CancellationToken ct)
    {
        if (await ValidateAsync(input, ct) is { } errors)
            return Result<Meeting>.Invalid(errors);
        if (!await CanEditAsync(input.AgencyIds, ct))
            return Result<Meeting>.Forbidden();
        var meeting = new Meeting();
        Apply(input, meeting);
        db.Meetings.Add(meeting);
        await db.SaveChangesAsync(ct);
        return Result<Meeting>.Ok(meeting);
    }

    public async Task<Result<Meeting>> UpdateAsync(int id, MeetingInput input, CancellationToken ct)
    {
        var meeting = await access.FindAsync(db.Meetings.AsSplitQuery().Include(m => m.Agencies).Include(m => m.AgendaItems).Include(m => m.Attendees), id, ct);
        if (meeting is null)
            return Result<Meeting>.NotFound();
        if (!await CanEditAsync(meeting.Agencies.Select(a => a.AgencyId), ct))
            return Result<Meeting>.Forbidden();
        if (await ValidateAsync(input, ct) is { } errors)
            return Result<Meeting>.Invalid(errors);
        var before = (meeting.StartsAt, meeting.EndsAt, meeting.Location, meeting.Status);
        var invitedBefore = meeting.Attendees.Select(a => a.PersonId).ToHashSet();
        await using var write = await db.BeginWriteAsync(ct);
        var saved = await Edits.SaveAsync(db, meeting, input.Version ?? 0, input, m => MeetingInput.From(m, time), m => Apply(input, m), nameof(Meeting), id, ct);
        if (!saved.IsOk)
            return saved;
        // Once the agenda went out, attendees hear of a new time or place, or of the cancellation; someone added gets the
        // invitation, someone taken off a cancellation for their calendar alone (a meeting still to come): in the same transaction.
        if (meeting.AgendaSentAt is not null && before.Status == MeetingStatus.Planned)
        {
            var current = (await GetAsync(id, ct)).Value!;
            var kind = ChangeMail(before, meeting);
            if (kind is { } changed)
                await mail.EnqueueAsync(current, changed, ct);
            if (current.Status == MeetingStatus.Planned && current.EndsAt > time.UtcNow)
            {
                var removed = invitedBefore.Except(current.Attendees.Select(a => a.PersonId)).ToList();
                if (removed.Count > 0)
                    await mail.EnqueueAsync(current, MeetingMailKind.Uninvited, ct, await db.People.AsNoTracking().Where(p => removed.Contains(p.Id)).ToListAsync(ct));
                var added = current.Attendees.Where(a => !invitedBefore.Contains(a.PersonId)).Select(a => a.Person).OfType<Directory.People.Person>().ToList();
                if (kind is null && added.Count > 0)
                    await mail.EnqueueAsync(current, MeetingMailKind.Agenda, ct, added);
            }
            await db.SaveChangesAsync(ct);
        }
        await write.CommitAsync(ct);
        return saved;
    }

    private static MeetingMailKind? ChangeMail((DateTime StartsAt, DateTime EndsAt, string? Location, MeetingStatus Status) before, Meeting after) =>
        after.Status == MeetingStatus.Cancelled ? MeetingMailKind.Cancellation
        : after.Status == MeetingStatus.Planned && (before.StartsAt != after.StartsAt || before.EndsAt != after.EndsAt || before.Location != after.Location)
            ? MeetingMailKind.Update
            : null;

    private void Apply(MeetingInput input, Meeting m)
    {
        m.Title = input.Title.Trim();
        m.Kind = input.Kind;
        m.StartsAt = time.ToUtc(input.StartsAt!.Value);
        m.EndsAt = time.ToUtc(input.EndsAt!.Value);
        m.Location = Validation.Clean(input.Location);
        m.Status = input.Status;
        m.Minutes = Validation.Clean(input.Minutes);
        m.Decisions = Validation.Clean(input.Decisions);
        var agencies = input.AgencyIds.Distinct().ToHashSet();
        m.Agencies.RemoveAll(a => !agencies.Contains(a.AgencyId));
        foreach (var id in agencies.Where(id => m.Agencies.All(a => a.AgencyId != id)))
            m.Agencies.Add(new MeetingAgency { MeetingId = m.Id, AgencyId = id });
        var attendees = input.AttendeeIds.Union(input.AttendedIds).Distinct().ToHashSet();
        m.Attendees.RemoveAll(a => !attendees.Contains(a.PersonId));
        foreach (var id in attendees.Where(id => m.Attendees.All(a => a.PersonId != id)))
            m.Attendees.Add(new MeetingAttendee { MeetingId = m.Id, PersonId = id });
        foreach (var a in m.Attendees)
            a.Attended = input.AttendedIds.Contains(a.PersonId);
        var lines = input.AgendaLines;
        if (!m.AgendaItems.OrderBy(a => a.Position).Select(a => a.Text).SequenceEqual(lines))
        {
            m.AgendaItems.Clear();
            for (var i = 0; i < lines.Count; i++)
                m.AgendaItems.Add(new MeetingAgendaItem { MeetingId = m.Id, Position = i + 1, Text = lines[i] });
        }
    }

    private async Task<Dictionary<string, string[]>?> ValidateAsync(MeetingInput input, CancellationToken ct)
    {
        var errors = Validation.Check(MeetingInputValidator.Instance, input) ?? [];
        var agencyIds = input.AgencyIds.Distinct().ToList();
        // What the database is asked about only lists within their bounds (a 40,000-item list is refused above, not sent).
        var listsInBounds = !errors.ContainsKey(nameof(MeetingInput.AgencyIds)) && !errors.ContainsKey(nameof(MeetingInput.AttendeeIds))
            && !errors.ContainsKey(nameof(MeetingInput.AttendedIds));
        if (listsInBounds && agencyIds.Count > 0 && await db.Agencies.CountAsync(a => agencyIds.Contains(a.Id), ct) != agencyIds.Count)
            errors[nameof(MeetingInput.AgencyIds)] = ["Choose agencies from the list."];
        var people = input.AttendeeIds.Union(input.AttendedIds).Distinct().ToList();
        if (listsInBounds && people.Count > 0 && await db.People.CountAsync(p => people.Contains(p.Id)
                && (p.Kind == PersonKind.ProviderStaff || (p.AgencyId != null && agencyIds.Contains(p.AgencyId.Value))), ct) != people.Count)
            errors[nameof(MeetingInput.AttendeeIds)] = ["Attendees are contacts of the meeting's agencies or the provider's staff."];
        if (input.Status == MeetingStatus.Held && input.StartsAt is { } starts && time.ToUtc(starts) > time.UtcNow)
            errors[nameof(MeetingInput.Status)] = ["A meeting can be recorded as held once it has started."];
        return errors.Count == 0 ? null : errors;
    }
}
