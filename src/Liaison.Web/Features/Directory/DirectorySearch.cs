using Liaison.Web.Features.Directory.People;
using Liaison.Web.Platform.Data;
using Liaison.Web.Platform.Search;
using Microsoft.EntityFrameworkCore;

namespace Liaison.Web.Features.Directory;

/// <summary>Agencies in the header's search, read through the directory's filtered query (an agency user: their own).</summary>
internal sealed class AgencySearch(LiaisonDbContext db) : ISearchSource
{
    public int Code => 1;
    public string Kind => "Agency";

    public async Task<IReadOnlyList<SearchResult>> DescribeAsync(IReadOnlyCollection<int> ids, CancellationToken ct) =>
        (await db.Agencies.AsNoTracking().Where(a => ids.Contains(a.Id))
            .Select(a => new { a.Id, a.Name, a.Acronym, a.ParentDepartment, a.IsActive }).ToListAsync(ct))
        .Select(a => new SearchResult(Kind, a.Id, a.Acronym is { Length: > 0 } ? $"{a.Name} ({a.Acronym})" : a.Name,
            string.Join(" · ", new[] { a.ParentDepartment, a.IsActive ? null : "inactive" }.OfType<string>()) is { Length: > 0 } d ? d : null,
            $"/Agencies/Details/{a.Id}"))
        .ToList();
}

/// <summary>People in the header's search: agency contacts and the provider's staff, as the directory shows them to this user.</summary>
internal sealed class PersonSearch(LiaisonDbContext db) : ISearchSource
{
    public int Code => 2;
    public string Kind => "Person";

    public async Task<IReadOnlyList<SearchResult>> DescribeAsync(IReadOnlyCollection<int> ids, CancellationToken ct) =>
        (await db.People.AsNoTracking().Where(p => ids.Contains(p.Id))
            .Select(p => new { p.Id, p.FirstName, p.LastName, p.Title, p.Kind, Agency = p.Agency!.Name, p.IsActive }).ToListAsync(ct))
        .Select(p => new SearchResult(Kind, p.Id, $"{p.FirstName} {p.LastName}",
            string.Join(" · ", new[] { p.Title, p.Kind == PersonKind.ProviderStaff ? "Provider staff" : p.Agency, p.IsActive ? null : "inactive" }.OfType<string>()),
            $"/People/Details/{p.Id}"))
        .ToList();
}
