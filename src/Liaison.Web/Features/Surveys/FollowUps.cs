using System.ComponentModel.DataAnnotations;
using Liaison.Web.Platform.Auth;
using Liaison.Web.Platform.Data;
using Liaison.Web.Platform.Modules;
using Liaison.Web.Platform.Time;
using Liaison.Web.Platform.Web;
using Microsoft.EntityFrameworkCore;

namespace Liaison.Web.Features.Surveys;

internal sealed class FollowUpInput : IVersionedInput
{
    public FollowUpStatus Status { get; set; }

    [Display(Name = "Contacted on")]
    public DateOnly? ContactedOn { get; set; }

    [Display(Name = "Action planned")]
    public string? ActionPlan { get; set; }

    [Display(Name = "Resolution")]
    public string? Resolution { get; set; }

    public int? Version { get; set; }

    public static FollowUpInput From(SurveyFollowUp f) => new()
    {
        Status = f.Status,
        ContactedOn = f.ContactedOn,
        ActionPlan = f.ActionPlan,
        Resolution = f.Resolution,
        Version = f.Version,
    };
}

internal sealed record FollowUpRow(int Id, int AgencyId, string Agency, string Respondent, string Wave, string LowAnswers, string? Owner,
    DateOnly FirstContactDueOn, FollowUpStatus Status, bool IsLate);

/// <summary>
/// Follow-ups of unhappy answers: the list (open ones first, late first), one with the response behind it, and moving it
/// through contacted, action planned and closed with its resolution. Seen and written by those who may see the agency's
/// named answers (its relationship managers, executives, administrators).
/// </summary>
internal sealed class ManageFollowUps(LiaisonDbContext db, AccessRule access, OrganisationClock clock)
{
    public bool MaySee => access.CanSeeUnpublishedSurveyResults;

    private IQueryable<SurveyFollowUp> Visible()
    {
        var all = db.SurveyFollowUps.AsNoTracking();
        return access.CanManageSurveys ? all : all.Where(f => access.AssignedAgencyIds.Contains(f.AgencyId));
    }

    public async Task<Result<IReadOnlyList<FollowUpRow>>> ListAsync(bool includeClosed, int? agencyId, CancellationToken ct)
    {
        if (!MaySee)
            return Result<IReadOnlyList<FollowUpRow>>.NotFound();
        var today = clock.Today;
        var query = Visible();
        if (!includeClosed)
            query = query.Where(f => f.Status != FollowUpStatus.Closed);
        if (agencyId is { } agency)
            query = query.Where(f => f.AgencyId == agency);
        var rows = await query.OrderBy(f => f.Status == FollowUpStatus.Closed).ThenBy(f => f.FirstContactDueOn).ThenBy(f => f.Id).Take(500)
            .Select(f => new FollowUpRow(f.Id, f.AgencyId, f.Agency!.Name, f.Recipient!.Person!.FirstName + " " + f.Recipient.Person.LastName,
                db.Set<SurveyWave>().Where(w => w.Id == f.WaveId).Select(w => w.Name).First(), f.LowAnswers,
                f.Owner == null ? null : f.Owner.FirstName + " " + f.Owner.LastName, f.FirstContactDueOn, f.Status,
                f.Status == FollowUpStatus.Open && f.FirstContactDueOn < today))
            .ToListAsync(ct);
        return Result<IReadOnlyList<FollowUpRow>>.Ok(rows);
    }

