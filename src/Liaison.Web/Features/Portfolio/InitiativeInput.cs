using System.ComponentModel.DataAnnotations;
using FluentValidation;
using Liaison.Web.Platform.Auth;
using Liaison.Web.Platform.Web;

namespace Liaison.Web.Features.Portfolio;

internal sealed class InitiativeInput : IVersionedInput
{
    [Display(Name = "Initiative name")]
    public string Name { get; set => field = value ?? ""; } = "";

    [DataType(DataType.MultilineText)]
    [Display(Name = "Initiative description")]
    public string? Description { get; set; }

    [Display(Name = "Agency")]
    public int? AgencyId { get; set; }

    [Display(Name = "Relationship manager")]
    public int? RelationshipManagerPersonId { get; set; }

    [Display(Name = "Project manager / owner")]
    public int? OwnerPersonId { get; set; }

    [Display(Name = "Health")]
    public InitiativeHealth Health { get; set; } = InitiativeHealth.OnTrack;

    [Display(Name = "Phase")]
    public InitiativePhase Phase { get; set; } = InitiativePhase.Initiating;

    [Display(Name = "Start date")]
    public DateOnly? StartOn { get; set; }

    [Display(Name = "Target date")]
    public DateOnly? TargetOn { get; set; }

    public int? Version { get; set; }

    public static InitiativeInput From(Initiative i) => new()
    {
        Name = i.Name,
        Description = i.Description,
        AgencyId = i.AgencyId,
        RelationshipManagerPersonId = i.RelationshipManagerPersonId,
        OwnerPersonId = i.OwnerPersonId,
        Health = i.Health,
        Phase = i.Phase,
        StartOn = i.StartOn,
        TargetOn = i.TargetOn,
        Version = i.Version,
    };

    public void ApplyTo(Initiative i)
    {
        i.Name = Name.Trim();
        i.Description = Validation.Clean(Description);
        i.AgencyId = AgencyId ?? 0;
        i.RelationshipManagerPersonId = RelationshipManagerPersonId;
        i.OwnerPersonId = OwnerPersonId;
        i.Health = Health;
        i.Phase = Phase;
        i.StartOn = StartOn;
        i.TargetOn = TargetOn;
    }
}

internal sealed class InitiativeInputValidator : AbstractValidator<InitiativeInput>
{
    public static readonly InitiativeInputValidator Instance = new();

    public InitiativeInputValidator()
    {
        RuleFor(i => i.Name).NotEmpty().WithMessage("Give the initiative a name.").MaximumLength(200);
        RuleFor(i => i.Description).MaximumLength(4000);
        RuleFor(i => i.AgencyId).NotNull().WithMessage("Choose the agency.");
        RuleFor(i => i.Health).IsInEnum();
        RuleFor(i => i.Phase).IsInEnum();
        RuleFor(i => i.TargetOn).GreaterThanOrEqualTo(i => i.StartOn).When(i => i.StartOn is not null && i.TargetOn is not null)
            .WithMessage("The target date cannot be before the start date.");
    }
}

/// <summary>A status update: the form's four status fields as of a date.</summary>
internal sealed class StatusUpdateInput
{
    [Display(Name = "As of")]
    public DateOnly? AsOf { get; set; }

    [Display(Name = "Health")]
    public InitiativeHealth? Health { get; set; }

    [DataType(DataType.MultilineText)]
    [Display(Name = "Current status overview")]
    public string? StatusOverview { get; set; }

    [DataType(DataType.MultilineText)]
    [Display(Name = "Accomplishments of the last 30 days")]
    public string? Accomplishments { get; set; }

    [DataType(DataType.MultilineText)]
    [Display(Name = "Plans for the next 30 days")]
    public string? Plans { get; set; }

    [DataType(DataType.MultilineText)]
    [Display(Name = "Current risks / issues")]
    public string? Risks { get; set; }

    /// <summary>For a correction: what was wrong.</summary>
    [DataType(DataType.MultilineText)]
    [Display(Name = "What was wrong")]
    public string? Reason { get; set; }
}

internal static class StatusUpdates
{
    /// <summary>The history entry an input records, by the current user, now.</summary>
    public static InitiativeUpdate ToUpdate(this StatusUpdateInput input, int initiativeId, DateOnly asOf, InitiativeHealth health, string? reason,
        CurrentUser author, TimeProvider clock) => new()
        {
            InitiativeId = initiativeId,
            AsOf = asOf,
            Health = health,
            StatusOverview = Validation.Clean(input.StatusOverview),
            Accomplishments = Validation.Clean(input.Accomplishments),
            Plans = Validation.Clean(input.Plans),
            Risks = Validation.Clean(input.Risks),
            Reason = reason,
            AuthorUserId = author.Id,
            AuthorName = author.DisplayName,
            CreatedAt = clock.GetUtcNow().UtcDateTime,
        };
}

internal sealed class StatusUpdateInputValidator : AbstractValidator<StatusUpdateInput>
{
    public static readonly StatusUpdateInputValidator Instance = new();

    public StatusUpdateInputValidator()
    {
        RuleFor(u => u.StatusOverview).NotEmpty().WithMessage("Say where the initiative stands.").MaximumLength(4000);
        RuleFor(u => u.Accomplishments).MaximumLength(4000);
        RuleFor(u => u.Plans).MaximumLength(4000);
        RuleFor(u => u.Risks).MaximumLength(4000);
        RuleFor(u => u.Reason).MaximumLength(1000);
        RuleFor(u => u.Health).IsInEnum();
    }
}

internal sealed class HandOffInput
{
    [Display(Name = "PMO project manager")]
    public int? ToPersonId { get; set; }

    [Display(Name = "Handed over on")]
    public DateOnly? On { get; set; }

    [Display(Name = "Make them the project manager / owner")]
    public bool MakeOwner { get; set; } = true;
}
