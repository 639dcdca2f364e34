using FluentValidation;
using Liaison.Web.Platform.Data;
using Liaison.Web.Platform.Time;
using Liaison.Web.Platform.Web;
using Microsoft.EntityFrameworkCore;

namespace Liaison.Web.Features.Relationships.Meetings;

internal sealed record MeetingListQuery(
    string? Search = null,
    int? AgencyId = null,
    MeetingKind? Kind = null,
    string? When = null,
    string? Sort = null,
    bool Desc = false,
    int Page = 1,
    int PageSize = Paging.DefaultPageSize) : IListQuery;

internal sealed record MeetingRow(int Id, string Title, MeetingKind Kind, DateTime StartsAt, MeetingStatus Status, IReadOnlyList<string> Agencies, int AttendeeCount);

/// <summary>The meetings list: upcoming, past or all, by agency, kind and title.</summary>
internal sealed class ListMeetings(LiaisonDbContext db, OrganisationClock time, ListCounts counts)
{
    public async Task<PagedResult<MeetingRow>> ListAsync(MeetingListQuery query, CancellationToken ct)
    {
        var now = time.UtcNow;
        var meetings = db.Meetings.AsNoTracking();
        var past = string.Equals(query.When, "past", StringComparison.OrdinalIgnoreCase);
        meetings = (query.When ?? "upcoming").ToLowerInvariant() switch
        {
            "past" => meetings.Where(m => m.StartsAt < now),
            "all" => meetings,
            _ => meetings.Where(m => m.EndsAt >= now),
        };
        if (query.AgencyId is { } agencyId)
            meetings = meetings.Where(m => m.Agencies.Any(a => a.AgencyId == agencyId));
        if (query.Kind is { } kind)
            meetings = meetings.Where(m => m.Kind == kind);
        if (Paging.SearchPattern(query.Search) is { } term)
            meetings = meetings.Where(m => m.Title.ToLower().Contains(term));
        var ordered = past ? meetings.OrderByDescending(m => m.StartsAt).ThenBy(m => m.Id) : meetings.OrderBy(m => m.StartsAt).ThenBy(m => m.Id);
        var page = await ordered.Select(m => new
        {
            m.Id,
            m.Title,
            m.Kind,
            m.StartsAt,
            m.Status,
            Agencies = m.Agencies.Select(a => a.Agency!.Acronym ?? a.Agency.Name).ToList(),
            Attendees = m.Attendees.Count,
        }).ToPageAsync(query, ct, counts);
        return new PagedResult<MeetingRow>(page.Items.Select(m => new MeetingRow(m.Id, m.Title, m.Kind, m.StartsAt, m.Status, m.Agencies, m.Attendees)).ToList(),
            page.Page, page.PageSize, page.TotalCount);
    }
}