    public async Task<Result<(SurveyFollowUp FollowUp, string Wave, IReadOnlyList<(string Question, string Answer)> Answers)>> GetAsync(int id, CancellationToken ct)
    {
        if (!MaySee)
            return Result<(SurveyFollowUp, string, IReadOnlyList<(string, string)>)>.NotFound();
        var followUp = await Visible().Include(f => f.Agency).Include(f => f.Owner).Include(f => f.Recipient).ThenInclude(r => r!.Person)
            .FirstOrDefaultAsync(f => f.Id == id, ct);
        if (followUp is null)
            return Result<(SurveyFollowUp, string, IReadOnlyList<(string, string)>)>.NotFound();
        var wave = await db.SurveyWaves.Where(w => w.Id == followUp.WaveId).Select(w => w.Name).FirstAsync(ct);
        var answers = (await db.SurveyAnswers.AsNoTracking().Where(a => a.RecipientId == followUp.RecipientId)
            .OrderBy(a => a.Question!.Position).ThenBy(a => a.LineOfService!.Name)
            .Select(a => new { a.Question!.Text, Kind = a.Question.Kind, Line = a.LineOfService!.Name, a.Number, Answer = a.Text }).ToListAsync(ct))
            .Select(a => (a.Kind == QuestionKind.ServiceRating ? $"{a.Text} — {a.Line}" : a.Text,
                a.Kind switch
                {
                    QuestionKind.ServiceRating => $"{a.Number} of 5",
                    QuestionKind.Recommend => $"{a.Number} of 10",
                    QuestionKind.YesNo => a.Number == 1 ? "Yes" : "No",
                    _ => a.Answer ?? "",
                })).ToList();
        return Result<(SurveyFollowUp, string, IReadOnlyList<(string, string)>)>.Ok((followUp, wave, answers));
    }

    public async Task<Result<SurveyFollowUp>> UpdateAsync(int id, FollowUpInput input, CancellationToken ct)
    {
        if (!MaySee)
            return Result<SurveyFollowUp>.NotFound();
        var followUp = await db.SurveyFollowUps.FirstOrDefaultAsync(f => f.Id == id, ct);
        if (followUp is null || !await access.CanSeeNamedAnswersAsync(followUp.AgencyId, ct))
            return Result<SurveyFollowUp>.NotFound();
        var errors = new Dictionary<string, string[]>();
        if (!Enum.IsDefined(input.Status))
            errors[nameof(FollowUpInput.Status)] = ["Choose a status."];
        if (input.Status != FollowUpStatus.Open && input.ContactedOn is null)
            errors[nameof(FollowUpInput.ContactedOn)] = ["Enter the day you contacted them."];
        if (input.ContactedOn is { } contacted && (contacted > clock.Today || contacted.Year < 2000))
            errors[nameof(FollowUpInput.ContactedOn)] = ["The day of contact cannot be in the future."];
        if (input.Status == FollowUpStatus.ActionPlanned && string.IsNullOrWhiteSpace(input.ActionPlan))
            errors[nameof(FollowUpInput.ActionPlan)] = ["Describe the action planned."];
        if (input.Status == FollowUpStatus.Closed && string.IsNullOrWhiteSpace(input.Resolution))
            errors[nameof(FollowUpInput.Resolution)] = ["Write down how it was resolved."];
        if (input.ActionPlan is { Length: > 4000 })
            errors[nameof(FollowUpInput.ActionPlan)] = ["At most 4,000 characters."];
        if (input.Resolution is { Length: > 4000 })
            errors[nameof(FollowUpInput.Resolution)] = ["At most 4,000 characters."];
        if (errors.Count > 0)
            return Result<SurveyFollowUp>.Invalid(errors);
        return await Edits.SaveAsync(db, followUp, input.Version ?? 0, input, FollowUpInput.From, f =>
        {
            f.Status = input.Status;
            f.ContactedOn = input.ContactedOn;
            f.ActionPlan = InputRules.Printable(input.ActionPlan)?.Trim() is { Length: > 0 } plan ? plan : null;
            f.Resolution = InputRules.Printable(input.Resolution)?.Trim() is { Length: > 0 } resolution ? resolution : null;
            f.ClosedOn = input.Status == FollowUpStatus.Closed ? f.ClosedOn ?? clock.Today : null;
        }, nameof(SurveyFollowUp), id, ct);
    }
}

