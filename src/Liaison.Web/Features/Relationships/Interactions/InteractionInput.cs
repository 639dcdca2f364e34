using System.ComponentModel.DataAnnotations;
using FluentValidation;
using Liaison.Web.Platform.Web;

namespace Liaison.Web.Features.Relationships.Interactions;

internal sealed class InteractionInput : IVersionedInput
{
    [Display(Name = "Agency")]
    public int? AgencyId { get; set; }

    [Display(Name = "Date")]
    public DateOnly? OccurredOn { get; set; }

    [Display(Name = "Kind")]
    public InteractionKind Kind { get; set; } = InteractionKind.Meeting;

    [Display(Name = "Subject")]
    public string Subject { get; set => field = value ?? ""; } = "";

    [DataType(DataType.MultilineText)]
    [Display(Name = "Summary")]
    public string? Summary { get; set; }

    [DataType(DataType.MultilineText)]
    [Display(Name = "Follow-up")]
    public string? FollowUp { get; set; }

    [DataType(DataType.MultilineText)]
    [Display(Name = "Internal notes")]
    public string? InternalNotes { get; set; }

    [Display(Name = "Attendees")]
    [MaxItems(500)]
    public List<int> AttendeeIds { get; set => field = value ?? []; } = [];

    public int? Version { get; set; }

    public static InteractionInput From(Interaction i) => new()
    {
        AgencyId = i.AgencyId,
        OccurredOn = i.OccurredOn,
        Kind = i.Kind,
        Subject = i.Subject,
        Summary = i.Summary,
        FollowUp = i.FollowUp,
        InternalNotes = i.InternalNotes,
        AttendeeIds = i.Attendees.Select(a => a.PersonId).Order().ToList(),
        Version = i.Version,
    };

    public void ApplyTo(Interaction i)
    {
        i.AgencyId = AgencyId ?? 0;
        i.OccurredOn = OccurredOn ?? default;
        i.Kind = Kind;
        i.Subject = Subject.Trim();
        i.Summary = Validation.Clean(Summary);
        i.FollowUp = Validation.Clean(FollowUp);
        i.InternalNotes = Validation.Clean(InternalNotes);
        var wanted = AttendeeIds.Distinct().ToHashSet();
        i.Attendees.RemoveAll(a => !wanted.Contains(a.PersonId));
        foreach (var a in i.Attendees)
            a.OccurredOn = i.OccurredOn;
        foreach (var id in wanted.Where(id => i.Attendees.All(a => a.PersonId != id)))
            i.Attendees.Add(new InteractionAttendee { InteractionId = i.Id, PersonId = id, OccurredOn = i.OccurredOn });
    }
}

internal sealed class InteractionInputValidator : AbstractValidator<InteractionInput>
{
    public static readonly InteractionInputValidator Instance = new();

    public InteractionInputValidator()
    {
        RuleFor(i => i.AgencyId).NotNull().WithMessage("Choose the agency.");
        RuleFor(i => i.OccurredOn).NotNull().WithMessage("Enter the date it happened.");
        RuleFor(i => i.Kind).IsInEnum().WithMessage("Choose what kind of interaction it was.");
        RuleFor(i => i.Subject).NotEmpty().WithMessage("Enter a subject: what it was about, in a few words.").MaximumLength(200);
        RuleFor(i => i.Summary).MaximumLength(8000);
        RuleFor(i => i.FollowUp).MaximumLength(4000);
        RuleFor(i => i.InternalNotes).MaximumLength(4000);
    }
}

internal static class InteractionKinds
{
    public static string Label(InteractionKind kind) => kind switch
    {
        InteractionKind.SiteVisit => "Site visit",
        InteractionKind.SteeringCommittee => "Steering committee",
        InteractionKind.HelpDeskLive => "Help desk live",
        InteractionKind.OpenHouse => "Open house",
        InteractionKind.Call => "Phone call",
        _ => kind.ToString(),
    };

    public static bool TryParse(string text, out InteractionKind kind)
    {
        var normalized = new string(text.Where(char.IsLetter).Select(char.ToLowerInvariant).ToArray());
        foreach (var k in Enum.GetValues<InteractionKind>())
        {
            if (new string(Label(k).Where(char.IsLetter).Select(char.ToLowerInvariant).ToArray()) == normalized || k.ToString().ToLowerInvariant() == normalized)
            {
                kind = k;
                return true;
            }
        }
        kind = normalized == "call" ? InteractionKind.Call : InteractionKind.Other;
        return normalized == "call";
    }
}
