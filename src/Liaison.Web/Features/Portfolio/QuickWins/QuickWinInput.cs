using System.ComponentModel.DataAnnotations;
using FluentValidation;
using Liaison.Web.Platform.Web;

namespace Liaison.Web.Features.Portfolio.QuickWins;

internal sealed class QuickWinInput : IVersionedInput
{
    [Display(Name = "Task name")]
    public string TaskName { get; set => field = value ?? ""; } = "";

    [DataType(DataType.MultilineText)]
    [Display(Name = "Task description")]
    public string? Description { get; set; }

    [Display(Name = "Agency")]
    public int? AgencyId { get; set; }

    [Display(Name = "Relationship manager")]
    public int? RelationshipManagerPersonId { get; set; }

    [Display(Name = "Contributing staff")]
    [MaxItems(100)]
    public List<int> ContributorIds { get; set; } = [];

    [DataType(DataType.MultilineText)]
    [Display(Name = "Benefit to the agency")]
    public string? Benefit { get; set; }

    [Display(Name = "Date completed")]
    public DateOnly? CompletedOn { get; set; }

    public int? Version { get; set; }

    public static QuickWinInput From(QuickWin q) => new()
    {
        TaskName = q.TaskName,
        Description = q.Description,
        AgencyId = q.AgencyId,
        RelationshipManagerPersonId = q.RelationshipManagerPersonId,
        ContributorIds = q.Contributors.Select(c => c.PersonId).Order().ToList(),
        Benefit = q.Benefit,
        CompletedOn = q.CompletedOn,
        Version = q.Version,
    };

    public void ApplyTo(QuickWin q)
    {
        q.TaskName = TaskName.Trim();
        q.Description = Validation.Clean(Description);
        q.AgencyId = AgencyId ?? 0;
        q.RelationshipManagerPersonId = RelationshipManagerPersonId;
        q.Benefit = Validation.Clean(Benefit);
        q.CompletedOn = CompletedOn ?? default;
        var wanted = ContributorIds.Distinct().ToHashSet();
        q.Contributors.RemoveAll(c => !wanted.Contains(c.PersonId));
        foreach (var id in wanted.Where(id => q.Contributors.All(c => c.PersonId != id)))
            q.Contributors.Add(new QuickWinContributor { QuickWinId = q.Id, PersonId = id });
    }
}

internal sealed class QuickWinInputValidator : AbstractValidator<QuickWinInput>
{
    public static readonly QuickWinInputValidator Instance = new();

    public QuickWinInputValidator()
    {
        RuleFor(q => q.TaskName).NotEmpty().WithMessage("Name the task.").MaximumLength(200);
        RuleFor(q => q.Description).MaximumLength(4000);
        RuleFor(q => q.Benefit).MaximumLength(4000);
        RuleFor(q => q.AgencyId).NotNull().WithMessage("Choose the agency.");
        RuleFor(q => q.CompletedOn).NotNull().WithMessage("Give the date it was completed.");
        RuleFor(q => q.ContributorIds).NotEmpty().WithMessage("Choose at least one member of staff who contributed.");
    }
}
