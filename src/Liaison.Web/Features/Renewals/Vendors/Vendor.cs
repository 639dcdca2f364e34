using Liaison.Web.Platform.Data;

namespace Liaison.Web.Features.Renewals.Vendors;

/// <summary>
/// A company the provider renews products from on the agencies' behalf: the renewal log's "Vendor" columns. Internal to
/// the provider, like the whole log (PRODUCT.md): agency users never reach a vendor.
/// </summary>
[Liaison.Web.Platform.Modules.AgencyHealthNeutral]
internal sealed class Vendor : IVersioned, ITimestamped, ISearchable
{
    public int Id { get; set; }
    public string Name { get; set; } = "";
    public string? Address { get; set; }
    public string? Url { get; set; }
    public List<VendorContact> Contacts { get; set; } = [];
    public List<Product> Products { get; set; } = [];
    public string SearchText { get; set; } = "";
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
    public int Version { get; set; }

    public IEnumerable<string?> SearchWords() => [Name, Url];
}

/// <summary>Someone at a vendor to call about a renewal; part of the vendor's record and its history.</summary>
[Liaison.Web.Platform.Modules.AgencyHealthNeutral]
internal sealed class VendorContact : IAuditedAsPartOf
{
    public int Id { get; set; }
    public int VendorId { get; set; }
    public string Name { get; set; } = "";
    public string? Phone { get; set; }
    public string? Email { get; set; }

    public (string RecordType, string RecordId, string Field) AuditTarget =>
        (nameof(Vendor), VendorId.ToString(System.Globalization.CultureInfo.InvariantCulture), "Contacts");

    public Task<string> DescribeAsync(LiaisonDbContext db, CancellationToken ct) =>
        Task.FromResult(string.Join(", ", new[] { Name, Phone, Email }.Where(v => !string.IsNullOrWhiteSpace(v))));
}

/// <summary>A product (a licence, a subscription, a support contract) of a vendor, renewed for one or more agencies.</summary>
[Liaison.Web.Platform.Modules.AgencyHealthNeutral]
internal sealed class Product : IAuditedAsPartOf
{
    public int Id { get; set; }
    public int VendorId { get; set; }
    public Vendor? Vendor { get; set; }
    public string Name { get; set; } = "";

    public (string RecordType, string RecordId, string Field) AuditTarget =>
        (nameof(Vendor), VendorId.ToString(System.Globalization.CultureInfo.InvariantCulture), "Products");

    public Task<string> DescribeAsync(LiaisonDbContext db, CancellationToken ct) => Task.FromResult(Name);
}
