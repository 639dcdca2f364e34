using System.Globalization;
using Liaison.Web.Features.Relationships.ActionItems;
using Liaison.Web.Features.Relationships.Interactions;
using Liaison.Web.Features.Relationships.Meetings;
using Liaison.Web.Platform.Data;
using Liaison.Web.Platform.Search;
using Liaison.Web.Platform.Time;
using Microsoft.EntityFrameworkCore;

namespace Liaison.Web.Features.Relationships;

/// <summary>Meetings in the header's search, read through the meetings' filtered query (an agency user: theirs).</summary>
internal sealed class MeetingSearch(LiaisonDbContext db, OrganisationClock time) : ISearchSource
{
    public int Code => 4;
    public string Kind => "Meeting";

    public async Task<IReadOnlyList<SearchResult>> DescribeAsync(IReadOnlyCollection<int> ids, CancellationToken ct)
    {
        var meetings = db.Meetings;
        return (await meetings.AsNoTracking().Where(m => ids.Contains(m.Id))
                .Select(m => new { m.Id, m.Title, m.StartsAt, Agencies = m.Agencies.Select(a => a.Agency!.Acronym ?? a.Agency.Name).ToList() }).ToListAsync(ct))
            .Select(m => new SearchResult(Kind, m.Id, m.Title, $"{time.Format(m.StartsAt)} · {string.Join(", ", m.Agencies)}", $"/Meetings/Details/{m.Id}"))
            .ToList();
    }
}

/// <summary>Interactions in the header's search, read through the log's filtered query.</summary>
internal sealed class InteractionSearch(LiaisonDbContext db) : ISearchSource
{
    public int Code => 5;
    public string Kind => "Interaction";

    public async Task<IReadOnlyList<SearchResult>> DescribeAsync(IReadOnlyCollection<int> ids, CancellationToken ct)
    {
        var interactions = db.Interactions;
        return (await interactions.AsNoTracking().Where(i => ids.Contains(i.Id))
                .Select(i => new { i.Id, i.Subject, i.OccurredOn, Agency = i.Agency!.Name }).ToListAsync(ct))
            .Select(i => new SearchResult(Kind, i.Id, i.Subject, $"{i.Agency} · {i.OccurredOn.ToString("d MMM yyyy", CultureInfo.InvariantCulture)}",
                $"/Interactions/Details/{i.Id}"))
            .ToList();
    }
}

/// <summary>Action items in the header's search, read through the action items' filtered query.</summary>
internal sealed class ActionItemSearch(LiaisonDbContext db) : ISearchSource
{
    public int Code => 7;
    public string Kind => "Action item";

    public async Task<IReadOnlyList<SearchResult>> DescribeAsync(IReadOnlyCollection<int> ids, CancellationToken ct)
    {
        var items = db.ActionItems;
        return (await items.AsNoTracking().Where(a => ids.Contains(a.Id))
                .Select(a => new { a.Id, a.Title, a.Status, a.DueOn, Agency = a.Agency!.Name, Owner = a.Owner!.FirstName + " " + a.Owner.LastName }).ToListAsync(ct))
            .Select(a => new SearchResult(Kind, a.Id, a.Title,
                string.Join(" · ", new[] { a.Agency, a.Owner, ActionStatuses.Label(a.Status), a.DueOn is { } due ? "due " + due.ToString("d MMM yyyy", CultureInfo.InvariantCulture) : null }.OfType<string>()),
                $"/ActionItems/Details/{a.Id}"))
            .ToList();
    }
}
