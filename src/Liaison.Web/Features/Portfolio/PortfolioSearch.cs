using System.Globalization;
using Liaison.Web.Features.Portfolio.QuickWins;
using Liaison.Web.Platform.Data;
using Liaison.Web.Platform.Search;
using Microsoft.EntityFrameworkCore;

namespace Liaison.Web.Features.Portfolio;

/// <summary>Initiatives in the header's search, read through the portfolio's filtered query.</summary>
internal sealed class InitiativeSearch(LiaisonDbContext db) : ISearchSource
{
    public int Code => 3;
    public string Kind => "Initiative";

    public async Task<IReadOnlyList<SearchResult>> DescribeAsync(IReadOnlyCollection<int> ids, CancellationToken ct)
    {
        var initiatives = db.Initiatives;
        return (await initiatives.AsNoTracking().Where(i => ids.Contains(i.Id))
                .Select(i => new { i.Id, i.Name, Agency = i.Agency!.Name, i.Phase, i.Health }).ToListAsync(ct))
            .Select(i => new SearchResult(Kind, i.Id, i.Name, $"{i.Agency} · {i.Phase} · {InitiativeLabels.Health(i.Health)}", $"/Portfolio/Details/{i.Id}"))
            .ToList();
    }
}

/// <summary>Quick wins in the header's search; each opens the log filtered to it (a quick win has no page of its own).</summary>
internal sealed class QuickWinSearch(LiaisonDbContext db) : ISearchSource
{
    public int Code => 6;
    public string Kind => "Quick win";

    public async Task<IReadOnlyList<SearchResult>> DescribeAsync(IReadOnlyCollection<int> ids, CancellationToken ct)
    {
        var quickWins = db.QuickWins;
        return (await quickWins.AsNoTracking().Where(q => ids.Contains(q.Id))
                .Select(q => new { q.Id, q.TaskName, q.AgencyId, Agency = q.Agency!.Name, q.CompletedOn }).ToListAsync(ct))
            .Select(q => new SearchResult(Kind, q.Id, q.TaskName, $"{q.Agency} · completed {q.CompletedOn.ToString("d MMM yyyy", CultureInfo.InvariantCulture)}",
                $"/QuickWins?agencyId={q.AgencyId}&search={Uri.EscapeDataString(q.TaskName.Length > 80 ? q.TaskName[..80] : q.TaskName)}"))
            .ToList();
    }
}
