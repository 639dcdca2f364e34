using System.ComponentModel.DataAnnotations;
using FluentValidation;
using Liaison.Web.Platform.Web;

namespace Liaison.Web.Features.Administration.Users;

/// <summary>What an administrator fills in to create, invite or edit a user.</summary>
internal sealed class UserInput : IVersionedInput
{
    [Display(Name = "Email")]
    public string Email { get; set => field = value ?? ""; } = "";

    [Display(Name = "Full name")]
    public string DisplayName { get; set => field = value ?? ""; } = "";

    [Display(Name = "Roles")]
    public List<string> Roles { get; set => field = value ?? []; } = [];

    [Display(Name = "Agency")]
    public int? AgencyId { get; set; }

    [Display(Name = "Directory entry")]
    public int? PersonId { get; set; }

    /// <summary>On creation: an initial password. Left empty, the user is invited by email to choose one.</summary>
    [Display(Name = "Initial password")]
    public string? Password { get; set; }

    public int? Version { get; set; }
}

internal sealed class UserInputValidator : AbstractValidator<UserInput>
{
    public static readonly UserInputValidator Instance = new();

    public UserInputValidator()
    {
        RuleFor(u => u.Email).NotEmpty().WithMessage("Enter the user's email address.")
            .OptionalEmail().MaximumLength(256);
        RuleFor(u => u.DisplayName).NotEmpty().WithMessage("Enter the user's full name.").MaximumLength(200);
        RuleFor(u => u.Roles).NotEmpty().WithMessage("Choose at least one role.");
        RuleForEach(u => u.Roles).Must(r => Platform.Auth.Roles.All.Contains(r)).WithMessage("'{PropertyValue}' is not a role.");
        RuleFor(u => u.Roles).Must(r => !r.Contains(Platform.Auth.Roles.AgencyUser) || r.Count == 1)
            .WithMessage("An agency user cannot also hold a provider role.");
        RuleFor(u => u.AgencyId).NotNull().When(u => u.Roles.Contains(Platform.Auth.Roles.AgencyUser))
            .WithMessage("Choose the agency this user belongs to.");
        RuleFor(u => u.AgencyId).Null().When(u => !u.Roles.Contains(Platform.Auth.Roles.AgencyUser))
            .WithMessage("Only agency users belong to an agency; leave it empty for provider staff.");
    }
}
