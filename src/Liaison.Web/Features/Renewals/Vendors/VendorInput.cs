using System.ComponentModel.DataAnnotations;
using FluentValidation;
using Liaison.Web.Platform.Web;

namespace Liaison.Web.Features.Renewals.Vendors;

/// <summary>A vendor as typed: its company details, its contacts and its products (blank rows are left out).</summary>
internal sealed class VendorInput : IVersionedInput
{
    public const int MaxRows = 50;

    [Display(Name = "Company")]
    public string Name { get; set => field = value ?? ""; } = "";

    [DataType(DataType.MultilineText)]
    [Display(Name = "Address")]
    public string? Address { get; set; }

    [Display(Name = "Web site")]
    public string? Url { get; set; }

    [Display(Name = "Contacts")]
    [MaxItems(MaxRows)]
    public List<VendorContactInput> Contacts { get; set; } = [];

    [Display(Name = "Products")]
    [MaxItems(MaxRows)]
    public List<ProductInput> Products { get; set; } = [];

    public int? Version { get; set; }

    public static VendorInput From(Vendor v) => new()
    {
        Name = v.Name,
        Address = v.Address,
        Url = v.Url,
        Contacts = v.Contacts.OrderBy(c => c.Id).Select(c => new VendorContactInput { Id = c.Id, Name = c.Name, Phone = c.Phone, Email = c.Email }).ToList(),
        Products = v.Products.OrderBy(p => p.Name, StringComparer.CurrentCultureIgnoreCase).Select(p => new ProductInput { Id = p.Id, Name = p.Name }).ToList(),
        Version = v.Version,
    };

    /// <summary>
    /// Writes the input over <paramref name="v"/>: contacts and products matched by id (a row without one is new; one no
    /// row names is removed: the use case has refused to remove a product that renewals name).
    /// </summary>
    public void ApplyTo(Vendor v)
    {
        v.Name = Name.Trim();
        v.Address = Validation.Clean(Address);
        v.Url = Validation.Clean(Url);
        ChildRows.Apply(v.Contacts, Contacts.Where(c => !c.IsBlank).ToList(), c => c.Id, row => row.Id, () => new VendorContact { VendorId = v.Id },
            (contact, row) =>
            {
                contact.Name = row.Name!.Trim();
                contact.Phone = Validation.Clean(row.Phone);
                contact.Email = Validation.Clean(row.Email);
            });
        ChildRows.Apply(v.Products, Products.Where(p => !p.IsBlank).ToList(), p => p.Id, row => row.Id, () => new Product { VendorId = v.Id },
            (product, row) => product.Name = row.Name!.Trim());
    }
}

/// <summary>A row of the vendor's contacts.</summary>
internal sealed class VendorContactInput
{
    public int? Id { get; set; }

    [Display(Name = "Name")]
    public string? Name { get; set; }

    [Display(Name = "Phone")]
    public string? Phone { get; set; }

    [Display(Name = "Email")]
    public string? Email { get; set; }

    public bool IsBlank => string.IsNullOrWhiteSpace(Name) && string.IsNullOrWhiteSpace(Phone) && string.IsNullOrWhiteSpace(Email);
}

/// <summary>A row of the vendor's products.</summary>
internal sealed class ProductInput
{
    public int? Id { get; set; }

    [Display(Name = "Product")]
    public string? Name { get; set; }

    public bool IsBlank => string.IsNullOrWhiteSpace(Name);
}

internal sealed class VendorInputValidator : AbstractValidator<VendorInput>
{
    public static readonly VendorInputValidator Instance = new();

    public VendorInputValidator()
    {
        RuleFor(v => v.Name).NotEmpty().WithMessage("Name the company.").MaximumLength(200);
        RuleFor(v => v.Address).MaximumLength(500);
        RuleFor(v => v.Url).MaximumLength(500)
            .Must(url => string.IsNullOrWhiteSpace(url) || Uri.TryCreate(url.Trim(), UriKind.Absolute, out var uri) && uri.Scheme is "https" or "http")
            .WithMessage("Give the web site's whole address, beginning https://.");
    }
}

internal sealed class VendorContactInputValidator : AbstractValidator<VendorContactInput>
{
    public static readonly VendorContactInputValidator Instance = new();

    public VendorContactInputValidator()
    {
        RuleFor(c => c.Name).NotEmpty().WithMessage("Name the contact.").MaximumLength(200);
        RuleFor(c => c.Phone).MaximumLength(50);
        RuleFor(c => c.Email).MaximumLength(254).EmailAddress().WithMessage("Give an email address such as name@vendor.com.");
    }
}

internal sealed class ProductInputValidator : AbstractValidator<ProductInput>
{
    public static readonly ProductInputValidator Instance = new();

    public ProductInputValidator()
    {
        RuleFor(p => p.Name).NotEmpty().WithMessage("Name the product.").MaximumLength(200);
    }
}
