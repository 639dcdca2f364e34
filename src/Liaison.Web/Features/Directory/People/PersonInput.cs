using System.ComponentModel.DataAnnotations;
using FluentValidation;
using Liaison.Web.Platform.Web;

namespace Liaison.Web.Features.Directory.People;

/// <summary>What a person fills in to add or edit someone in the directory.</summary>
internal sealed class PersonInput : IVersionedInput
{
    [Display(Name = "First name")]
    public string FirstName { get; set => field = value ?? ""; } = "";

    [Display(Name = "Last name")]
    public string LastName { get; set => field = value ?? ""; } = "";

    [Display(Name = "Job title")]
    public string? Title { get; set; }

    [Display(Name = "Email")]
    public string? Email { get; set; }

    [Display(Name = "Phone")]
    public string? Phone { get; set; }

    [Display(Name = "Works for")]
    public PersonKind Kind { get; set; } = PersonKind.AgencyContact;

    [Display(Name = "Agency")]
    public int? AgencyId { get; set; }

    [Display(Name = "Operational unit")]
    public int? OperationalUnitId { get; set; }

    [DataType(DataType.MultilineText)]
    [Display(Name = "Internal notes")]
    public string? InternalNotes { get; set; }

    /// <summary>For an update: the version the editor started from.</summary>
    public int? Version { get; set; }

    public static PersonInput From(Person p) => new()
    {
        FirstName = p.FirstName,
        LastName = p.LastName,
        Title = p.Title,
        Email = p.Email,
        Phone = p.Phone,
        Kind = p.Kind,
        AgencyId = p.AgencyId,
        OperationalUnitId = p.OperationalUnitId,
        InternalNotes = p.InternalNotes,
        Version = p.Version,
    };

    public void ApplyTo(Person p)
    {
        p.FirstName = FirstName.Trim();
        p.LastName = LastName.Trim();
        p.Title = Validation.Clean(Title);
        p.Email = Validation.Clean(Email)?.ToLowerInvariant();
        p.Phone = Validation.Clean(Phone);
        p.Kind = Kind;
        p.AgencyId = Kind == PersonKind.AgencyContact ? AgencyId : null;
        p.OperationalUnitId = Kind == PersonKind.ProviderStaff ? OperationalUnitId : null;
        p.InternalNotes = Validation.Clean(InternalNotes);
    }
}

internal sealed class PersonInputValidator : AbstractValidator<PersonInput>
{
    public static readonly PersonInputValidator Instance = new();

    public PersonInputValidator()
    {
        RuleFor(p => p.FirstName).NotEmpty().WithMessage("Enter a first name.").MaximumLength(100);
        RuleFor(p => p.LastName).NotEmpty().WithMessage("Enter a last name.").MaximumLength(100);
        RuleFor(p => p.Title).MaximumLength(200);
        RuleFor(p => p.Email).OptionalEmail().MaximumLength(256);
        RuleFor(p => p.Phone).OptionalPhone();
        RuleFor(p => p.Kind).IsInEnum().WithMessage("Choose whether the person works for an agency or for the provider.");
        RuleFor(p => p.AgencyId).NotNull().When(p => p.Kind == PersonKind.AgencyContact).WithMessage("Choose the agency this contact works for.");
        RuleFor(p => p.InternalNotes).MaximumLength(4000);
    }
}
