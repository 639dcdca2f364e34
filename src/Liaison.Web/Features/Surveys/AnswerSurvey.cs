using Liaison.Web.Features.Administration.Settings;
using Liaison.Web.Features.Relationships.Contracts;
using Liaison.Web.Platform.Data;
using Liaison.Web.Platform.Notifications;
using Liaison.Web.Platform.Time;
using Liaison.Web.Platform.Web;
using Microsoft.EntityFrameworkCore;

namespace Liaison.Web.Features.Surveys;

internal enum LinkState
{
    /// <summary>No such link (mistyped, guessed): the page says the link is not valid, nothing more.</summary>
    Unknown,

    /// <summary>The wave has not opened yet.</summary>
    NotYetOpen,
    Open,

    /// <summary>Answered: thanks, and what they said.</summary>
    Submitted,

    /// <summary>The wave has closed: the page says so politely.</summary>
    Closed,
}

/// <summary>A line of service the recipient's agency consumes, rated by a service-rating question.</summary>
internal sealed record RatedLine(int Id, string Name);

/// <summary>What the public form shows: the survey, the recipient's saved answers, and whether answers are accepted.</summary>
internal sealed record SurveyForm(LinkState State, string? Wave, string? Agency, string? FirstName, string? Introduction, DateOnly? ClosesOn,
    IReadOnlyList<SurveyQuestion> Questions, IReadOnlyList<RatedLine> Lines, IReadOnlyDictionary<string, string> Answers, int RecipientId)
{
    public static SurveyForm Of(LinkState state) => new(state, null, null, null, null, null, [], [], new Dictionary<string, string>(), 0);

    /// <summary>The form field of a question (and line of service): "12" or "12-5".</summary>
    public static string Key(int questionId, int? lineId = null) => lineId is { } l ? $"{questionId}-{l}" : questionId.ToString(System.Globalization.CultureInfo.InvariantCulture);
}

/// <summary>
/// The public form behind a personal link: no sign-in, the link is the key (only its hash is stored), it opens that
/// recipient's survey and nothing else. Answers are saved as they go and submitted once; a submitted response with a low
/// rating or a detractor's recommendation opens its follow-up.
/// </summary>
internal sealed class AnswerSurvey(LiaisonDbContext db, OrganisationClock clock, SiteSettings settings)
{
    public const int MaxFields = 400;

    private async Task<SurveyRecipient?> RecipientAsync(string? token, CancellationToken ct)
    {
        if (!SurveyTokens.LooksLikeToken(token))
            return null;
        var hash = SurveyTokens.Hash(token!);
        var recipientId = await db.SurveyLinks.AsNoTracking().Where(l => l.TokenHash == hash).Select(l => (int?)l.RecipientId).FirstOrDefaultAsync(ct);
        return recipientId is { } id ? await RecipientAsync(id, ct) : null;
    }

    /// <summary>The recipient with their wave, template, agency and answers (whoever asks has been checked: by the link, or as the person).</summary>
    private Task<SurveyRecipient?> RecipientAsync(int id, CancellationToken ct) =>
        db.SurveyRecipients.IgnoreQueryFilters().Include(r => r.Wave).ThenInclude(w => w!.Template).ThenInclude(t => t!.Questions)
            .Include(r => r.Person).Include(r => r.Agency).Include(r => r.Answers).AsSplitQuery().FirstOrDefaultAsync(r => r.Id == id, ct);

    /// <summary>The form of a recipient the caller has shown to be (a signed-in person's own response).</summary>
    public async Task<SurveyForm> ReadAsync(int recipientId, CancellationToken ct) =>
        await RecipientAsync(recipientId, ct) is { } r ? await FormAsync(r, StateOf(r, clock.Today), ct) : SurveyForm.Of(LinkState.Unknown);

    /// <summary>Saves a signed-in person's own answers (see <see cref="SaveAsync(string?, IReadOnlyDictionary{string, string?}, bool, CancellationToken)"/>).</summary>
    public async Task<Result<SurveyForm>> SaveAsync(int recipientId, IReadOnlyDictionary<string, string?> given, bool submit, CancellationToken ct) =>
        await RecipientAsync(recipientId, ct) is { } r ? await SaveAsync(r, given, submit, ct) : Result<SurveyForm>.NotFound();

    private static LinkState StateOf(SurveyRecipient r, DateOnly today) =>
        r.SubmittedAt is not null ? LinkState.Submitted
        : r.Wave!.IsOverOn(today) ? LinkState.Closed
        : r.Wave.Status != WaveStatus.Open || today < r.Wave.OpensOn ? LinkState.NotYetOpen
        : LinkState.Open;

