using Liaison.Web.Platform.Auth;
using Liaison.Web.Platform.Data;
using Liaison.Web.Platform.ImportExport;
using Liaison.Web.Platform.Web;
using Microsoft.EntityFrameworkCore;

namespace Liaison.Web.Features.Surveys;

/// <param name="AllComments">Every comment (up to <see cref="SurveyResults.MostComments"/>), not only the first <see cref="SurveyResults.FirstComments"/>.</param>
internal sealed record ResultsQuery(int? AgencyId, int? UnitId, int? LineOfServiceId, bool AllComments = false);

internal sealed record LineScore(int LineOfServiceId, string Line, string Unit, Satisfaction Satisfaction, bool Hidden);

/// <summary>
/// An agency's figures in a wave; for an agency whose answers in the wave before opened follow-ups, that wave's figures
/// too (<see cref="SatisfactionBefore"/>), so it shows whether closing the loop moved its scores.
/// </summary>
internal sealed record AgencyScore(int AgencyId, string Agency, int Recipients, int Answered, Satisfaction Satisfaction, NetPromoter Promoters, bool Hidden)
{
    public int FollowUpsBefore { get; init; }
    public Satisfaction? SatisfactionBefore { get; init; }
    public NetPromoter? PromotersBefore { get; init; }

    /// <summary>The change of average satisfaction since the wave before, for an agency with follow-ups then.</summary>
    public double? SatisfactionMoved => FollowUpsBefore > 0 && Satisfaction.Average is { } now && SatisfactionBefore?.Average is { } then ? Math.Round(now - then, 2) : null;

    public int? PromotersMoved => FollowUpsBefore > 0 && Promoters.Score is { } now && PromotersBefore?.Score is { } then ? now - then : null;

    public int? ResponseRate => Recipients == 0 ? null : (int)Math.Round(100.0 * Answered / Recipients, MidpointRounding.AwayFromZero);
}

internal sealed record SurveyComment(int AgencyId, string Agency, string? Name, string Question, string Text);

internal sealed record WaveTrend(int WaveId, string Name, DateOnly OpensOn, int Recipients, int Answered, Satisfaction Satisfaction, NetPromoter Promoters, bool Hidden)
{
    public int? ResponseRate => Recipients == 0 ? null : (int)Math.Round(100.0 * Answered / Recipients, MidpointRounding.AwayFromZero);
}

/// <summary>
/// A wave's results as the viewer may see them. <see cref="Aggregated"/>: the published view (staff beyond those who
/// manage surveys, an agency's users), where every figure fewer than three people answered is hidden and no comment is shown.
/// </summary>
internal sealed record WaveResults(int WaveId, string Name, DateOnly OpensOn, DateOnly ClosesOn, WaveStatus Status, bool PublishedToStaff,
    bool PublishedToAgencies, bool Aggregated, ResultsQuery Filter, int Recipients, int Answered, Satisfaction Satisfaction, NetPromoter Promoters,
    bool OverallHidden, IReadOnlyList<LineScore> Lines, IReadOnlyList<AgencyScore> Agencies, IReadOnlyList<SurveyComment> Comments, int CommentsTotal,
    IReadOnlyList<WaveTrend> Trend, string? PreviousWave)
{
    public int? ResponseRate => Recipients == 0 ? null : (int)Math.Round(100.0 * Answered / Recipients, MidpointRounding.AwayFromZero);
}

/// <summary>
/// A wave's counts, from which every figure of its results is worked out in memory whatever the filters: the submitted
/// ratings per agency, line of service and rating, the recommendations per agency and number, and the recipients and
/// responses per agency. A few thousand rows however many answers; a closed wave's never change, so they are kept.
/// </summary>
internal sealed record WaveFigures(IReadOnlyList<WaveFigures.Rating> Ratings, IReadOnlyList<WaveFigures.Recommendation> Recommendations,
    IReadOnlyList<WaveFigures.Responses> Recipients, IReadOnlyDictionary<int, int> FollowUps)
{
    /// <summary>A closed wave's first comments and how many it has in all, once read (no filter; names are blanked per viewer after).</summary>
    public (int Total, IReadOnlyList<SurveyComment> First)? Comments { get; set; }

    internal readonly record struct Rating(int AgencyId, int LineOfServiceId, int Number, int Count);

    internal readonly record struct Recommendation(int AgencyId, int Number, int Count);

    internal readonly record struct Responses(int AgencyId, int Recipients, int Answered);

    internal sealed record WaveTotals(Satisfaction Satisfaction, NetPromoter Promoters, int Recipients, int Answered);

    private WaveTotals? _totals;

    /// <summary>
    /// The wave's overall satisfaction, NPS, recipients and responses, worked out once (a trend point without filters).
    /// Kept figures are read by many requests at once: the worst a race does is work them out twice.
    /// </summary>
    public WaveTotals Totals => _totals ??= new(Satisfaction.OfCounts(Ratings.Select(r => (r.Number, r.Count))), NetPromoter.OfCounts(Recommendations.Select(r => (r.Number, r.Count))),
        Recipients.Sum(r => r.Recipients), Recipients.Sum(r => r.Answered));
}

