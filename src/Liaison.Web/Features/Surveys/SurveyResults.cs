using Liaison.Web.Platform.Auth;
using Liaison.Web.Platform.Data;
using Liaison.Web.Platform.Web;
using Microsoft.EntityFrameworkCore;

namespace Liaison.Web.Features.Surveys;

internal sealed record ResultsQuery(int? AgencyId, int? UnitId, int? LineOfServiceId);

internal sealed record LineScore(int LineOfServiceId, string Line, string Unit, Satisfaction Satisfaction, bool Hidden);

internal sealed record AgencyScore(int AgencyId, string Agency, int Recipients, int Answered, Satisfaction Satisfaction, NetPromoter Promoters, bool Hidden)
{
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
    IReadOnlyList<WaveTrend> Trend)
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
        var ratingsByAgency = await ratings.GroupBy(a => a.AgencyId)
            .Select(g => new { AgencyId = g.Key, Sum = g.Sum(a => a.Number!.Value), Count = g.Count() }).ToDictionaryAsync(g => g.AgencyId, ct);
        var recommendCounts = await recommends.GroupBy(a => new { a.AgencyId, a.Number })
            .Select(g => new { g.Key.AgencyId, Number = g.Key.Number!.Value, Count = g.Count() }).ToListAsync(ct);
        var perAgency = await recipients.GroupBy(r => new { r.AgencyId, r.Agency!.Name })
            .Select(g => new { g.Key.AgencyId, g.Key.Name, Recipients = g.Count(), Answered = g.Count(r => r.SubmittedAt != null) }).ToListAsync(ct);

        var hide = !full;
        var lines = byLine.Where(l => l.LineOfServiceId != null)
            .Select(l => new LineScore(l.LineOfServiceId!.Value, l.Name, l.Unit, new Satisfaction(l.Sum, l.Count), hide && l.Count < SurveyRules.FewestToShow))
            .OrderBy(l => l.Unit, StringComparer.CurrentCultureIgnoreCase).ThenBy(l => l.Line, StringComparer.CurrentCultureIgnoreCase).ToList();
        var agencies = perAgency.Select(a =>
        {
            var s = ratingsByAgency.TryGetValue(a.AgencyId, out var r) ? new Satisfaction(r.Sum, r.Count) : Satisfaction.None;
            var n = Promoters(recommendCounts.Where(c => c.AgencyId == a.AgencyId).Select(c => (c.Number, c.Count)));
            return new AgencyScore(a.AgencyId, a.Name, a.Recipients, a.Answered, s, n, hide && a.Answered < SurveyRules.FewestToShow);
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
            lines, agencies, comments, trend));
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