/// <summary>My work: the follow-ups the user owns (or of the agencies they manage) that are not closed, late first.</summary>
internal sealed class FollowUpsDueSource(LiaisonDbContext db) : IMyWorkSource
{
    public string Key => "survey-follow-ups";
    public string Section => "Survey follow-ups";
    public int Order => 55;
    public string Empty => "No unhappy survey answers are waiting for you.";

    public async Task<MyWorkPart> ItemsAsync(MyWorkScope scope, int limit, CancellationToken ct)
    {
        var query = db.SurveyFollowUps.AsNoTracking().Where(f => f.Status != FollowUpStatus.Closed)
            .Where(f => (scope.PersonId != null && f.OwnerPersonId == scope.PersonId) || scope.AgencyIds.Contains(f.AgencyId));
        var total = await query.CountAsync(ct);
        if (total == 0)
            return MyWorkPart.None;
        var rows = await query.OrderBy(f => f.FirstContactDueOn).ThenBy(f => f.Id).Take(limit)
            .Select(f => new { f.Id, f.Status, f.FirstContactDueOn, Agency = f.Agency!.Name, Who = f.Recipient!.Person!.FirstName + " " + f.Recipient.Person.LastName })
            .ToListAsync(ct);
        var items = rows.Select(f => new MyWorkItem($"Follow up with {f.Who}",
            f.Status == FollowUpStatus.Open ? $"First contact due {f.FirstContactDueOn:d MMM}" : FollowUpText.Status(f.Status),
            $"/Surveys/FollowUps/{f.Id}",
            f.Status == FollowUpStatus.Open && f.FirstContactDueOn < scope.Today ? Urgency.Late : f.Status == FollowUpStatus.Open ? Urgency.Due : Urgency.Upcoming,
            f.FirstContactDueOn, f.Agency)).ToList();
        return new MyWorkPart(items, total);
    }
}

internal static class FollowUpText
{
    public static string Status(FollowUpStatus s) => s switch
    {
        FollowUpStatus.Open => "Not contacted yet",
        FollowUpStatus.Contacted => "Contacted",
        FollowUpStatus.ActionPlanned => "Action planned",
        _ => "Closed",
    };
}

/// <summary>My work: invitations to an open wave that bounced, for the agencies the user manages: pick another contact.</summary>
internal sealed class BouncedInvitationsSource(LiaisonDbContext db) : IMyWorkSource
{
    public string Key => "survey-bounces";
    public string Section => "Survey invitations that bounced";
    public int Order => 56;
    public string Empty => "No survey invitation has bounced.";

    public async Task<MyWorkPart> ItemsAsync(MyWorkScope scope, int limit, CancellationToken ct)
    {
        var query = db.SurveyRecipients.AsNoTracking()
            .Where(r => r.BouncedAt != null && r.SubmittedAt == null && r.Wave!.Status == WaveStatus.Open && r.Wave.ClosesOn >= scope.Today)
            .Where(r => scope.AgencyIds.Contains(r.AgencyId));
        var total = await query.CountAsync(ct);
        if (total == 0)
            return MyWorkPart.None;
        var rows = await query.OrderBy(r => r.Wave!.ClosesOn).ThenBy(r => r.Id).Take(limit)
            .Select(r => new { r.WaveId, Wave = r.Wave!.Name, r.Wave.ClosesOn, Agency = r.Agency!.Name, Who = r.Person!.FirstName + " " + r.Person.LastName, r.Email })
            .ToListAsync(ct);
        var items = rows.Select(r => new MyWorkItem($"{r.Who}'s invitation bounced", $"{r.Wave}: {r.Email} is wrong; add another contact before {r.ClosesOn:d MMM}",
            $"/Surveys/Waves/{r.WaveId}", Urgency.Due, r.ClosesOn, r.Agency)).ToList();
        return new MyWorkPart(items, total);
    }
}