/// <summary>
/// The figures of closed waves, kept in each instance's memory: a closed wave takes no more answers or recipients, so
/// they are the same on every instance and never go stale. A wave closed within the last minute is not kept yet (a
/// response being saved as it closed may still be committing).
/// </summary>
internal sealed class ClosedWaveFigures
{
    private const int Most = 500;
    private readonly System.Collections.Concurrent.ConcurrentDictionary<int, WaveFigures> kept = new();

    public WaveFigures? Get(int waveId) => kept.GetValueOrDefault(waveId);

    public void Keep(int waveId, WaveFigures figures)
    {
        if (kept.Count >= Most)
            kept.Clear();
        kept[waveId] = figures;
    }
}

/// <summary>
/// The results of a wave: response rate overall and per agency, satisfaction per line of service and overall against
/// 4.0, the Net Promoter Score against 30 with its counts, comments, filtered by agency, unit and line of service, and the
/// trend across waves. Counted from the submitted answers only, read from one index (docs/benchmark.md, "Survey results").
/// </summary>
internal sealed class SurveyResults(LiaisonDbContext db, AccessRule access, ClosedWaveFigures closed, Platform.Time.OrganisationClock clock)
{
    /// <summary>The comments a page shows at first (the rest on asking, and all of them in the report).</summary>
    public const int FirstComments = 50;

    public const int MostComments = 5000;

