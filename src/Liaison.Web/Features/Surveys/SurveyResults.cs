using Liaison.Web.Platform.Auth;
using Liaison.Web.Platform.Data;
using Liaison.Web.Platform.ImportExport;
using Liaison.Web.Platform.Web;
using Microsoft.EntityFrameworkCore;

namespace Liaison.Web.Features.Surveys;

internal sealed record ResultsQuery(int? AgencyId, int? UnitId, int? LineOfServiceId);

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

internal sealed record SurveyComment(string Agency, string? Name, string Question, string Text);

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
    bool OverallHidden, IReadOnlyList<LineScore> Lines, IReadOnlyList<AgencyScore> Agencies, IReadOnlyList<SurveyComment> Comments,
    IReadOnlyList<WaveTrend> Trend, string? PreviousWave)
{
    public int? ResponseRate => Recipients == 0 ? null : (int)Math.Round(100.0 * Answered / Recipients, MidpointRounding.AwayFromZero);
}

/// <summary>
/// The results of a wave: response rate overall and per agency, satisfaction per line of service and overall against
/// 4.0, the Net Promoter Score against 30 with its counts, comments, filtered by agency, unit and line of service, and the
/// trend across waves. Counted in the database from the answers of submitted responses only.
/// </summary>
internal sealed class SurveyResults(LiaisonDbContext db, AccessRule access)
{
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

        var recipients = db.SurveyRecipients.AsNoTracking().Where(r => r.WaveId == waveId);
        if (filter.AgencyId is { } agencyFilter)
            recipients = recipients.Where(r => r.AgencyId == agencyFilter);
        var submitted = recipients.Where(r => r.SubmittedAt != null).Select(r => r.Id);
        var answers = db.SurveyAnswers.AsNoTracking().Where(a => a.WaveId == waveId && submitted.Contains(a.RecipientId));
        var ratings = answers.Where(a => a.Question!.Kind == QuestionKind.ServiceRating && a.Number != null);
        if (filter.UnitId is { } unit)
            ratings = ratings.Where(a => a.LineOfService!.OperationalUnitId == unit);
        if (filter.LineOfServiceId is { } line)
            ratings = ratings.Where(a => a.LineOfServiceId == line);
        var recommends = answers.Where(a => a.Question!.Kind == QuestionKind.Recommend && a.Number != null);

        var byLine = await ratings.GroupBy(a => new { a.LineOfServiceId, a.LineOfService!.Name, Unit = a.LineOfService.OperationalUnit!.Name })
            .Select(g => new { g.Key.LineOfServiceId, g.Key.Name, g.Key.Unit, Sum = g.Sum(a => a.Number!.Value), Count = g.Count() }).ToListAsync(ct);
        var (ratingsByAgency, promotersByAgency) = await ByAgencyAsync(waveId, filter, ct);
        var recommendCounts = await recommends.GroupBy(a => a.Number).Select(g => new { Number = g.Key!.Value, Count = g.Count() }).ToListAsync(ct);
        var perAgency = await recipients.GroupBy(r => new { r.AgencyId, r.Agency!.Name })
            .Select(g => new { g.Key.AgencyId, g.Key.Name, Recipients = g.Count(), Answered = g.Count(r => r.SubmittedAt != null) }).ToListAsync(ct);

        // The wave before, for the agencies whose answers then opened follow-ups: did their scores move?
        var previous = await db.SurveyWaves.AsNoTracking()
            .Where(w => (w.Status == WaveStatus.Open || w.Status == WaveStatus.Closed) && w.Id != waveId
                && (w.OpensOn < wave.OpensOn || (w.OpensOn == wave.OpensOn && w.Id < waveId)))
            .OrderByDescending(w => w.OpensOn).ThenByDescending(w => w.Id).Select(w => new { w.Id, w.Name }).FirstOrDefaultAsync(ct);
        var followUpsBefore = new Dictionary<int, int>();
        var (ratingsBefore, promotersBefore) = (new Dictionary<int, Satisfaction>(), new Dictionary<int, NetPromoter>());
        if (previous is not null && full)
        {
            var before = db.SurveyFollowUps.AsNoTracking().Where(f => f.WaveId == previous.Id);
            if (filter.AgencyId is { } onlyAgency)
                before = before.Where(f => f.AgencyId == onlyAgency);
            followUpsBefore = await before.GroupBy(f => f.AgencyId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);
            if (followUpsBefore.Count > 0)
                (ratingsBefore, promotersBefore) = await ByAgencyAsync(previous.Id, filter, ct);
        }

