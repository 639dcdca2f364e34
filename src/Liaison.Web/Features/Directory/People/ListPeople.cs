using Liaison.Web.Platform.Data;
using Liaison.Web.Platform.ImportExport;
using Liaison.Web.Platform.Web;
using Microsoft.EntityFrameworkCore;

namespace Liaison.Web.Features.Directory.People;

internal sealed record PersonListQuery(
    string? Search = null,
    PersonKind? Kind = null,
    int? AgencyId = null,
    int? OperationalUnitId = null,
    string? Status = null,
    string? Sort = null,
    bool Desc = false,
    int Page = 1,
    int PageSize = Paging.DefaultPageSize) : IListQuery;

internal sealed record PersonRow(int Id, string FirstName, string LastName, string? Title, string? Email, string? Phone,
    PersonKind Kind, int? AgencyId, string? AgencyName, int? OperationalUnitId, string? UnitName, bool IsActive)
{
    public string FullName => $"{FirstName} {LastName}";
    public string? Organisation => AgencyName ?? UnitName;
}

/// <summary>Lists people as filtered, a page at a time, or all of them for export.</summary>
internal sealed class ListPeople(LiaisonDbContext db, ListCounts counts)
{
    public static readonly IReadOnlyDictionary<string, SortOrder<Person>> Sorts = new Dictionary<string, SortOrder<Person>>
    {
        ["name"] = SortOrder<Person>.By(p => p.LastName).ThenBy(p => p.FirstName),
        ["title"] = SortOrder<Person>.By(p => p.Title).ThenBy(p => p.LastName),
        ["email"] = SortOrder<Person>.By(p => p.Email),
        ["organisation"] = SortOrder<Person>.By(p => p.Agency!.Name).ThenBy(p => p.OperationalUnit!.Name).ThenBy(p => p.LastName),
    };

    public Task<PagedResult<PersonRow>> HandleAsync(PersonListQuery query, CancellationToken ct) =>
        Rows(Filtered(query)).ToPageAsync(query, ct, counts);

    public IQueryable<Person> Filtered(PersonListQuery query)
    {
        var people = db.People.AsNoTracking();
        people = (query.Status ?? "active").ToLowerInvariant() switch
        {
            "inactive" => people.Where(p => !p.IsActive),
            "all" => people,
            _ => people.Where(p => p.IsActive),
        };
        if (query.Kind is { } kind)
            people = people.Where(p => p.Kind == kind);
        if (query.AgencyId is { } agencyId)
            people = people.Where(p => p.AgencyId == agencyId);
        if (query.OperationalUnitId is { } unitId)
            people = people.Where(p => p.OperationalUnitId == unitId);
        if (Paging.SearchPattern(query.Search) is { } term)
        {
            people = people.Where(p => p.SearchText.Contains(term));
        }
        return people.Sorted(query, Sorts, "name", p => p.Id);
    }

    private static IQueryable<PersonRow> Rows(IQueryable<Person> people) => people.Select(p => new PersonRow(
        p.Id, p.FirstName, p.LastName, p.Title, p.Email, p.Phone, p.Kind,
        p.AgencyId, p.Agency!.Name, p.OperationalUnitId, p.OperationalUnit!.Name, p.IsActive));

    /// <summary>Export columns are the import's headers, so an exported file can be edited and imported back.</summary>
    public async Task<ExportFile> ExportAsync(PersonListQuery query, ExportFormat format, bool includeInternal, DateTime now, CancellationToken ct)
    {
        var rows = await Filtered(query).Select(p => new
        {
            Row = new PersonRow(p.Id, p.FirstName, p.LastName, p.Title, p.Email, p.Phone, p.Kind,
                p.AgencyId, p.Agency!.Name, p.OperationalUnitId, p.OperationalUnit!.Name, p.IsActive),
            p.InternalNotes,
        }).ToListAsync(ct);
        List<ExportColumn<PersonRow>> columns =
        [
            new("Id", r => r.Id),
            new("First name", r => r.FirstName),
            new("Last name", r => r.LastName),
            new("Title", r => r.Title),
            new("Email", r => r.Email),
            new("Phone", r => r.Phone),
            new("Type", r => r.Kind == PersonKind.AgencyContact ? "Agency contact" : "Provider staff"),
            new("Agency", r => r.AgencyName),
            new("Unit", r => r.UnitName),
            new("Status", r => r.IsActive ? "Active" : "Inactive"),
        ];
        if (includeInternal)
        {
            var notes = rows.ToDictionary(r => r.Row.Id, r => r.InternalNotes);
            columns.Add(new("Notes", r => notes[r.Id]));
        }
        return TableExport.ToFile(rows.Select(r => r.Row), columns, format, "people", now);
    }
}