    public async Task<Result<WaveResults>> HandleAsync(int waveId, ResultsQuery filter, CancellationToken ct)
    {
        var wave = await db.SurveyWaves.AsNoTracking().FirstOrDefaultAsync(w => w.Id == waveId, ct);
        if (wave is null)
            return Result<WaveResults>.NotFound();
        var full = access.CanSeeUnpublishedSurveyResults;
        var own = access.OwnAgencyId;
        if (!full)
        {
            // Published results only: the staff's view, or an agency's own.
            var mayRead = own is { } ? wave.PublishedToAgencies : access.CanSeeProviderRecords && wave.PublishedToStaff;
            if (!mayRead)
                return Result<WaveResults>.NotFound();
        }
        if (own is { } ownAgency)
            filter = filter with { AgencyId = ownAgency };

        var lineNames = (await db.LinesOfService.AsNoTracking().Select(l => new { l.Id, l.Name, l.OperationalUnitId, Unit = l.OperationalUnit!.Name }).ToListAsync(ct))
            .ToDictionary(l => l.Id);
        var agencyNames = await db.Agencies.AsNoTracking().Select(a => new { a.Id, a.Name }).ToDictionaryAsync(a => a.Id, a => a.Name, ct);
        bool LineIn(int line) => (filter.LineOfServiceId is not { } only || line == only)
            && (filter.UnitId is not { } unit || (lineNames.TryGetValue(line, out var l) && l.OperationalUnitId == unit));
        bool AgencyIn(int agency) => filter.AgencyId is not { } only || agency == only;

        var figures = await FiguresAsync(wave, ct);
        var ratings = figures.Ratings.Where(r => AgencyIn(r.AgencyId) && LineIn(r.LineOfServiceId)).ToList();
        var recommendations = figures.Recommendations.Where(r => AgencyIn(r.AgencyId)).ToList();
        var recipients = figures.Recipients.Where(r => AgencyIn(r.AgencyId)).ToList();

        // The wave before, for the agencies whose answers then opened follow-ups: did their scores move?
        var previous = await db.SurveyWaves.AsNoTracking()
            .Where(w => (w.Status == WaveStatus.Open || w.Status == WaveStatus.Closed) && w.Id != waveId
                && (w.OpensOn < wave.OpensOn || (w.OpensOn == wave.OpensOn && w.Id < waveId)))
            .OrderByDescending(w => w.OpensOn).ThenByDescending(w => w.Id).FirstOrDefaultAsync(ct);
        var followUpsBefore = new Dictionary<int, int>();
        List<WaveFigures.Rating> ratingsBefore = [];
        List<WaveFigures.Recommendation> recommendationsBefore = [];
        if (previous is not null && full)
        {
            var then = await FiguresAsync(previous, ct);
            followUpsBefore = then.FollowUps.Where(f => AgencyIn(f.Key)).ToDictionary(f => f.Key, f => f.Value);
            if (followUpsBefore.Count > 0)
            {
                ratingsBefore = then.Ratings.Where(r => followUpsBefore.ContainsKey(r.AgencyId) && LineIn(r.LineOfServiceId)).ToList();
                recommendationsBefore = then.Recommendations.Where(r => followUpsBefore.ContainsKey(r.AgencyId)).ToList();
            }
        }

        var hide = !full;
        var lines = ratings.GroupBy(r => r.LineOfServiceId).Select(g =>
        {
            var name = lineNames.GetValueOrDefault(g.Key);
            var satisfaction = Satisfaction.OfCounts(g.Select(r => (r.Number, r.Count)));
            return new LineScore(g.Key, name?.Name ?? "", name?.Unit ?? "", satisfaction, hide && satisfaction.Count < SurveyRules.FewestToShow);
        }).OrderBy(l => l.Unit, StringComparer.CurrentCultureIgnoreCase).ThenBy(l => l.Line, StringComparer.CurrentCultureIgnoreCase).ToList();
        var satisfactionByAgency = ratings.GroupBy(r => r.AgencyId).ToDictionary(g => g.Key, g => Satisfaction.OfCounts(g.Select(r => (r.Number, r.Count))));
        var promotersByAgency = recommendations.GroupBy(r => r.AgencyId).ToDictionary(g => g.Key, g => NetPromoter.OfCounts(g.Select(r => (r.Number, r.Count))));
        var satisfactionBefore = ratingsBefore.GroupBy(r => r.AgencyId).ToDictionary(g => g.Key, g => Satisfaction.OfCounts(g.Select(r => (r.Number, r.Count))));
        var promotersBefore = recommendationsBefore.GroupBy(r => r.AgencyId).ToDictionary(g => g.Key, g => NetPromoter.OfCounts(g.Select(r => (r.Number, r.Count))));
        var agencies = recipients.Select(a => new AgencyScore(a.AgencyId, agencyNames.GetValueOrDefault(a.AgencyId) ?? "", a.Recipients, a.Answered,
            satisfactionByAgency.GetValueOrDefault(a.AgencyId, Satisfaction.None), promotersByAgency.GetValueOrDefault(a.AgencyId, NetPromoter.None),
            hide && a.Answered < SurveyRules.FewestToShow)
        {
            FollowUpsBefore = followUpsBefore.GetValueOrDefault(a.AgencyId),
            SatisfactionBefore = satisfactionBefore.GetValueOrDefault(a.AgencyId),
            PromotersBefore = promotersBefore.GetValueOrDefault(a.AgencyId),
        }).OrderBy(a => a.Agency, StringComparer.CurrentCultureIgnoreCase).ToList();
        var overall = Satisfaction.OfCounts(ratings.Select(r => (r.Number, r.Count)));
        var nps = NetPromoter.OfCounts(recommendations.Select(r => (r.Number, r.Count)));
        var answered = recipients.Sum(a => a.Answered);

        var comments = new List<SurveyComment>();
        var commentsTotal = 0;
        if (full)
        {
            var named = access.CanManageSurveys ? null : await access.AssignedAgenciesAsync(ct);
            var kept = filter.AgencyId is null && !filter.AllComments && ReferenceEquals(closed.Get(wave.Id), figures) ? figures.Comments : null;
            if (kept is null)
            {
                var texts = db.SurveyAnswers.AsNoTracking().Where(a => a.WaveId == waveId && a.Kind == QuestionKind.Text && a.Submitted && a.Text != null);
                if (filter.AgencyId is { } agency)
                    texts = texts.Where(a => a.AgencyId == agency);
                var total = await texts.CountAsync(ct);
                var rows = await texts.OrderBy(a => a.AgencyId).ThenBy(a => a.Id).Take(filter.AllComments ? MostComments : FirstComments)
                    .Select(a => new
                    {
                        a.AgencyId,
                        Question = a.Question!.Text,
                        a.Text,
                        Person = db.Set<SurveyRecipient>().Where(r => r.Id == a.RecipientId).Select(r => r.Person!.FirstName + " " + r.Person.LastName).First(),
                    })
                    .ToListAsync(ct);
                kept = (total, rows.Select(c => new SurveyComment(c.AgencyId, agencyNames.GetValueOrDefault(c.AgencyId) ?? "", c.Person, c.Question, c.Text!)).ToList());
                if (filter.AgencyId is null && !filter.AllComments && ReferenceEquals(closed.Get(wave.Id), figures))
                    figures.Comments = kept;
            }
            commentsTotal = kept.Value.Total;
            // A name only to those who may see who answered what for that agency.
            comments = kept.Value.First.Select(c => named is null || named.Contains(c.AgencyId) ? c : c with { Name = null }).ToList();
        }

        var trend = await TrendAsync(full, own is not null, filter is { AgencyId: null, UnitId: null, LineOfServiceId: null }, AgencyIn, LineIn, ct);
        return Result<WaveResults>.Ok(new WaveResults(wave.Id, wave.Name, wave.OpensOn, wave.ClosesOn, wave.Status, wave.PublishedToStaff,
            wave.PublishedToAgencies, !full, filter, recipients.Sum(a => a.Recipients), answered, overall, nps, hide && answered < SurveyRules.FewestToShow,
            lines, agencies, comments, commentsTotal, trend, previous?.Name));
    }


