using Liaison.Web.Platform.ImportExport;
using Liaison.Web.Platform.Web;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Liaison.Web.Features.Surveys;

internal sealed record QuestionDto(int Id, int Position, QuestionKind Kind, string Text, IReadOnlyList<string> Choices, bool IsRequired);

internal sealed record TemplateDto(int Id, string Name, string? Introduction, int? CopiedFromId, bool IsScheduledAssessment, bool IsInUse,
    IReadOnlyList<QuestionDto> Questions, int Version)
{
    public static TemplateDto From(TemplateView v) => new(v.Template.Id, v.Template.Name, v.Template.Introduction, v.Template.CopiedFromId,
        v.Template.IsScheduledAssessment, v.IsInUse,
        v.Template.Questions.OrderBy(q => q.Position).Select(q => new QuestionDto(q.Id, q.Position, q.Kind, q.Text, q.ChoiceList, q.IsRequired)).ToList(),
        v.Template.Version);
}

internal sealed record WaveDto(int Id, string Name, int TemplateId, string Template, DateOnly OpensOn, DateOnly ClosesOn, WaveStatus Status, string? ScheduleKey,
    bool PublishedToStaff, bool PublishedToAgencies, int Answered, IReadOnlyList<RecipientRow> Recipients, int Version)
{
    public static WaveDto From(WaveView v) => new(v.Wave.Id, v.Wave.Name, v.Wave.TemplateId, v.Template, v.Wave.OpensOn, v.Wave.ClosesOn, v.Wave.Status,
        v.Wave.ScheduleKey, v.Wave.PublishedToStaff, v.Wave.PublishedToAgencies, v.Answered, v.Recipients, v.Wave.Version);
}

internal sealed record RecipientInput(int? PersonId);

/// <summary>A question as the form asks it; a service rating is asked of each line of service listed.</summary>
internal sealed record FormQuestionDto(int Id, QuestionKind Kind, string Text, IReadOnlyList<string> Choices, bool IsRequired);

/// <summary>
/// A person's survey: its state, questions, the lines of service to rate, and the answers saved so far, keyed as the
/// answers are sent back: "questionId" or, for a service rating, "questionId-lineOfServiceId" (ratings and
/// recommendations as numbers, yes/no as "yes" or "no", a choice as its text).
/// </summary>
internal sealed record SurveyFormDto(LinkState State, string? Wave, string? Agency, string? Introduction, DateOnly? ClosesOn,
    IReadOnlyList<FormQuestionDto> Questions, IReadOnlyList<RatedLine> Lines, IReadOnlyDictionary<string, string> Answers)
{
    public static SurveyFormDto From(SurveyForm f) => new(f.State, f.Wave, f.Agency, f.Introduction, f.ClosesOn,
        f.Questions.Select(q => new FormQuestionDto(q.Id, q.Kind, q.Text, q.ChoiceList, q.IsRequired)).ToList(), f.Lines,
        f.Answers.ToDictionary(a => a.Key, a => a.Key.Contains('-', StringComparison.Ordinal) || f.Questions.FirstOrDefault(q => q.Id.ToString(System.Globalization.CultureInfo.InvariantCulture) == a.Key)?.Kind != QuestionKind.YesNo
            ? a.Value : a.Value == "1" ? "yes" : "no"));
}

/// <summary>Answers to save (all of them, as the form sends them); <see cref="Submit"/> also submits, once.</summary>
internal sealed record AnswersInput(Dictionary<string, string?>? Answers, bool Submit);

internal sealed record BounceInput(string? Reason);

internal sealed record PublishInput(bool ToStaff, bool ToAgencies);

internal sealed record Sent(int Count);

internal sealed record FollowUpAnswer(string Question, string Answer);

internal sealed record FollowUpDto(int Id, int AgencyId, string? Agency, string? Respondent, string Wave, string LowAnswers, int? OwnerPersonId, string? Owner,
    DateOnly FirstContactDueOn, FollowUpStatus Status, DateOnly? ContactedOn, string? ActionPlan, DateOnly? ClosedOn, string? Resolution,
    IReadOnlyList<FollowUpAnswer> Answers, int Version)
{
    public static FollowUpDto From((SurveyFollowUp F, string Wave, IReadOnlyList<(string Question, string Answer)> Answers) v) =>
        new(v.F.Id, v.F.AgencyId, v.F.Agency?.Name, v.F.Recipient?.Person?.FullName, v.Wave, v.F.LowAnswers, v.F.OwnerPersonId, v.F.Owner?.FullName,
            v.F.FirstContactDueOn, v.F.Status, v.F.ContactedOn, v.F.ActionPlan, v.F.ClosedOn, v.F.Resolution,
            v.Answers.Select(a => new FollowUpAnswer(a.Question, a.Answer)).ToList(), v.F.Version);
}

