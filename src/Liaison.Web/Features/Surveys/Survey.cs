using System.Linq.Expressions;
using Liaison.Web.Features.Directory.Agencies;
using Liaison.Web.Features.Directory.LinesOfService;
using Liaison.Web.Features.Directory.People;
using Liaison.Web.Platform.Auditing;
using Liaison.Web.Platform.Data;
using Liaison.Web.Platform.Modules;

namespace Liaison.Web.Features.Surveys;

internal enum QuestionKind
{
    /// <summary>A 1–5 rating of each line of service the recipient's agency consumes.</summary>
    ServiceRating,

    /// <summary>How likely, 0–10, the recipient is to recommend the provider: the Net Promoter Score's question.</summary>
    Recommend,

    /// <summary>Free text.</summary>
    Text,

    YesNo,

    /// <summary>One of the question's choices.</summary>
    Choice,
}

/// <summary>
/// A survey's questions. A template a wave has been sent with is kept as it was (<see cref="TemplateView.IsInUse"/>): to change it, copy
/// it, so every wave keeps the version it went out with.
/// </summary>
[AgencyHealthNeutral]
internal sealed class SurveyTemplate : IVersioned, ITimestamped
{
    public int Id { get; set; }
    public string Name { get; set; } = "";

    /// <summary>What the recipient reads above the questions.</summary>
    public string? Introduction { get; set; }

    /// <summary>The template this one was copied from, if any.</summary>
    public int? CopiedFromId { get; set; }

    /// <summary>The template the scheduled service assessment uses (one at most).</summary>
    public bool IsScheduledAssessment { get; set; }

    public List<SurveyQuestion> Questions { get; } = [];
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
    public int Version { get; set; }
}

[AgencyHealthNeutral]
internal sealed class SurveyQuestion : IAuditedAsPartOf
{
    public int Id { get; set; }
    public int TemplateId { get; set; }
    public int Position { get; set; }
    public QuestionKind Kind { get; set; }
    public string Text { get; set; } = "";

    /// <summary>For a choice: the choices, one per line.</summary>
    public string? Choices { get; set; }

    public bool IsRequired { get; set; }

    public IReadOnlyList<string> ChoiceList => (Choices ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    public (string RecordType, string RecordId, string Field) AuditTarget =>
        (nameof(SurveyTemplate), TemplateId.ToString(System.Globalization.CultureInfo.InvariantCulture), "Question " + Position);

    public Task<string> DescribeAsync(LiaisonDbContext db, CancellationToken ct) => Task.FromResult($"{Kind}: {Text}");
}

internal enum WaveStatus
{
    /// <summary>Being prepared: recipients can be changed; nothing has been sent.</summary>
    Draft,

    /// <summary>Ready: the invitations go out on the opening date (a scheduled assessment starts here).</summary>
    Scheduled,

    /// <summary>Invitations sent; answers accepted until the closing date.</summary>
    Open,

    /// <summary>No more answers; the results are final.</summary>
    Closed,
}

/// <summary>One sending of a survey to its recipients, between an opening and a closing date.</summary>
internal sealed class SurveyWave : IVersioned, ITimestamped
{
    public int Id { get; set; }
    public string Name { get; set; } = "";
    public int TemplateId { get; set; }
    public SurveyTemplate? Template { get; set; }
    public DateOnly OpensOn { get; set; }
    public DateOnly ClosesOn { get; set; }
    public WaveStatus Status { get; set; }

    /// <summary>For a wave the schedule created, its month ("2027-01"): unique, so two instances create it once.</summary>
    public string? ScheduleKey { get; set; }

    public DateTime? InvitedAt { get; set; }
    public DateTime? ClosedAt { get; set; }

    /// <summary>The aggregated results are shown to all of the provider's staff.</summary>
    public bool PublishedToStaff { get; set; }

    /// <summary>Each agency's users see their own agency's aggregated results.</summary>
    public bool PublishedToAgencies { get; set; }

    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
    public int Version { get; set; }

    /// <summary>Whether answers are accepted on <paramref name="today"/>: sent, not closed, within its dates.</summary>
    public bool AcceptsAnswersOn(DateOnly today) => Status == WaveStatus.Open && today >= OpensOn && today <= ClosesOn;

    /// <summary>Whether the wave is over for its recipients (closed, or past its closing date though the job has not run yet).</summary>
    public bool IsOverOn(DateOnly today) => Status == WaveStatus.Closed || (Status == WaveStatus.Open && today > ClosesOn);
}

/// <summary>
/// A person a wave goes to, with their personal link (only its SHA-256 is kept), what was sent to them, and their answers.
/// Confidential, not anonymous: the agency's relationship managers, executives and administrators see who answered what.
/// </summary>
internal sealed class SurveyRecipient : IVersioned, IAgencyOwned<SurveyRecipient>
{
    public int Id { get; set; }
    public int WaveId { get; set; }
    public SurveyWave? Wave { get; set; }
    public int AgencyId { get; set; }
    public Agency? Agency { get; set; }
    public int PersonId { get; set; }
    public Person? Person { get; set; }

