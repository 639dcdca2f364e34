using System.ComponentModel.DataAnnotations;
using FluentValidation;
using Liaison.Web.Platform.Web;

namespace Liaison.Web.Features.Directory.Agencies;

/// <summary>What a person fills in to create or edit an agency (the form and the API body alike).</summary>
internal sealed class AgencyInput : IVersionedInput
{
    [Display(Name = "Name")]
    public string Name { get; set => field = value ?? ""; } = "";

    [Display(Name = "Acronym")]
    public string? Acronym { get; set; }

    [Display(Name = "Parent department")]
    public string? ParentDepartment { get; set; }

    [Display(Name = "Website")]
    public string? Website { get; set; }

    [Display(Name = "Main phone")]
    public string? Phone { get; set; }

    [DataType(DataType.MultilineText)]
    [Display(Name = "Address")]
    public string? Address { get; set; }

    [DataType(DataType.MultilineText)]
    [Display(Name = "Internal notes")]
    public string? InternalNotes { get; set; }

    [Display(Name = "Lines of service consumed")]
    [MaxItems(500)]
    public List<int> LineOfServiceIds { get; set => field = value ?? []; } = [];

    /// <summary>For an update: the version the editor started from.</summary>
    public int? Version { get; set; }

    public static AgencyInput From(Agency agency) => new()
    {
        Name = agency.Name,
        Acronym = agency.Acronym,
        ParentDepartment = agency.ParentDepartment,
        Website = agency.Website,
        Phone = agency.Phone,
        Address = agency.Address,
        InternalNotes = agency.InternalNotes,
        LineOfServiceIds = agency.LinesOfService.Select(l => l.LineOfServiceId).Order().ToList(),
        Version = agency.Version,
    };

    public void ApplyTo(Agency agency)
    {
        agency.Name = Name.Trim();
        agency.Acronym = Validation.Clean(Acronym)?.ToUpperInvariant();
        agency.ParentDepartment = Validation.Clean(ParentDepartment);
        agency.Website = Validation.Clean(Website);
        agency.Phone = Validation.Clean(Phone);
        agency.Address = Validation.Clean(Address);
        agency.InternalNotes = Validation.Clean(InternalNotes);
        var wanted = LineOfServiceIds.Distinct().ToHashSet();
        agency.LinesOfService.RemoveAll(l => !wanted.Contains(l.LineOfServiceId));
        foreach (var id in wanted.Where(id => agency.LinesOfService.All(l => l.LineOfServiceId != id)))
            agency.LinesOfService.Add(new AgencyLineOfService { AgencyId = agency.Id, LineOfServiceId = id });
    }
}

internal sealed class AgencyInputValidator : AbstractValidator<AgencyInput>
{
    public static readonly AgencyInputValidator Instance = new();

    public AgencyInputValidator()
    {
        RuleFor(a => a.Name).NotEmpty().WithMessage("Enter the agency's name.").MaximumLength(200);
        RuleFor(a => a.Acronym).MaximumLength(20).Matches("^[A-Za-z0-9&\\-\\. ]*$").WithMessage("Use letters, digits, spaces, &, - or . in the acronym.");
        RuleFor(a => a.ParentDepartment).MaximumLength(200);
        RuleFor(a => a.Website).OptionalUrl().MaximumLength(300);
        RuleFor(a => a.Phone).OptionalPhone();
        RuleFor(a => a.Address).MaximumLength(500);
        RuleFor(a => a.InternalNotes).MaximumLength(4000);
    }
}
