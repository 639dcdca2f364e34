using System.Globalization;
using Liaison.Web.Platform.Data;
using Liaison.Web.Platform.Modules;
using Microsoft.EntityFrameworkCore;

namespace Liaison.Web.Features.Surveys;

/// <summary>
/// Each agency's satisfaction and NPS in the latest wave published to the provider's staff in which it answered (what
/// everyone who sees the scoreboard may read; hidden where fewer than three of its people answered, as anything
/// published is), and its open follow-ups (late ones a concern): on the agency page and the scoreboard.
/// </summary>
internal sealed class SurveysAgencyHealth(LiaisonDbContext db) : IAgencyHealthContributor
{
    public int Order => 50;

    public async Task<ILookup<int, HealthSignal>> SignalsAsync(IReadOnlyCollection<int> agencyIds, DateOnly today, CancellationToken ct)
    {
        var ids = agencyIds.ToList();
        var signals = new List<(int AgencyId, HealthSignal Signal)>();
        // The latest published wave each agency has submitted answers in, and how many of its people answered.
        var responses = await db.SurveyRecipients.AsNoTracking()
            .Where(r => ids.Contains(r.AgencyId) && r.SubmittedAt != null && r.Wave!.PublishedToStaff)
            .GroupBy(r => new { r.AgencyId, r.WaveId, r.Wave!.OpensOn }).Select(g => new { g.Key.AgencyId, g.Key.WaveId, g.Key.OpensOn, Answered = g.Count() })
            .ToListAsync(ct);
        var latest = responses.GroupBy(r => r.AgencyId).Select(g => g.OrderByDescending(r => r.OpensOn).ThenByDescending(r => r.WaveId).First()).ToList();
        var waveIds = latest.Select(l => l.WaveId).Distinct().ToList();
        if (waveIds.Count == 0)
            return await WithFollowUpsAsync(signals, ids, today, ct);
        var answers = await db.SurveyAnswers.AsNoTracking()
            .Where(a => ids.Contains(a.AgencyId) && (a.Kind == QuestionKind.ServiceRating || a.Kind == QuestionKind.Recommend) && a.Submitted
                && waveIds.Contains(a.WaveId) && a.Number != null)
            .GroupBy(a => new { a.AgencyId, a.WaveId, a.Kind, a.Number })
            .Select(g => new { g.Key.AgencyId, g.Key.WaveId, g.Key.Kind, Number = g.Key.Number!.Value, Count = g.Count() }).ToListAsync(ct);
        foreach (var l in latest)
        {
            var link = $"/Surveys/Waves/{l.WaveId}/Results?agencyId={l.AgencyId}";
            if (l.Answered < SurveyRules.FewestToShow)
            {
                signals.Add((l.AgencyId, new HealthSignal("Satisfaction (latest published survey)", $"Fewer than {SurveyRules.FewestToShow} answered", HealthLevel.Good, link)
                {
                    Key = "survey-satisfaction",
                    Column = "Satisfaction",
                    Cell = "—",
                }));
                continue;
            }
            var mine = answers.Where(a => a.AgencyId == l.AgencyId && a.WaveId == l.WaveId).ToList();
            var satisfaction = Satisfaction.OfCounts(mine.Where(a => a.Kind == QuestionKind.ServiceRating).Select(a => (a.Number, a.Count)));
            var nps = NetPromoter.OfCounts(mine.Where(a => a.Kind == QuestionKind.Recommend).Select(a => (a.Number, a.Count)));
            if (satisfaction.Average is { } average)
            {
                signals.Add((l.AgencyId, new HealthSignal("Satisfaction (latest published survey)", $"{average.ToString("0.0", CultureInfo.InvariantCulture)} of 5 ({satisfaction.Count} ratings)",
                    average >= Satisfaction.Target ? HealthLevel.Good : average >= 3 ? HealthLevel.Attention : HealthLevel.Concern, link)
                {
                    Key = "survey-satisfaction",
                    Column = "Satisfaction",
                    Cell = average.ToString("0.0", CultureInfo.InvariantCulture),
                    Measure = average,
                    HigherIsWorse = false,
                }));
            }
            if (nps.Score is { } score)
            {
                signals.Add((l.AgencyId, new HealthSignal("Net Promoter Score (latest published survey)",
                    $"{score} ({nps.Promoters} promoters, {nps.Passives} passive, {nps.Detractors} detractors)",
                    score > NetPromoter.Target ? HealthLevel.Good : score >= 0 ? HealthLevel.Attention : HealthLevel.Concern, link)
                {
                    Key = "survey-nps",
                    Column = "NPS",
                    Cell = score.ToString(CultureInfo.InvariantCulture),
                    Measure = score,
                    HigherIsWorse = false,
                }));
            }
        }
        return await WithFollowUpsAsync(signals, ids, today, ct);
    }

    /// <summary>Adds each agency's open follow-ups (late ones a concern) to its signals.</summary>
    private async Task<ILookup<int, HealthSignal>> WithFollowUpsAsync(List<(int AgencyId, HealthSignal Signal)> signals, List<int> ids, DateOnly today, CancellationToken ct)
    {
        var followUps = await db.SurveyFollowUps.AsNoTracking().Where(f => ids.Contains(f.AgencyId) && f.Status != FollowUpStatus.Closed)
            .GroupBy(f => f.AgencyId)
            .Select(g => new { AgencyId = g.Key, Open = g.Count(), Late = g.Count(f => f.Status == FollowUpStatus.Open && f.FirstContactDueOn < today) })
            .ToListAsync(ct);
        foreach (var id in ids)
        {
            var f = followUps.FirstOrDefault(x => x.AgencyId == id);
            var open = f?.Open ?? 0;
            var late = f?.Late ?? 0;
            signals.Add((id, new HealthSignal("Survey follow-ups open", late > 0 ? $"{open} ({late} late)" : open.ToString(CultureInfo.InvariantCulture),
                // No link: who answered what is for the agency's managers, executives and administrators (My work lists theirs).
                late > 0 ? HealthLevel.Concern : open > 0 ? HealthLevel.Attention : HealthLevel.Good)
            {
                Key = "survey-follow-ups",
                Column = "Follow-ups",
                Cell = open.ToString(CultureInfo.InvariantCulture),
                Measure = open,
            }));
        }
        return signals.ToLookup(s => s.AgencyId, s => s.Signal);
    }
}