        var hide = !full;
        var lines = byLine.Where(l => l.LineOfServiceId != null)
            .Select(l => new LineScore(l.LineOfServiceId!.Value, l.Name, l.Unit, new Satisfaction(l.Sum, l.Count), hide && l.Count < SurveyRules.FewestToShow))
            .OrderBy(l => l.Unit, StringComparer.CurrentCultureIgnoreCase).ThenBy(l => l.Line, StringComparer.CurrentCultureIgnoreCase).ToList();
        var agencies = perAgency.Select(a => new AgencyScore(a.AgencyId, a.Name, a.Recipients, a.Answered,
            ratingsByAgency.GetValueOrDefault(a.AgencyId, Satisfaction.None), promotersByAgency.GetValueOrDefault(a.AgencyId, NetPromoter.None),
            hide && a.Answered < SurveyRules.FewestToShow)
        {
            FollowUpsBefore = followUpsBefore.GetValueOrDefault(a.AgencyId),
            SatisfactionBefore = ratingsBefore.GetValueOrDefault(a.AgencyId),
            PromotersBefore = promotersBefore.GetValueOrDefault(a.AgencyId),
        }).OrderBy(a => a.Agency, StringComparer.CurrentCultureIgnoreCase).ToList();
        var overall = new Satisfaction(byLine.Sum(l => (double)l.Sum), byLine.Sum(l => l.Count));
        var nps = Promoters(recommendCounts.Select(c => (c.Number, c.Count)));
        var answered = perAgency.Sum(a => a.Answered);

        var comments = new List<SurveyComment>();
        if (full)
        {
            var named = access.CanManageSurveys ? null : await access.AssignedAgenciesAsync(ct);
            var rows = await answers.Where(a => a.Text != null && a.Question!.Kind == QuestionKind.Text)
                .OrderBy(a => a.AgencyId).ThenBy(a => a.Id).Take(500)
                .Select(a => new
                {
                    a.AgencyId,
                    Agency = db.Set<Liaison.Web.Features.Directory.Agencies.Agency>().Where(x => x.Id == a.AgencyId).Select(x => x.Name).First(),
                    Question = a.Question!.Text,
                    a.Text,
                    Person = db.Set<SurveyRecipient>().Where(r => r.Id == a.RecipientId).Select(r => r.Person!.FirstName + " " + r.Person.LastName).First()
                })
                .ToListAsync(ct);
            comments = rows.Select(c => new SurveyComment(c.Agency, named is null || named.Contains(c.AgencyId) ? c.Person : null, c.Question, c.Text!)).ToList();
        }