internal static class SurveysApi
{
    public static RouteGroupBuilder MapSurveysApi(this RouteGroupBuilder api)
    {
        var surveys = api.MapGroup("/surveys").WithTags("Surveys");
        surveys.MapGet("/templates", ListTemplatesAsync).WithSummary("The survey templates (the Partner Agency Service Assessment is seeded)");
        surveys.MapGet("/templates/{id:int}", GetTemplateAsync).WithSummary("One template with its questions; IsInUse when a wave keeps it as sent");
        surveys.MapPost("/templates/{id:int}/copy", CopyTemplateAsync).WithSummary("Copy a template with its questions (administrators and executives)");
        surveys.MapPut("/templates/{id:int}", UpdateTemplateAsync)
            .WithSummary("Change a template's name, introduction and questions (replaced as given); refused once a wave uses it: copy it instead");

        surveys.MapGet("/waves", ListWavesAsync).WithSummary("The waves, newest first, with their response counts");
        surveys.MapGet("/waves/{id:int}", GetWaveAsync).WithSummary("One wave with its recipients (invited, reminded, bounced, answered)");
        surveys.MapPost("/waves", CreateWaveAsync).WithSummary("Create a wave in draft, addressed to every active agency's key stakeholders (less those who opted out)");
        surveys.MapPost("/waves/{id:int}/recipients", AddRecipientAsync).WithSummary("Add an agency contact to a wave not closed; invited at once when the wave is open");
        surveys.MapDelete("/waves/{id:int}/recipients/{recipientId:int}", RemoveRecipientAsync).WithSummary("Remove a recipient not yet invited");
        surveys.MapPost("/waves/{id:int}/recipients/{recipientId:int}/bounced", BouncedAsync)
            .WithSummary("Mark a recipient's invitation as bounced (no more reminders; the relationship manager is shown it)");
        surveys.MapPost("/waves/{id:int}/send", SendAsync).WithSummary("Send a draft wave: now if it has opened, else on its opening day; answers how many invitations went now");
        surveys.MapPost("/waves/{id:int}/remind", RemindAsync).WithSummary("Send reminders now to those who have not answered, within the most allowed");
        surveys.MapPost("/waves/{id:int}/close", CloseAsync).WithSummary("Close a wave now");
        surveys.MapPost("/waves/{id:int}/publish", PublishAsync).WithSummary("Publish (or withdraw) the aggregated results to staff and to each agency");
        surveys.MapGet("/waves/{id:int}/results", ResultsAsync)
            .WithSummary("A wave's results (agencyId, unitId, lineOfServiceId): response rate, satisfaction per line of service against 4.0, NPS against 30 with its counts, the first 50 comments (allComments=true: all) and their total, the trend; published views hide figures of fewer than 3 answers and every comment");

        surveys.MapGet("/waves/{id:int}/report", ReportAsync)
            .WithSummary("The results as the CIO's report, an XLSX workbook (overall, lines of service, agencies, trend, comments), with the same filters and hiding");

        surveys.MapGet("/follow-ups", ListFollowUpsAsync).WithSummary("Follow-ups of unhappy answers (all=true includes closed; agencyId), late first");
        surveys.MapGet("/follow-ups/{id:int}", GetFollowUpAsync).WithSummary("One follow-up with the response behind it");
        surveys.MapPut("/follow-ups/{id:int}", UpdateFollowUpAsync).WithSummary("Move a follow-up through contacted, action planned and closed (with its resolution); a stale version is answered 409");
        surveys.MapGet("/mine", MineAsync).WithSummary("The signed-in person's own surveys: open ones and past answers");
        surveys.MapGet("/mine/{recipientId:int}", MyFormAsync).WithSummary("One of the signed-in person's surveys: its questions and the answers saved so far");
        surveys.MapPut("/mine/{recipientId:int}", SaveMineAsync)
            .WithSummary("Save the signed-in person's answers (submit=true also submits, once); an answer out of range is refused with its key, and nothing is saved");
        return api;
    }

