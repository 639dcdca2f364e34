using System.ComponentModel.DataAnnotations;
using FluentValidation;
using Liaison.Web.Platform.Time;
using Liaison.Web.Platform.Web;
using Microsoft.EntityFrameworkCore;

namespace Liaison.Web.Features.Relationships.Meetings;

internal sealed class MeetingInput : IVersionedInput
{
    [Display(Name = "Title")]
    public string Title { get; set => field = value ?? ""; } = "";

    [Display(Name = "Kind")]
    public MeetingKind Kind { get; set; } = MeetingKind.MonthlyProgram;

    /// <summary>Local time of the organisation.</summary>
    [Display(Name = "Starts")]
    public DateTime? StartsAt { get; set; }

    [Display(Name = "Ends")]
    public DateTime? EndsAt { get; set; }

    [Display(Name = "Location or link")]
    public string? Location { get; set; }

    [Display(Name = "Agencies")]
    [MaxItems(500)]
    public List<int> AgencyIds { get; set => field = value ?? []; } = [];

    [Display(Name = "Attendees")]
    [MaxItems(500)]
    public List<int> AttendeeIds { get; set => field = value ?? []; } = [];

    /// <summary>One agenda item per line.</summary>
    [DataType(DataType.MultilineText)]
    [Display(Name = "Agenda")]
    public string? Agenda { get; set; }

    [Display(Name = "Status")]
    public MeetingStatus Status { get; set; } = MeetingStatus.Planned;

    [Display(Name = "Who attended")]
    [MaxItems(500)]
    public List<int> AttendedIds { get; set => field = value ?? []; } = [];

    [DataType(DataType.MultilineText)]
    [Display(Name = "Minutes")]
    public string? Minutes { get; set; }

    [DataType(DataType.MultilineText)]
    [Display(Name = "Decisions")]
    public string? Decisions { get; set; }

    public int? Version { get; set; }

    public static MeetingInput From(Meeting m, OrganisationClock time) => new()
    {
        Title = m.Title,
        Kind = m.Kind,
        StartsAt = time.ToLocal(m.StartsAt),
        EndsAt = time.ToLocal(m.EndsAt),
        Location = m.Location,
        AgencyIds = m.Agencies.Select(a => a.AgencyId).Order().ToList(),
        AttendeeIds = m.Attendees.Select(a => a.PersonId).Order().ToList(),
        AttendedIds = m.Attendees.Where(a => a.Attended).Select(a => a.PersonId).Order().ToList(),
        Agenda = string.Join("\n", m.AgendaItems.OrderBy(a => a.Position).Select(a => a.Text)),
        Status = m.Status,
        Minutes = m.Minutes,
        Decisions = m.Decisions,
        Version = m.Version,
    };

    [MaxItems(100, Field = nameof(Agenda))]
    public IReadOnlyList<string> AgendaLines => (Agenda ?? "").Split('\n').Select(l => l.Trim().TrimStart('-', '*', '•').Trim()).Where(l => l.Length > 0).ToList();
}

internal sealed class MeetingInputValidator : AbstractValidator<MeetingInput>
{
    public static readonly MeetingInputValidator Instance = new();

    public MeetingInputValidator()
    {
        RuleFor(m => m.Title).NotEmpty().WithMessage("Enter the meeting's title.").MaximumLength(200);
        RuleFor(m => m.Kind).IsInEnum();
        RuleFor(m => m.StartsAt).NotNull().WithMessage("Enter when the meeting starts.");
        RuleFor(m => m.EndsAt).NotNull().WithMessage("Enter when the meeting ends.")
            .GreaterThan(m => m.StartsAt).When(m => m.StartsAt is not null).WithMessage("The meeting must end after it starts.");
        RuleFor(m => m.AgencyIds).NotEmpty().WithMessage("Choose the agency or agencies the meeting is with.");
        RuleFor(m => m.Location).MaximumLength(300);
        RuleFor(m => m.Agenda).MaximumLength(20000);
        RuleForEach(m => m.AgendaLines).MaximumLength(1000).OverridePropertyName(nameof(MeetingInput.Agenda));
        RuleFor(m => m.Minutes).MaximumLength(20000);
        RuleFor(m => m.Decisions).MaximumLength(8000);
    }
}

internal static class MeetingKinds
{
    public static string Label(MeetingKind kind) => kind switch
    {
        MeetingKind.SteeringCommittee => "Steering committee",
        MeetingKind.MonthlyProgram => "Monthly program meeting",
        MeetingKind.WeeklyProject => "Weekly project meeting",
        MeetingKind.HelpDeskLive => "Help desk live",
        MeetingKind.OpenHouse => "Open house",
        _ => "Other",
    };
}