    public async Task<SurveyForm> ReadAsync(string? token, CancellationToken ct)
    {
        var r = await RecipientAsync(token, ct);
        if (r is null)
            return SurveyForm.Of(LinkState.Unknown);
        return await FormAsync(r, StateOf(r, clock.Today), ct);
    }

    private async Task<SurveyForm> FormAsync(SurveyRecipient r, LinkState state, CancellationToken ct)
    {
        var lines = await LinesAsync(r.AgencyId, ct);
        var answers = r.Answers.ToDictionary(a => SurveyForm.Key(a.QuestionId, a.LineOfServiceId),
            a => a.Number?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? a.Text ?? "");
        return new SurveyForm(state, r.Wave!.Name, r.Agency!.Name, r.Person?.FirstName, r.Wave.Template!.Introduction, r.Wave.ClosesOn,
            r.Wave.Template.Questions.OrderBy(q => q.Position).ToList(), lines, answers, r.Id);
    }

    private async Task<List<RatedLine>> LinesAsync(int agencyId, CancellationToken ct) =>
        await db.Agencies.IgnoreQueryFilters().Where(a => a.Id == agencyId).SelectMany(a => a.LinesOfService)
            .Where(l => l.LineOfService!.IsActive).OrderBy(l => l.LineOfService!.Name)
            .Select(l => new RatedLine(l.LineOfServiceId, l.LineOfService!.Name)).ToListAsync(ct);

    /// <summary>
    /// Saves the answers given (<paramref name="submit"/> also submits, once every required question is answered). An
    /// answer out of range is refused with the question's message, and nothing of that save is kept.
    /// </summary>
    public async Task<Result<SurveyForm>> SaveAsync(string? token, IReadOnlyDictionary<string, string?> given, bool submit, CancellationToken ct) =>
        await RecipientAsync(token, ct) is { } r ? await SaveAsync(r, given, submit, ct) : Result<SurveyForm>.NotFound();