        var trend = await TrendAsync(filter, full, own is not null, ct);
        return Result<WaveResults>.Ok(new WaveResults(wave.Id, wave.Name, wave.OpensOn, wave.ClosesOn, wave.Status, wave.PublishedToStaff,
            wave.PublishedToAgencies, !full, filter, perAgency.Sum(a => a.Recipients), answered, overall, nps, hide && answered < SurveyRules.FewestToShow,
            lines, agencies, comments, trend, previous?.Name));
    }

    /// <summary>Satisfaction and NPS per agency in a wave (of submitted responses, within the unit and line filters).</summary>
    private async Task<(Dictionary<int, Satisfaction> Ratings, Dictionary<int, NetPromoter> Promoters)> ByAgencyAsync(int waveId, ResultsQuery filter, CancellationToken ct)
    {
        var recipients = db.SurveyRecipients.AsNoTracking().Where(r => r.WaveId == waveId && r.SubmittedAt != null);
        if (filter.AgencyId is { } agency)
            recipients = recipients.Where(r => r.AgencyId == agency);
        var submitted = recipients.Select(r => r.Id);
        var answers = db.SurveyAnswers.AsNoTracking().Where(a => a.WaveId == waveId && a.Number != null && submitted.Contains(a.RecipientId));
        var ratings = answers.Where(a => a.Question!.Kind == QuestionKind.ServiceRating);
        if (filter.UnitId is { } unit)
            ratings = ratings.Where(a => a.LineOfService!.OperationalUnitId == unit);
        if (filter.LineOfServiceId is { } line)
            ratings = ratings.Where(a => a.LineOfServiceId == line);
        var byAgency = await ratings.GroupBy(a => a.AgencyId)
            .Select(g => new { AgencyId = g.Key, Sum = g.Sum(a => a.Number!.Value), Count = g.Count() }).ToListAsync(ct);
        var recommend = await answers.Where(a => a.Question!.Kind == QuestionKind.Recommend).GroupBy(a => new { a.AgencyId, a.Number })
            .Select(g => new { g.Key.AgencyId, Number = g.Key.Number!.Value, Count = g.Count() }).ToListAsync(ct);
        return (byAgency.ToDictionary(a => a.AgencyId, a => new Satisfaction(a.Sum, a.Count)),
            recommend.GroupBy(r => r.AgencyId).ToDictionary(g => g.Key, g => Promoters(g.Select(r => (r.Number, r.Count)))));
    }

    /// <summary>The results as the CIO's report: a workbook with the overall figures, lines of service, agencies, the trend and (for those who may read them) comments.</summary>
    public async Task<Result<ExportFile>> ReportAsync(int waveId, ResultsQuery filter, DateTime now, CancellationToken ct)
    {
        var found = await HandleAsync(waveId, filter, ct);
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

    private static NetPromoter Promoters(IEnumerable<(int Number, int Count)> counts)
    {
        int promoters = 0, passives = 0, detractors = 0;
        foreach (var (number, count) in counts)
        {
            if (number >= 9)
                promoters += count;
            else if (number >= 7)
                passives += count;
            else
                detractors += count;
        }
        return new NetPromoter(promoters, passives, detractors);
    }

    /// <summary>Every wave's overall figures (the viewer's waves: all, or the published ones), oldest first: the trend.</summary>
    private async Task<IReadOnlyList<WaveTrend>> TrendAsync(ResultsQuery filter, bool full, bool agencyUser, CancellationToken ct)
    {
        var waves = db.SurveyWaves.AsNoTracking().Where(w => w.Status == WaveStatus.Open || w.Status == WaveStatus.Closed);
        if (!full)
            waves = agencyUser ? waves.Where(w => w.PublishedToAgencies) : waves.Where(w => w.PublishedToStaff);
        var list = await waves.OrderByDescending(w => w.OpensOn).Take(20).Select(w => new { w.Id, w.Name, w.OpensOn }).ToListAsync(ct);
        var ids = list.Select(w => w.Id).ToList();
        var recipients = db.SurveyRecipients.AsNoTracking().Where(r => ids.Contains(r.WaveId));
        if (filter.AgencyId is { } agency)
            recipients = recipients.Where(r => r.AgencyId == agency);
        var counts = await recipients.GroupBy(r => r.WaveId)
            .Select(g => new { WaveId = g.Key, Recipients = g.Count(), Answered = g.Count(r => r.SubmittedAt != null) }).ToDictionaryAsync(g => g.WaveId, ct);
        var submitted = recipients.Where(r => r.SubmittedAt != null).Select(r => r.Id);
        var answers = db.SurveyAnswers.AsNoTracking().Where(a => ids.Contains(a.WaveId) && submitted.Contains(a.RecipientId) && a.Number != null);
        var ratings = answers.Where(a => a.Question!.Kind == QuestionKind.ServiceRating);
        if (filter.UnitId is { } unit)
            ratings = ratings.Where(a => a.LineOfService!.OperationalUnitId == unit);
        if (filter.LineOfServiceId is { } line)
            ratings = ratings.Where(a => a.LineOfServiceId == line);
        var sat = await ratings.GroupBy(a => a.WaveId).Select(g => new { WaveId = g.Key, Sum = g.Sum(a => a.Number!.Value), Count = g.Count() })
            .ToDictionaryAsync(g => g.WaveId, ct);
        var rec = await answers.Where(a => a.Question!.Kind == QuestionKind.Recommend).GroupBy(a => new { a.WaveId, a.Number })
            .Select(g => new { g.Key.WaveId, Number = g.Key.Number!.Value, Count = g.Count() }).ToListAsync(ct);
        return list.OrderBy(w => w.OpensOn).Select(w =>
        {
            var c = counts.GetValueOrDefault(w.Id);
            var s = sat.TryGetValue(w.Id, out var x) ? new Satisfaction(x.Sum, x.Count) : Satisfaction.None;
            var answered = c?.Answered ?? 0;
            return new WaveTrend(w.Id, w.Name, w.OpensOn, c?.Recipients ?? 0, answered, s,
                Promoters(rec.Where(r => r.WaveId == w.Id).Select(r => (r.Number, r.Count))), !full && answered < SurveyRules.FewestToShow);
        }).ToList();
    }
}