    /// <summary>The address the invitation went to (the directory's at the time).</summary>
    public string Email { get; set; } = "";

    public DateTime? InvitedAt { get; set; }
    public int RemindersSent { get; set; }
    public DateTime? LastRemindedAt { get; set; }
    public DateTime? BouncedAt { get; set; }
    public string? BounceReason { get; set; }

    /// <summary>When the recipient first saved an answer.</summary>
    public DateTime? StartedAt { get; set; }
    public DateTime? SubmittedAt { get; set; }
    public int Version { get; set; }

    public List<SurveyAnswer> Answers { get; } = [];

    public static Expression<Func<SurveyRecipient, int?>> OwningAgency => r => r.AgencyId;
}

/// <summary>
/// A personal link: the SHA-256 of its secret (hex); the secret itself is only in the email. Each email (the invitation,
/// each reminder) carries a fresh one, and every one of them works until the wave closes.
/// </summary>
[NotAudited]
[AgencyHealthNeutral]
internal sealed class SurveyLink
{
    public long Id { get; set; }
    public int RecipientId { get; set; }
    public string TokenHash { get; set; } = "";
    public DateTime IssuedAt { get; set; }
}

/// <summary>A reminder that went to a recipient: when, which one of the wave, and whether someone sent it by hand.</summary>
[NotAudited]
[AgencyHealthNeutral]
internal sealed class SurveyReminder
{
    public long Id { get; set; }
    public int RecipientId { get; set; }
    public int Number { get; set; }
    public DateTime SentAt { get; set; }
    public bool ByHand { get; set; }
}

/// <summary>
/// One answer: a rating of one line of service, a recommendation, text, yes or no, or a choice. The wave and agency are
/// copied from the recipient so results are counted from this table alone.
/// </summary>
[NotAudited]
internal sealed class SurveyAnswer : IAgencyOwned<SurveyAnswer>
{
    public long Id { get; set; }
    public int RecipientId { get; set; }
    public int WaveId { get; set; }
    public int AgencyId { get; set; }
    public int QuestionId { get; set; }
    public SurveyQuestion? Question { get; set; }

    /// <summary>The question's kind, copied so results read this table alone.</summary>
    public QuestionKind Kind { get; set; }

    /// <summary>Whether the response was submitted: what results count (answers saved along the way are not).</summary>
    public bool Submitted { get; set; }

    /// <summary>For a service rating, the line of service rated.</summary>
    public int? LineOfServiceId { get; set; }
    public LineOfService? LineOfService { get; set; }

    /// <summary>A rating (1–5), a recommendation (0–10), or yes (1) / no (0).</summary>
    public int? Number { get; set; }

    /// <summary>Free text, or the choice made.</summary>
    public string? Text { get; set; }

    public static Expression<Func<SurveyAnswer, int?>> OwningAgency => a => a.AgencyId;
}

/// <summary>Someone who asked to receive no more service assessments: left out of every wave's default recipients.</summary>
[AgencyHealthNeutral]
internal sealed class SurveyOptOut
{
    public int PersonId { get; set; }
    public DateTime OptedOutAt { get; set; }
}

internal enum FollowUpStatus
{
    Open,
    Contacted,
    ActionPlanned,
    Closed,
}

/// <summary>
/// Closing the loop on an unhappy answer: a response with a rating of 2 or less or a recommendation of 6 or less opens
/// one, owned by the agency's relationship manager, first contact due within two business days.
/// </summary>
internal sealed class SurveyFollowUp : IVersioned, ITimestamped, IAgencyOwned<SurveyFollowUp>
{
    public int Id { get; set; }
    public int RecipientId { get; set; }
    public SurveyRecipient? Recipient { get; set; }
    public int WaveId { get; set; }
    public int AgencyId { get; set; }
    public Agency? Agency { get; set; }
    public int? OwnerPersonId { get; set; }
    public Person? Owner { get; set; }

    /// <summary>Each low answer, one per line ("Network: 2", "Likely to recommend: 5").</summary>
    public string LowAnswers { get; set; } = "";

    public DateOnly FirstContactDueOn { get; set; }
    public FollowUpStatus Status { get; set; }
    public DateOnly? ContactedOn { get; set; }
    public string? ActionPlan { get; set; }
    public DateOnly? ClosedOn { get; set; }
    public string? Resolution { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
    public int Version { get; set; }

    public static Expression<Func<SurveyFollowUp, int?>> OwningAgency => f => f.AgencyId;

    /// <summary>Late: no contact yet and the due day has passed.</summary>
    public bool IsLateOn(DateOnly today) => Status == FollowUpStatus.Open && FirstContactDueOn < today;
}
