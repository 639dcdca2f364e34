using System.Globalization;
using Liaison.Web.Features.Administration.Settings;
using Liaison.Web.Platform.Data;
using Liaison.Web.Platform.Time;
using Microsoft.EntityFrameworkCore;

namespace Liaison.Web.Features.Surveys;

/// <summary>
/// The assessment's schedule, run by the job library (<see cref="SurveysJob"/>): two weeks before the first of each
/// month in the settings it prepares that month's wave (once, whichever instance runs first: its month is a unique key),
/// sends every wave whose opening day has come, reminds those who have not answered on the configured days (one reminder
/// per run at most, so a run after downtime catches up once), and closes waves past their closing day.
/// </summary>
internal sealed class SurveySchedule(LiaisonDbContext db, OrganisationClock clock, SiteSettings settings, SurveyMail mail, ILogger<SurveySchedule> log)
{
    /// <summary>How long before the first of the month its wave is prepared, so recipients can be checked before it goes.</summary>
    public const int PrepareDaysBefore = 14;

    public async Task RunAsync(CancellationToken ct)
    {
        var today = clock.Today;
        var site = await settings.GetAsync(ct);
        await PrepareAsync(site, today, ct);

        foreach (var waveId in await db.SurveyWaves.Where(w => w.Status == WaveStatus.Scheduled && w.OpensOn <= today).Select(w => w.Id).ToListAsync(ct))
        {
            var invited = await mail.OpenAsync(waveId, WaveStatus.Scheduled, ct);
            log.LogInformation("Survey wave {Wave} opened: {Invited} invitations.", waveId, invited);
        }

        var offsets = site.SurveyReminderOffsets;
        foreach (var wave in await db.SurveyWaves.AsNoTracking().Where(w => w.Status == WaveStatus.Open && w.OpensOn <= today && w.ClosesOn >= today).ToListAsync(ct))
        {
            var due = offsets.Count(d => wave.OpensOn.AddDays(d) <= today);
            if (due > 0)
                await mail.RemindAsync(wave, byHand: false, ct, upTo: due);
        }

        await MarkRefusedAsync(ct);

        await db.SurveyWaves.Where(w => w.Status == WaveStatus.Open && w.ClosesOn < today)
            .ExecuteUpdateAsync(s => s.SetProperty(w => w.Status, WaveStatus.Closed).SetProperty(w => w.ClosedAt, clock.UtcNow)
                .SetProperty(w => w.Version, w => w.Version + 1), ct);
    }

    /// <summary>
    /// Marks bounced the recipients of open waves whose invitation or reminder the mail server refused (the outbox gave it
    /// up as "recipient refused"): no more reminders go to them, and their relationship manager sees it on the wave and in
    /// My work. A bounce that comes back later as a message to the mailbox is marked by hand or through the API.
    /// </summary>
    internal async Task MarkRefusedAsync(CancellationToken ct)
    {
        var prefix = Platform.Email.OutboxDispatcher.RecipientRefused;
        var refused = await db.SurveyRecipients
            .Where(r => r.BouncedAt == null && r.InvitedAt != null && r.SubmittedAt == null && r.Wave!.Status == WaveStatus.Open)
            .Select(r => new
            {
                r.Id,
                Error = db.OutboxMessages.Where(m => m.To == r.Email && m.SentAt == null && m.CreatedAt >= r.InvitedAt && m.LastError!.StartsWith(prefix))
                    .OrderByDescending(m => m.Id).Select(m => m.LastError).FirstOrDefault(),
            })
            .Where(r => r.Error != null).Take(500).ToListAsync(ct);
        foreach (var r in refused)
        {
            var reason = r.Error!.Length > 500 ? r.Error[..500] : r.Error;
            await db.SurveyRecipients.Where(x => x.Id == r.Id && x.BouncedAt == null)
                .ExecuteUpdateAsync(s => s.SetProperty(x => x.BouncedAt, clock.UtcNow).SetProperty(x => x.BounceReason, reason).SetProperty(x => x.Version, x => x.Version + 1), ct);
        }
    }

    /// <summary>The scheduled wave of this month or next, if its month is in the settings and it is time (and not too late) to prepare it.</summary>
    internal async Task PrepareAsync(OrganisationSettings site, DateOnly today, CancellationToken ct)
    {
        var thisMonth = new DateOnly(today.Year, today.Month, 1);
        foreach (var first in new[] { thisMonth, thisMonth.AddMonths(1) })
        {
            var closes = first.AddDays(Math.Max(1, site.SurveyOpenDays) - 1);
            if (!site.SurveyMonthNumbers.Contains(first.Month) || today < first.AddDays(-PrepareDaysBefore) || today > closes)
                continue;
            var key = first.ToString("yyyy-MM", CultureInfo.InvariantCulture);
            if (await db.SurveyWaves.AnyAsync(w => w.ScheduleKey == key, ct))
                continue;
            var template = await ManageTemplates.EnsureAssessmentAsync(db, ct);
            var wave = new SurveyWave
            {
                Name = $"Service assessment, {first.ToString("MMMM yyyy", CultureInfo.InvariantCulture)}",
                TemplateId = template.Id,
                OpensOn = first,
                ClosesOn = closes,
                Status = WaveStatus.Scheduled,
                ScheduleKey = key,
            };
            db.SurveyWaves.Add(wave);
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateException)
            {
                // Another instance prepared it at the same moment: its wave stands.
                db.ChangeTracker.Clear();
                continue;
            }
            var added = await ManageWaves.AddDefaultRecipientsAsync(db, wave.Id, ct);
            log.LogInformation("Prepared survey wave {Wave} for {Month} with {Recipients} recipients.", wave.Id, key, added);
        }
    }
}

internal sealed class SurveysJob(IServiceScopeFactory scopes) : Quartz.IJob
{
    public async ValueTask Execute(Quartz.IJobExecutionContext context, CancellationToken cancellationToken = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<SurveySchedule>().RunAsync(cancellationToken);
    }
}