    private static async Task<Results<Ok<IReadOnlyList<TemplateRow>>, ProblemHttpResult>> ListTemplatesAsync(ManageTemplates templates, CancellationToken ct) =>
        (await templates.ListAsync(ct)).ToOk(rows => rows);

    private static async Task<Results<VersionedOk<TemplateDto>, ProblemHttpResult>> GetTemplateAsync(int id, ManageTemplates templates, CancellationToken ct) =>
        (await templates.GetAsync(id, ct)).ToVersioned(TemplateDto.From, t => t.Version);

    private static async Task<Results<VersionedCreated<TemplateDto>, ProblemHttpResult>> CopyTemplateAsync(int id, ManageTemplates templates, CancellationToken ct)
    {
        var copied = await templates.CopyAsync(id, ct);
        return copied.IsOk
            ? (await templates.GetAsync(copied.Value!.Id, ct)).ToCreated(TemplateDto.From, t => $"/api/v1/surveys/templates/{t.Id}", t => t.Version)
            : copied.Problem();
    }

    private static async Task<Results<VersionedOk<TemplateDto>, ProblemHttpResult>> UpdateTemplateAsync(int id, TemplateInput input, HttpContext http,
        ManageTemplates templates, CancellationToken ct)
    {
        if (ResultTranslation.RequireVersion(http, input) is { } missing)
            return missing;
        var updated = await templates.UpdateAsync(id, input, ct);
        return updated.IsOk ? (await templates.GetAsync(id, ct)).ToVersioned(TemplateDto.From, t => t.Version) : updated.Problem();
    }

    private static async Task<Results<Ok<IReadOnlyList<WaveRow>>, ProblemHttpResult>> ListWavesAsync(ManageWaves waves, CancellationToken ct) =>
        (await waves.ListAsync(ct)).ToOk(rows => rows);

    private static async Task<Results<VersionedOk<WaveDto>, ProblemHttpResult>> GetWaveAsync(int id, ManageWaves waves, CancellationToken ct) =>
        (await waves.GetAsync(id, ct)).ToVersioned(WaveDto.From, w => w.Version);

    private static async Task<Results<VersionedCreated<WaveDto>, ProblemHttpResult>> CreateWaveAsync(WaveInput input, ManageWaves waves, CancellationToken ct)
    {
        var created = await waves.CreateAsync(input, ct);
        return created.IsOk
            ? (await waves.GetAsync(created.Value!.Id, ct)).ToCreated(WaveDto.From, w => $"/api/v1/surveys/waves/{w.Id}", w => w.Version)
            : created.Problem();
    }

    private static async Task<Results<VersionedOk<WaveDto>, ProblemHttpResult>> AddRecipientAsync(int id, RecipientInput input, ManageWaves waves, CancellationToken ct)
    {
        var added = await waves.AddRecipientAsync(id, input.PersonId, ct);
        return added.IsOk ? (await waves.GetAsync(id, ct)).ToVersioned(WaveDto.From, w => w.Version) : added.Problem();
    }

    private static async Task<Results<VersionedOk<WaveDto>, ProblemHttpResult>> RemoveRecipientAsync(int id, int recipientId, ManageWaves waves, CancellationToken ct)
    {
        var removed = await waves.RemoveRecipientAsync(id, recipientId, ct);
        return removed.IsOk ? (await waves.GetAsync(id, ct)).ToVersioned(WaveDto.From, w => w.Version) : removed.Problem();
    }

    private static async Task<Results<VersionedOk<WaveDto>, ProblemHttpResult>> BouncedAsync(int id, int recipientId, BounceInput input, ManageWaves waves, CancellationToken ct)
    {
        var marked = await waves.MarkBouncedAsync(id, recipientId, input.Reason, ct);
        return marked.IsOk ? (await waves.GetAsync(id, ct)).ToVersioned(WaveDto.From, w => w.Version) : marked.Problem();
    }

    private static async Task<Results<Ok<Sent>, ProblemHttpResult>> SendAsync(int id, ManageWaves waves, CancellationToken ct) =>
        (await waves.SendAsync(id, ct)).ToOk(n => new Sent(n));

    private static async Task<Results<Ok<Sent>, ProblemHttpResult>> RemindAsync(int id, ManageWaves waves, CancellationToken ct) =>
        (await waves.RemindNowAsync(id, ct)).ToOk(n => new Sent(n));