    /// <summary>A wave's counts: kept for a closed wave (closed more than a minute ago), counted from the answers' index otherwise.</summary>
    internal async Task<WaveFigures> FiguresAsync(SurveyWave wave, CancellationToken ct)
    {
        if (closed.Get(wave.Id) is { } kept)
            return kept;
        var answers = db.SurveyAnswers.AsNoTracking().Where(a => a.WaveId == wave.Id && a.Submitted && a.Number != null);
        var ratings = (await answers.Where(a => a.Kind == QuestionKind.ServiceRating && a.LineOfServiceId != null)
                .GroupBy(a => new { a.AgencyId, a.LineOfServiceId, a.Number })
                .Select(g => new { g.Key.AgencyId, g.Key.LineOfServiceId, g.Key.Number, Count = g.Count() }).ToListAsync(ct))
            .Select(r => new WaveFigures.Rating(r.AgencyId, r.LineOfServiceId!.Value, r.Number!.Value, r.Count)).ToList();
        var recommendations = (await answers.Where(a => a.Kind == QuestionKind.Recommend)
                .GroupBy(a => new { a.AgencyId, a.Number })
                .Select(g => new { g.Key.AgencyId, g.Key.Number, Count = g.Count() }).ToListAsync(ct))
            .Select(r => new WaveFigures.Recommendation(r.AgencyId, r.Number!.Value, r.Count)).ToList();
        var recipients = (await db.SurveyRecipients.AsNoTracking().Where(r => r.WaveId == wave.Id)
                .GroupBy(r => r.AgencyId).Select(g => new { AgencyId = g.Key, Recipients = g.Count(), Answered = g.Count(r => r.SubmittedAt != null) }).ToListAsync(ct))
            .Select(r => new WaveFigures.Responses(r.AgencyId, r.Recipients, r.Answered)).ToList();
        var followUps = await db.SurveyFollowUps.AsNoTracking().Where(f => f.WaveId == wave.Id)
            .GroupBy(f => f.AgencyId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        var figures = new WaveFigures(ratings, recommendations, recipients, followUps);
        if (wave.Status == WaveStatus.Closed && wave.ClosedAt is { } closedAt && closedAt < clock.UtcNow.AddMinutes(-1))
            closed.Keep(wave.Id, figures);
        return figures;
    }


    /// <summary>The last 20 waves' overall figures (the viewer's waves: all, or the published ones), oldest first: the trend.</summary>
    private async Task<IReadOnlyList<WaveTrend>> TrendAsync(bool full, bool agencyUser, bool unfiltered, Func<int, bool> agencyIn, Func<int, bool> lineIn,
        CancellationToken ct)
    {
        var waves = db.SurveyWaves.AsNoTracking().Where(w => w.Status == WaveStatus.Open || w.Status == WaveStatus.Closed);
        if (!full)
            waves = agencyUser ? waves.Where(w => w.PublishedToAgencies) : waves.Where(w => w.PublishedToStaff);
        var list = await waves.OrderByDescending(w => w.OpensOn).ThenByDescending(w => w.Id).Take(20).ToListAsync(ct);
        var trend = new List<WaveTrend>();
        foreach (var w in list.OrderBy(w => w.OpensOn).ThenBy(w => w.Id))
        {
            var figures = await FiguresAsync(w, ct);
            if (unfiltered)
            {
                var (satisfaction, promoters, all, responses) = figures.Totals;
                trend.Add(new WaveTrend(w.Id, w.Name, w.OpensOn, all, responses, satisfaction, promoters, !full && responses < SurveyRules.FewestToShow));
                continue;
            }
            var recipients = figures.Recipients.Where(r => agencyIn(r.AgencyId)).ToList();
            var answered = recipients.Sum(r => r.Answered);
            trend.Add(new WaveTrend(w.Id, w.Name, w.OpensOn, recipients.Sum(r => r.Recipients), answered,
                Satisfaction.OfCounts(figures.Ratings.Where(r => agencyIn(r.AgencyId) && lineIn(r.LineOfServiceId)).Select(r => (r.Number, r.Count))),
                NetPromoter.OfCounts(figures.Recommendations.Where(r => agencyIn(r.AgencyId)).Select(r => (r.Number, r.Count))), !full && answered < SurveyRules.FewestToShow));
        }
        return trend;
    }

    /// <summary>The results as the CIO's report: a workbook with the overall figures, lines of service, agencies, the trend and (for those who may read them) comments.</summary>
    public async Task<Result<ExportFile>> ReportAsync(int waveId, ResultsQuery filter, DateTime now, CancellationToken ct)
    {
        var found = await HandleAsync(waveId, filter with { AllComments = true }, ct);
        if (!found.IsOk)
            return found.Cast<ExportFile>();
        var r = found.Value!;
        static object? Score(Satisfaction s, bool hidden) => hidden ? "fewer than 3 answers" : s.Average;
        static object? Nps(NetPromoter n, bool hidden) => hidden ? "fewer than 3 answers" : n.Score;
        var sheets = new List<TableExport.XlsxSheet>
        {
            new("Overall", ["Measure", "Result", "Target", "Answers"],
            [
                ["Response rate (%)", r.ResponseRate, "rising", $"{r.Answered} of {r.Recipients}"],
                ["Satisfaction (of 5)", Score(r.Satisfaction, r.OverallHidden), Satisfaction.Target, r.Satisfaction.Count],
                ["Net Promoter Score", Nps(r.Promoters, r.OverallHidden), $"above {NetPromoter.Target}", r.Promoters.Count],
                ["Promoters (9–10)", r.OverallHidden ? null : r.Promoters.Promoters, null, null],
                ["Passives (7–8)", r.OverallHidden ? null : r.Promoters.Passives, null, null],
                ["Detractors (0–6)", r.OverallHidden ? null : r.Promoters.Detractors, null, null],
            ]),
            TableExport.Sheet("Lines of service", r.Lines,
            [
                new("Unit", l => l.Unit), new("Line of service", l => l.Line), new("Average of 5", l => Score(l.Satisfaction, l.Hidden)),
                new("Ratings", l => l.Satisfaction.Count), new("Meets 4.0", l => l.Hidden ? null : l.Satisfaction.MeetsTarget is { } m ? m ? "yes" : "no" : null),
            ]),
            TableExport.Sheet("Agencies", r.Agencies,
            [
                new("Agency", a => a.Agency), new("Recipients", a => a.Recipients), new("Answered", a => a.Answered), new("Response rate (%)", a => a.ResponseRate),
                new("Satisfaction", a => Score(a.Satisfaction, a.Hidden)), new("Ratings", a => a.Satisfaction.Count), new("NPS", a => Nps(a.Promoters, a.Hidden)),
                new("Promoters", a => a.Hidden ? null : a.Promoters.Promoters), new("Passives", a => a.Hidden ? null : a.Promoters.Passives),
                new("Detractors", a => a.Hidden ? null : a.Promoters.Detractors), new("Follow-ups in the wave before", a => a.FollowUpsBefore),
                new("Satisfaction moved", a => a.SatisfactionMoved), new("NPS moved", a => a.PromotersMoved),
            ]),
            TableExport.Sheet("Trend", r.Trend,
            [
                new("Wave", t => t.Name), new("Opened", t => t.OpensOn), new("Response rate (%)", t => t.ResponseRate), new("Satisfaction", t => Score(t.Satisfaction, t.Hidden)),
                new("Ratings", t => t.Satisfaction.Count), new("NPS", t => Nps(t.Promoters, t.Hidden)), new("Recommendations", t => t.Promoters.Count),
            ]),
        };
        if (!r.Aggregated)
            sheets.Add(TableExport.Sheet("Comments", r.Comments, [new("Agency", c => c.Agency), new("Name", c => c.Name), new("Question", c => c.Question), new("Comment", c => c.Text)]));
        var name = new string(r.Name.Select(c => char.IsLetterOrDigit(c) ? c : '-').ToArray()).Trim('-');
        return Result<ExportFile>.Ok(new ExportFile(TableExport.WriteWorkbook(sheets), Download.Xlsx, $"{name}-results-{now:yyyy-MM-dd}.xlsx"));
    }
}
