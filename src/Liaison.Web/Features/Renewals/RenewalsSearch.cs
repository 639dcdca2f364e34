using Liaison.Web.Platform.Auth;
using Liaison.Web.Platform.Data;
using Liaison.Web.Platform.Search;
using Microsoft.EntityFrameworkCore;

namespace Liaison.Web.Features.Renewals;

/// <summary>Vendors in the header's search: provider staff only (a vendor is of no one agency, so the access rule is asked here).</summary>
internal sealed class VendorSearch(LiaisonDbContext db, AccessRule access) : ISearchSource
{
    public int Code => 8;
    public string Kind => "Vendor";

    public async Task<IReadOnlyList<SearchResult>> DescribeAsync(IReadOnlyCollection<int> ids, CancellationToken ct)
    {
        if (!access.CanSeeProviderRecords)
            return [];
        return (await db.Vendors.AsNoTracking().Where(v => ids.Contains(v.Id))
                .Select(v => new { v.Id, v.Name, v.Url, Products = v.Products.Count }).ToListAsync(ct))
            .Select(v => new SearchResult(Kind, v.Id, v.Name, $"{v.Products} product{(v.Products == 1 ? "" : "s")}{(v.Url is null ? "" : " · " + v.Url)}", $"/Vendors/Edit/{v.Id}"))
            .ToList();
    }
}

/// <summary>Renewals (by renewal number, PO number or notes) in the header's search, read through the log's filtered query: provider staff only.</summary>
internal sealed class RenewalSearch(LiaisonDbContext db, AccessRule access) : ISearchSource
{
    public int Code => 9;
    public string Kind => "Renewal";

    public async Task<IReadOnlyList<SearchResult>> DescribeAsync(IReadOnlyCollection<int> ids, CancellationToken ct)
    {
        if (!access.CanSeeProviderRecords)
            return [];
        return (await db.Renewals.AsNoTracking().Where(r => ids.Contains(r.Id))
                .Select(r => new { r.Id, Product = r.Product!.Name, Vendor = r.Product.Vendor!.Name, Agency = r.Agency!.Name, r.RenewalNumber, r.TermEnd })
                .ToListAsync(ct))
            .Select(r => new SearchResult(Kind, r.Id, $"{r.Vendor} — {r.Product}",
                $"{r.Agency}{(r.RenewalNumber is null ? "" : " · " + r.RenewalNumber)} · term ends {r.TermEnd:yyyy-MM-dd}", $"/Renewals/Details/{r.Id}"))
            .ToList();
    }
}

/// <summary>
/// Procurement requests in the header's search: provider staff see every agency's, an agency's users their own agency's
/// (the access rule's query filter, and the index's agency). The assessment is not among the words searched.
/// </summary>
internal sealed class ProcurementSearch(LiaisonDbContext db) : ISearchSource
{
    public int Code => 10;
    public string Kind => "Procurement request";

    public async Task<IReadOnlyList<SearchResult>> DescribeAsync(IReadOnlyCollection<int> ids, CancellationToken ct) =>
        (await db.ProcurementRequests.AsNoTracking().Where(r => ids.Contains(r.Id))
            .Select(r => new { r.Id, r.Title, Agency = r.Agency!.Name, r.Status, r.RequestedBy }).ToListAsync(ct))
        .Select(r => new SearchResult(Kind, r.Id, r.Title, $"{r.Agency} · {Procurement.ProcurementText.Status(r.Status)} · asked by {r.RequestedBy}",
            $"/Procurement/Details/{r.Id}"))
        .ToList();
}
