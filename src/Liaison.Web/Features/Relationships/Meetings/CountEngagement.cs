using Liaison.Web.Features.Administration.Settings;
using Liaison.Web.Features.Directory.People;
using Liaison.Web.Features.Relationships.Interactions;
using Liaison.Web.Platform.Data;
using Liaison.Web.Platform.Time;
using Microsoft.EntityFrameworkCore;

namespace Liaison.Web.Features.Relationships.Meetings;

/// <summary>One fiscal quarter against the strategic plan's engagement targets.</summary>
internal sealed record EngagementQuarter(string Label, DateOnly From, DateOnly To, int SteeringCommittees, int HelpDeskLiveSessions,
    int HelpDeskLiveParticipants, int HelpDeskLiveAgencies)
{
    public const int SteeringTarget = 1;
    public const int HelpDeskTarget = 1;
    public const int ParticipantTarget = 50;
    public const int AgencyTarget = 10;

    public bool MeetsSteering => SteeringCommittees >= SteeringTarget;
    public bool MeetsHelpDesk => HelpDeskLiveSessions >= HelpDeskTarget;
    public bool MeetsReach => HelpDeskLiveParticipants >= ParticipantTarget && HelpDeskLiveAgencies >= AgencyTarget;
}

/// <summary>
/// The strategic plan's engagement counts per fiscal quarter: steering committee meetings held (target
/// at least one), help desk live sessions (at least one), and their unique participants and agencies
/// (50 from 10). Held meetings count, and interactions of those kinds recorded without a meeting.
/// </summary>
internal sealed class CountEngagement(LiaisonDbContext db, SiteSettings settings, OrganisationClock time)
{
    public async Task<IReadOnlyList<EngagementQuarter>> LastQuartersAsync(int count, CancellationToken ct)
    {
        var startMonth = (await settings.GetAsync(ct)).FiscalYearStartMonth;
        var today = time.Today;
        var quarterIndex = ((today.Month - startMonth + 12) % 12) / 3;
        var quarterStart = new DateOnly(today.Year, startMonth, 1).AddMonths(quarterIndex * 3);
        if (quarterStart > today)
            quarterStart = quarterStart.AddYears(-1);
        var quarters = Enumerable.Range(0, count).Select(i => quarterStart.AddMonths(-3 * i)).Reverse().ToList();
        var from = quarters[0];
        var fromUtc = time.ToUtc(from.ToDateTime(TimeOnly.MinValue));

        var meetings = await db.Meetings.AsNoTracking()
            .Where(m => m.Status == MeetingStatus.Held && m.StartsAt >= fromUtc && (m.Kind == MeetingKind.SteeringCommittee || m.Kind == MeetingKind.HelpDeskLive))
            .Select(m => new
            {
                m.Kind,
                m.StartsAt,
                People = m.Attendees.Where(a => a.Attended && a.Person!.Kind == PersonKind.AgencyContact).Select(a => new { a.PersonId, a.Person!.AgencyId }).ToList(),
            }).ToListAsync(ct);
        var interactions = await db.Interactions.AsNoTracking()
            .Where(i => i.MeetingId == null && i.OccurredOn >= from && (i.Kind == InteractionKind.SteeringCommittee || i.Kind == InteractionKind.HelpDeskLive))
            .Select(i => new
            {
                i.Kind,
                i.OccurredOn,
                i.AgencyId,
                People = i.Attendees.Where(a => a.Person!.Kind == PersonKind.AgencyContact).Select(a => new { a.PersonId, a.Person!.AgencyId }).ToList(),
            }).ToListAsync(ct);

        return quarters.Select(start =>
        {
            var end = start.AddMonths(3).AddDays(-1);
            bool In(DateOnly d) => d >= start && d <= end;
            var heldMeetings = meetings.Where(m => In(time.DateOf(m.StartsAt))).ToList();
            var loggedInteractions = interactions.Where(i => In(i.OccurredOn)).ToList();
            var steering = heldMeetings.Count(m => m.Kind == MeetingKind.SteeringCommittee) + loggedInteractions.Count(i => i.Kind == InteractionKind.SteeringCommittee);
            var helpDeskPeople = heldMeetings.Where(m => m.Kind == MeetingKind.HelpDeskLive).SelectMany(m => m.People.Select(p => (p.PersonId, p.AgencyId)))
                .Concat(loggedInteractions.Where(i => i.Kind == InteractionKind.HelpDeskLive).SelectMany(i => i.People.Select(p => (p.PersonId, p.AgencyId))))
                .ToList();
            var helpDesk = heldMeetings.Count(m => m.Kind == MeetingKind.HelpDeskLive) + loggedInteractions.Count(i => i.Kind == InteractionKind.HelpDeskLive);
            var fiscalYear = new OrganisationSettings { FiscalYearStartMonth = startMonth }.FiscalYearOf(start);
            var quarterNumber = (((start.Month - startMonth + 12) % 12) / 3) + 1;
            return new EngagementQuarter($"FY{fiscalYear % 100:D2} Q{quarterNumber}", start, end, steering, helpDesk,
                helpDeskPeople.Select(p => p.PersonId).Distinct().Count(), helpDeskPeople.Select(p => p.AgencyId).Where(a => a is not null).Distinct().Count());
        }).ToList();
    }
}