    private async Task<Result<SurveyForm>> SaveAsync(SurveyRecipient r, IReadOnlyDictionary<string, string?> given, bool submit, CancellationToken ct)
    {
        var state = StateOf(r, clock.Today);
        if (state != LinkState.Open)
            return Result<SurveyForm>.Ok(await FormAsync(r, state, ct));
        if (given.Count > MaxFields)
            return Result<SurveyForm>.Invalid("", "The form sent more answers than the survey has questions.");
        var lines = await LinesAsync(r.AgencyId, ct);
        var questions = r.Wave!.Template!.Questions.OrderBy(q => q.Position).ToList();
        var errors = new Dictionary<string, string[]>();
        var answers = new List<SurveyAnswer>();
        foreach (var q in questions)
        {
            var keys = q.Kind == QuestionKind.ServiceRating ? lines.Select(l => (Key: SurveyForm.Key(q.Id, l.Id), Line: (int?)l.Id)).ToList() : [(SurveyForm.Key(q.Id), null)];
            var answeredAny = false;
            foreach (var (key, line) in keys)
            {
                var value = InputRules.Printable(given.GetValueOrDefault(key))?.Trim();
                if (string.IsNullOrEmpty(value))
                    continue;
                answeredAny = true;
                var answer = new SurveyAnswer { RecipientId = r.Id, WaveId = r.WaveId, AgencyId = r.AgencyId, QuestionId = q.Id, Kind = q.Kind, LineOfServiceId = line, Submitted = submit };
                switch (q.Kind)
                {
                    case QuestionKind.ServiceRating:
                        if (Number(value, 1, 5) is { } rating)
                            answer.Number = rating;
                        else
                            errors[key] = ["Choose a rating from 1 to 5."];
                        break;
                    case QuestionKind.Recommend:
                        if (Number(value, 0, 10) is { } likely)
                            answer.Number = likely;
                        else
                            errors[key] = ["Choose a number from 0 to 10."];
                        break;
                    case QuestionKind.YesNo:
                        if (value is "yes" or "no")
                            answer.Number = value == "yes" ? 1 : 0;
                        else
                            errors[key] = ["Choose yes or no."];
                        break;
                    case QuestionKind.Choice:
                        if (q.ChoiceList.FirstOrDefault(c => string.Equals(c, value, StringComparison.Ordinal)) is { } choice)
                            answer.Text = choice;
                        else
                            errors[key] = ["Choose one of the answers listed."];
                        break;
                    default:
                        if (value.Length > 4000)
                            errors[key] = ["Your answer is longer than 4,000 characters; please shorten it."];
                        else
                            answer.Text = value;
                        break;
                }
                answers.Add(answer);
            }
            // A required question must be answered to submit: a service rating for every line of service (each one left
            // out is marked), anything else once.
            if (submit && q.IsRequired)
            {
                if (q.Kind == QuestionKind.ServiceRating)
                {
                    foreach (var (key, _) in keys.Where(k => string.IsNullOrWhiteSpace(given.GetValueOrDefault(k.Key)) && !errors.ContainsKey(k.Key)))
                        errors[key] = ["Rate each service, please."];
                }
                else if (!answeredAny)
                {
                    errors[SurveyForm.Key(q.Id)] = ["Please answer this question."];
                }
            }
        }
        if (errors.Count > 0)
            return Result<SurveyForm>.Invalid(errors);
        db.SurveyAnswers.RemoveRange(r.Answers);
        r.Answers.Clear();
        r.Answers.AddRange(answers);
        r.StartedAt ??= clock.UtcNow;
        if (submit)
        {
            r.SubmittedAt = clock.UtcNow;
            await OpenFollowUpAsync(r, questions, lines, answers, ct);
        }
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            // The same link saved in another tab at the same moment: that save stands; this one is shown what it kept.
            db.ChangeTracker.Clear();
            var again = await RecipientAsync(r.Id, ct);
            return Result<SurveyForm>.Ok(await FormAsync(again!, StateOf(again!, clock.Today), ct));
        }
        return Result<SurveyForm>.Ok(await FormAsync(r, submit ? LinkState.Submitted : LinkState.Open, ct));
    }

    private static int? Number(string value, int min, int max) =>
        int.TryParse(value, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n) && n >= min && n <= max ? n : null;

    /// <summary>A rating of 2 or less, or a recommendation of 6 or less, opens one follow-up listing each low answer.</summary>
    private async Task OpenFollowUpAsync(SurveyRecipient r, IReadOnlyList<SurveyQuestion> questions, IReadOnlyList<RatedLine> lines,
        IReadOnlyList<SurveyAnswer> answers, CancellationToken ct)
    {
        var low = LowAnswers(questions, lines, answers);
        if (low.Count == 0)
            return;
        var site = await settings.GetAsync(ct);
        var owner = await db.PrimaryPersonOfAnyAgencyAsync(r.AgencyId, ct);
        var followUp = new SurveyFollowUp
        {
            RecipientId = r.Id,
            WaveId = r.WaveId,
            AgencyId = r.AgencyId,
            OwnerPersonId = owner,
            LowAnswers = string.Join('\n', low),
            FirstContactDueOn = site.AddBusinessDays(clock.Today, SurveyRules.FirstContactBusinessDays),
            Status = FollowUpStatus.Open,
        };
        db.SurveyFollowUps.Add(followUp);
        if (owner is { } person && (await db.RecipientsAsync([person], ct)).TryGetValue(person, out var to))
        {
            var who = r.Person?.FullName ?? "A recipient";
            db.Notify(to, "survey-follow-up", () => $"{who} ({r.Agency?.Name}) gave low scores in {r.Wave!.Name}: contact them by {followUp.FirstContactDueOn:d MMM}",
                () => $"/Surveys/FollowUps/{followUp.Id}");
        }
    }

    internal static List<string> LowAnswers(IReadOnlyList<SurveyQuestion> questions, IReadOnlyList<RatedLine> lines, IEnumerable<SurveyAnswer> answers)
    {
        var kinds = questions.ToDictionary(q => q.Id);
        var names = lines.ToDictionary(l => l.Id, l => l.Name);
        var low = new List<string>();
        foreach (var a in answers.OrderBy(a => kinds.TryGetValue(a.QuestionId, out var q) ? q.Position : 0))
        {
            if (!kinds.TryGetValue(a.QuestionId, out var q) || a.Number is not { } n)
                continue;
            if (q.Kind == QuestionKind.ServiceRating && n <= SurveyRules.LowRating)
                low.Add($"{(a.LineOfServiceId is { } l && names.TryGetValue(l, out var name) ? name : "A service")}: rated {n} of 5");
            else if (q.Kind == QuestionKind.Recommend && n <= SurveyRules.LowRecommendation)
                low.Add($"Likely to recommend: {n} of 10");
        }
        return low;
    }

    /// <summary>Opts the link's person out of future assessments (they stay a recipient of this one, unreminded).</summary>
    public async Task<bool> OptOutAsync(string? token, CancellationToken ct)
    {
        var r = await RecipientAsync(token, ct);
        if (r is null)
            return false;
        if (!await db.SurveyOptOuts.AnyAsync(o => o.PersonId == r.PersonId, ct))
        {
            db.SurveyOptOuts.Add(new SurveyOptOut { PersonId = r.PersonId, OptedOutAt = clock.UtcNow });
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateException)
            {
                db.ChangeTracker.Clear(); // opted out twice at once: once is enough
            }
        }
        return true;
    }
}
