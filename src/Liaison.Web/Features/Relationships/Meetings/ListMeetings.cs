using FluentValidation;
using Liaison.Web.Platform.Data;
using Liaison.Web.Platform.ImportExport;
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
        var page = await Filtered(query).Select(m => new
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

    /// <summary>The list as filtered, every page of it, with times in the organisation's zone (the column says which).</summary>
    public async Task<ExportFile> ExportAsync(MeetingListQuery query, ExportFormat format, CancellationToken ct)
    {
        var rows = await Filtered(query).Select(m => new
        {
            m.Id,
            m.Title,
            m.Kind,
            m.StartsAt,
            m.EndsAt,
            m.Location,
            m.Status,
            m.AgendaSentAt,
            Agencies = m.Agencies.Select(a => a.Agency!.Name).ToList(),
            Attendees = m.Attendees.Select(a => a.Person!.FirstName + " " + a.Person.LastName).ToList(),
        }).ToListAsync(ct);
        var zone = time.IanaZoneId;
        List<ExportColumn<MeetingExportRow>> columns =
        [
            new("Id", r => r.Id), new($"Starts ({zone})", r => r.Starts), new($"Ends ({zone})", r => r.Ends), new("Title", r => r.Title),
            new("Kind", r => r.Kind), new("Status", r => r.Status), new("Agencies", r => r.Agencies), new("Location", r => r.Location),
            new("Attendees", r => r.Attendees), new("Agenda sent", r => r.AgendaSent),
        ];
        var export = rows.Select(m => new MeetingExportRow(m.Id, time.ToLocal(m.StartsAt), time.ToLocal(m.EndsAt), m.Title, MeetingKinds.Label(m.Kind),
            m.Status.ToString(), string.Join("; ", m.Agencies), m.Location, string.Join("; ", m.Attendees),
            m.AgendaSentAt is { } sent ? time.ToLocal(sent) : null));
        return TableExport.ToFile(export, columns, format, "meetings", time.ToLocal(time.UtcNow));
    }

    private IQueryable<Meeting> Filtered(MeetingListQuery query)
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
        return past ? meetings.OrderByDescending(m => m.StartsAt).ThenBy(m => m.Id) : meetings.OrderBy(m => m.StartsAt).ThenBy(m => m.Id);
    }

    private sealed record MeetingExportRow(int Id, DateTime Starts, DateTime Ends, string Title, string Kind, string Status, string Agencies, string? Location,
        string Attendees, DateTime? AgendaSent);
}
