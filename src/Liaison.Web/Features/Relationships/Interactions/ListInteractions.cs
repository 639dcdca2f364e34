using FluentValidation;
using Liaison.Web.Platform.Data;
using Liaison.Web.Platform.ImportExport;
using Liaison.Web.Platform.Web;
using Microsoft.EntityFrameworkCore;

namespace Liaison.Web.Features.Relationships.Interactions;

internal sealed record InteractionListQuery(
    string? Search = null,
    int? AgencyId = null,
    InteractionKind? Kind = null,
    int? PersonId = null,
    DateOnly? From = null,
    DateOnly? To = null,
    string? Sort = null,
    bool Desc = true,
    int Page = 1,
    int PageSize = Paging.DefaultPageSize) : IListQuery;

internal sealed record InteractionRow(int Id, DateOnly OccurredOn, InteractionKind Kind, string Subject, int AgencyId, string AgencyName, int AttendeeCount, string? Summary);

/// <summary>The interaction log, as filtered, a page at a time or whole for export.</summary>
internal sealed class ListInteractions(LiaisonDbContext db, ListCounts counts)
{
    private static readonly IReadOnlyDictionary<string, SortOrder<Interaction>> Sorts = new Dictionary<string, SortOrder<Interaction>>
    {
        ["date"] = SortOrder<Interaction>.By(i => i.OccurredOn),
        ["agency"] = SortOrder<Interaction>.By(i => i.Agency!.Name).ThenBy(i => i.OccurredOn),
        ["kind"] = SortOrder<Interaction>.By(i => i.Kind).ThenBy(i => i.OccurredOn),
    };

    public Task<PagedResult<InteractionRow>> HandleAsync(InteractionListQuery query, CancellationToken ct) =>
        Rows(Filtered(query)).ToPageAsync(query, ct, counts);

    private IQueryable<Interaction> Filtered(InteractionListQuery query)
    {
        var items = db.Interactions.AsNoTracking();
        if (query.AgencyId is { } agencyId)
            items = items.Where(i => i.AgencyId == agencyId);
        if (query.Kind is { } kind)
            items = items.Where(i => i.Kind == kind);
        if (query.PersonId is { } personId)
            items = items.Where(i => i.Attendees.Any(a => a.PersonId == personId));
        if (query.From is { } from)
            items = items.Where(i => i.OccurredOn >= from);
        if (query.To is { } to)
            items = items.Where(i => i.OccurredOn <= to);
        if (Paging.SearchPattern(query.Search) is { } term)
            items = items.Where(i => i.SearchText.Contains(term));
        return items.Sorted(query, Sorts, "date", i => i.Id);
    }

    private static IQueryable<InteractionRow> Rows(IQueryable<Interaction> items) =>
        items.Select(i => new InteractionRow(i.Id, i.OccurredOn, i.Kind, i.Subject, i.AgencyId, i.Agency!.Name, i.Attendees.Count, i.Summary));

    public async Task<ExportFile> ExportAsync(InteractionListQuery query, ExportFormat format, bool includeInternal, DateTime now, CancellationToken ct)
    {
        var rows = await Filtered(query).Select(i => new
        {
            i.Id,
            i.OccurredOn,
            i.Kind,
            i.Subject,
            Agency = i.Agency!.Name,
            i.Summary,
            i.FollowUp,
            i.InternalNotes,
            Attendees = i.Attendees.Select(a => a.Person!.Email ?? (a.Person.FirstName + " " + a.Person.LastName)).ToList(),
        }).ToListAsync(ct);
        var export = rows.Select(r => new InteractionExportRow(r.Id, r.OccurredOn, InteractionKinds.Label(r.Kind), r.Agency, r.Subject,
            string.Join("; ", r.Attendees), r.Summary, r.FollowUp, includeInternal ? r.InternalNotes : null)).ToList();
        List<ExportColumn<InteractionExportRow>> columns =
        [
            new("Id", r => r.Id), new("Date", r => r.Date), new("Kind", r => r.Kind), new("Agency", r => r.Agency), new("Subject", r => r.Subject),
            new("Attendees", r => r.Attendees), new("Summary", r => r.Summary), new("Follow-up", r => r.FollowUp),
        ];
        if (includeInternal)
            columns.Add(new("Internal notes", r => r.InternalNotes));
        return TableExport.ToFile(export, columns, format, "interactions", now);
    }
}

internal sealed record InteractionExportRow(int Id, DateOnly Date, string Kind, string Agency, string Subject, string Attendees, string? Summary, string? FollowUp, string? InternalNotes);
