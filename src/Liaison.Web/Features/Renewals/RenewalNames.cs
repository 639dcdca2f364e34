using Liaison.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;

namespace Liaison.Web.Features.Renewals;

/// <summary>
/// The names the renewal log prints beside each renewal: every product with its vendor and the vendor's first contact,
/// the agencies, and the people responsible for renewals. Read once a minute per visibility scope and read again at once
/// when anything is saved on any instance (the data generation), as the directory's names are (<c>PeopleOptions</c>). The
/// log's page query then reads the renewals alone: a query joining six tables costs PostgreSQL more to plan than to run,
/// and it plans it again on every request (the page size is a parameter).
/// </summary>
internal sealed class RenewalNames(LiaisonDbContext db, IMemoryCache cache)
{
    public sealed record ProductName(int VendorId, string Vendor, string? VendorContactLine, string Product);

    public sealed record Names(IReadOnlyDictionary<int, ProductName> Products, IReadOnlyDictionary<int, string> Agencies, IReadOnlyDictionary<int, string> People)
    {
        /// <summary>Whether every product, agency and person named is known here.</summary>
        public bool Cover(IEnumerable<(int ProductId, int AgencyId, int? PersonId)> rows) => rows.All(r =>
            Products.ContainsKey(r.ProductId) && Agencies.ContainsKey(r.AgencyId) && (r.PersonId is not { } person || People.ContainsKey(person)));
    }

    /// <summary>
    /// The names as of the data generation this request read; <see cref="Names.Cover"/> says whether they cover rows read
    /// since. One entry per visibility scope, replaced when the generation moves on: at ten times a state's size the names
    /// are a few megabytes, and a busy day's saves should not leave a copy per generation for its minute.
    /// </summary>
    public async Task<Names> GetAsync(CancellationToken ct)
    {
        var generation = await db.DataGenerationAsync(ct);
        var key = $"names:renewals:{db.AgencyScope}";
        if (cache.TryGetValue(key, out Kept? kept) && kept!.Generation == generation)
            return kept.Names;
        var names = await LoadAsync(ct);
        if (kept is null || kept.Generation < generation) // a request that read an older generation does not put it back
            cache.Set(key, new Kept(generation, names), TimeSpan.FromMinutes(1));
        return names;
    }

    private sealed record Kept(long Generation, Names Names);

    /// <summary>The names as they are now, past the cache: for rows saved on another instance after this request read the generation.</summary>
    public async Task<Names> LoadAsync(CancellationToken ct)
    {
        var products = await db.Products.AsNoTracking().Select(p => new
        {
            p.Id,
            p.VendorId,
            Vendor = p.Vendor!.Name,
            Contact = p.Vendor.Contacts.OrderBy(c => c.Id).Select(c => c.Name + "\n" + (c.Phone ?? "") + "\n" + (c.Email ?? "")).FirstOrDefault(),
            p.Name,
        }).ToDictionaryAsync(p => p.Id, p => new ProductName(p.VendorId, p.Vendor, p.Contact, p.Name), ct);
        var agencies = await db.Agencies.AsNoTracking().ToDictionaryAsync(a => a.Id, a => a.Name, ct);
        var responsible = db.Renewals.Where(r => r.ResponsibleManagerPersonId != null).Select(r => r.ResponsibleManagerPersonId!.Value);
        var people = await db.People.AsNoTracking().Where(p => responsible.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.FirstName + " " + p.LastName, ct);
        return new Names(products, agencies, people);
    }
}
