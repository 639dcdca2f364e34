using Liaison.Web.Features.Directory.People;
using Liaison.Web.Platform.Data;
using Liaison.Web.Platform.ImportExport;
using Liaison.Web.Platform.Web;
using Microsoft.EntityFrameworkCore;

namespace Liaison.Web.Features.Directory.Agencies;

/// <summary>Which agencies to list: the filters of the list page, the API and the export.</summary>
internal sealed record AgencyListQuery(
    string? Search = null,
    string? Status = null,
    int? LineOfServiceId = null,
    string? Sort = null,
    bool Desc = false,
    int Page = 1,
    int PageSize = Paging.DefaultPageSize) : IListQuery;

internal sealed record AgencyRow(int Id, string Name, string? Acronym, string? ParentDepartment, bool IsActive, int ContactCount, int LineOfServiceCount);

/// <summary>Lists agencies as filtered, a page at a time, or all of them for export.</summary>
internal sealed class ListAgencies(LiaisonDbContext db, ListCounts counts)
{
    public static readonly IReadOnlyDictionary<string, SortOrder<Agency>> Sorts = new Dictionary<string, SortOrder<Agency>>
    {
        ["name"] = SortOrder<Agency>.By(a => a.Name),
        ["acronym"] = SortOrder<Agency>.By(a => a.Acronym),
        ["parent"] = SortOrder<Agency>.By(a => a.ParentDepartment).ThenBy(a => a.Name),
        ["status"] = SortOrder<Agency>.By(a => a.IsActive).ThenBy(a => a.Name),
    };

    public Task<PagedResult<AgencyRow>> HandleAsync(AgencyListQuery query, CancellationToken ct) =>
        Filtered(query)
            .Select(a => new AgencyRow(a.Id, a.Name, a.Acronym, a.ParentDepartment, a.IsActive,
                db.People.Count(p => p.AgencyId == a.Id && p.IsActive), a.LinesOfService.Count))
            .ToPageAsync(query, ct, counts);

    public IQueryable<Agency> Filtered(AgencyListQuery query)
    {
        var agencies = db.Agencies.AsNoTracking();
        agencies = (query.Status ?? "active").ToLowerInvariant() switch
        {
            "inactive" => agencies.Where(a => !a.IsActive),
            "all" => agencies,
            _ => agencies.Where(a => a.IsActive),
        };
        if (Paging.SearchPattern(query.Search) is { } term)
        {
            agencies = agencies.Where(a => a.SearchText.Contains(term));
        }
        if (query.LineOfServiceId is { } lineId)
            agencies = agencies.Where(a => a.LinesOfService.Any(l => l.LineOfServiceId == lineId));
        return agencies.Sorted(query, Sorts, "name", a => a.Id);
    }

    /// <summary>Every agency the filters select, with the columns of the export.</summary>
    public async Task<ExportFile> ExportAsync(AgencyListQuery query, ExportFormat format, bool includeInternal, DateTime now, CancellationToken ct)
    {
        var rows = await Filtered(query)
            .Select(a => new AgencyExportRow(a.Id, a.Name, a.Acronym, a.ParentDepartment, a.Website, a.Phone, a.Address,
                a.LinesOfService.Select(l => l.LineOfService!.Name).ToList(),
                db.People.Count(p => p.AgencyId == a.Id && p.IsActive && p.Kind == PersonKind.AgencyContact),
                a.IsActive, a.InternalNotes))
            .ToListAsync(ct);
        List<ExportColumn<AgencyExportRow>> columns =
        [
            new("Id", r => r.Id),
            new("Name", r => r.Name),
            new("Acronym", r => r.Acronym),
            new("Parent department", r => r.ParentDepartment),
            new("Website", r => r.Website),
            new("Main phone", r => r.Phone),
            new("Address", r => r.Address),
            new("Lines of service", r => string.Join("; ", r.LinesOfService.Order())),
            new("Active contacts", r => r.ActiveContacts),
            new("Status", r => r.IsActive ? "Active" : "Inactive"),
        ];
        if (includeInternal)
            columns.Add(new("Internal notes", r => r.InternalNotes));
        return TableExport.ToFile(rows, columns, format, "agencies", now);
    }
}

internal sealed record AgencyExportRow(int Id, string Name, string? Acronym, string? ParentDepartment, string? Website, string? Phone,
    string? Address, List<string> LinesOfService, int ActiveContacts, bool IsActive, string? InternalNotes);