    private static async Task<Results<VersionedOk<WaveDto>, ProblemHttpResult>> CloseAsync(int id, ManageWaves waves, CancellationToken ct)
    {
        var closed = await waves.CloseAsync(id, ct);
        return closed.IsOk ? (await waves.GetAsync(id, ct)).ToVersioned(WaveDto.From, w => w.Version) : closed.Problem();
    }

    private static async Task<Results<VersionedOk<WaveDto>, ProblemHttpResult>> PublishAsync(int id, PublishInput input, ManageWaves waves, CancellationToken ct)
    {
        var published = await waves.PublishAsync(id, input.ToStaff, input.ToAgencies, ct);
        return published.IsOk ? (await waves.GetAsync(id, ct)).ToVersioned(WaveDto.From, w => w.Version) : published.Problem();
    }

    private static async Task<Results<Ok<WaveResults>, ProblemHttpResult>> ResultsAsync(int id, int? agencyId, int? unitId, int? lineOfServiceId, bool? allComments,
        SurveyResults results, CancellationToken ct) =>
        (await results.HandleAsync(id, new ResultsQuery(agencyId, unitId, lineOfServiceId, allComments ?? false), ct)).ToOk(r => r);

    private static Task<Results<Download, ProblemHttpResult>> ReportAsync(int id, int? agencyId, int? unitId, int? lineOfServiceId, SurveyResults results,
        Platform.Time.OrganisationClock clock, CancellationToken ct) =>
        TableExport.AnswerAsync("xlsx", _ => results.ReportAsync(id, new ResultsQuery(agencyId, unitId, lineOfServiceId), clock.ToLocal(clock.UtcNow), ct));

    private static async Task<Results<Ok<IReadOnlyList<FollowUpRow>>, ProblemHttpResult>> ListFollowUpsAsync(bool? all, int? agencyId, ManageFollowUps followUps,
        CancellationToken ct) =>
        (await followUps.ListAsync(all ?? false, agencyId, ct)).ToOk(rows => rows);

    private static async Task<Results<VersionedOk<FollowUpDto>, ProblemHttpResult>> GetFollowUpAsync(int id, ManageFollowUps followUps, CancellationToken ct) =>
        (await followUps.GetAsync(id, ct)).ToVersioned(FollowUpDto.From, f => f.Version);

    private static async Task<Results<VersionedOk<FollowUpDto>, ProblemHttpResult>> UpdateFollowUpAsync(int id, FollowUpInput input, HttpContext http,
        ManageFollowUps followUps, CancellationToken ct)
    {
        if (ResultTranslation.RequireVersion(http, input) is { } missing)
            return missing;
        var updated = await followUps.UpdateAsync(id, input, ct);
        return updated.IsOk ? (await followUps.GetAsync(id, ct)).ToVersioned(FollowUpDto.From, f => f.Version) : updated.Problem();
    }

    private static async Task<Results<Ok<SurveyFormDto>, ProblemHttpResult>> MyFormAsync(int recipientId, MySurveys mine, AnswerSurvey answer, CancellationToken ct) =>
        await mine.IsMineAsync(recipientId, ct)
            ? TypedResults.Ok(SurveyFormDto.From(await answer.ReadAsync(recipientId, ct)))
            : Result<SurveyFormDto>.NotFound().Problem();

    private static async Task<Results<Ok<SurveyFormDto>, ProblemHttpResult>> SaveMineAsync(int recipientId, AnswersInput input, MySurveys mine, AnswerSurvey answer,
        CancellationToken ct)
    {
        if (!await mine.IsMineAsync(recipientId, ct))
            return Result<SurveyFormDto>.NotFound().Problem();
        var state = (await answer.ReadAsync(recipientId, ct)).State;
        if (state != LinkState.Open)
        {
            return Result<SurveyFormDto>.Invalid("", state switch
            {
                LinkState.Submitted => "Your answers have been submitted already; they cannot be changed.",
                LinkState.Closed => "This survey has closed.",
                _ => "This survey has not opened yet.",
            }).Problem();
        }
        return (await answer.SaveAsync(recipientId, input.Answers ?? [], input.Submit, ct)).ToOk(SurveyFormDto.From);
    }

    private static async Task<Ok<IReadOnlyList<MySurvey>>> MineAsync(MySurveys mine, CancellationToken ct) => TypedResults.Ok(await mine.ListAsync(ct));
}
