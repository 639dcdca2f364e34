using Liaison.Web.Features.Administration.Settings;
using Liaison.Web.Features.Directory.Agencies;
using Liaison.Web.Features.Relationships.Contracts;
using Liaison.Web.Platform.Data;
using Liaison.Web.Platform.Modules;
using Liaison.Web.Platform.Time;
using Microsoft.EntityFrameworkCore;

namespace Liaison.Web.Features.Surveys;

/// <summary>
/// The demo's surveys: January's and July's assessments answered and closed (January's published to staff and agencies),
/// a short pulse survey open now (the agency account is among its recipients), and the follow-ups their low answers
/// opened, January's closed and July's some open, some late: results, trends, My work and the scoreboard have something to show.
/// </summary>
internal sealed class SurveysDemo(LiaisonDbContext db, OrganisationClock clock, SiteSettings settings) : IDemoSeeder
{
    public int Order => 60;

    private static readonly string[] Comments =
    [
        "The service desk answers quickly, but tickets about printers wait too long.",
        "Our relationship manager is excellent; the network outages in spring hurt us.",
        "Please tell us earlier about maintenance windows.",
        "Project estimates keep slipping; we need firmer dates.",
        "Very happy with the move to the new email system.",
    ];

    public async Task SeedAsync(DemoRun run, CancellationToken ct)
    {
        var random = run.Random;
        var today = clock.Today;
        var site = await settings.GetAsync(ct);
        var template = await ManageTemplates.EnsureAssessmentAsync(db, ct);
        var questions = await db.SurveyQuestions.AsNoTracking().Where(q => q.TemplateId == template.Id).OrderBy(q => q.Position).ToListAsync(ct);
        var people = await db.KeyStakeholdersOf().Where(p => p.Email != null && p.Agency!.IsActive).Select(p => new { p.Id, AgencyId = p.AgencyId!.Value, p.Email }).ToListAsync(ct);
        var accounts = await DemoAccounts.PeopleAsync(db, ct);
        if (accounts.TryGetValue("agency@demo.test", out var casey) && casey.AgencyId is { } caseyAgency && people.All(p => p.Id != casey.Id))
            people.Add(new { casey.Id, AgencyId = caseyAgency, casey.Email });
        var lines = (await db.Set<AgencyLineOfService>().AsNoTracking().Where(l => l.LineOfService!.IsActive)
                .Select(l => new { l.AgencyId, l.LineOfServiceId, l.LineOfService!.Name }).ToListAsync(ct))
            .OrderBy(l => l.Name, StringComparer.CurrentCultureIgnoreCase).ToLookup(l => l.AgencyId, l => new RatedLine(l.LineOfServiceId, l.Name));
        var owners = await db.PrimaryPeopleByAgencyAsync(ct);

        // January's and July's of this year (or last, early in the year), both closed.
        var year = today.Month > 7 ? today.Year : today.Year - 1;
        var waves = new[]
        {
            (First: new DateOnly(year, 1, 1), Published: true, Answer: 0.75, Mood: 0.3),
            (First: new DateOnly(year, 7, 1), Published: false, Answer: 0.65, Mood: 0.0),
        };
        foreach (var (first, published, answerShare, mood) in waves)
        {
            var wave = new SurveyWave
            {
                Name = $"Service assessment, {first:MMMM yyyy}",
                TemplateId = template.Id,
                OpensOn = first,
                ClosesOn = first.AddDays(site.SurveyOpenDays - 1),
                Status = WaveStatus.Closed,
                ScheduleKey = first.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture),
                InvitedAt = clock.ToUtc(first.ToDateTime(new TimeOnly(8, 0))),
                ClosedAt = clock.ToUtc(first.AddDays(site.SurveyOpenDays).ToDateTime(new TimeOnly(1, 0))),
                PublishedToStaff = published,
                PublishedToAgencies = published,
            };
            db.SurveyWaves.Add(wave);
            await db.SaveChangesAsync(ct);
            foreach (var p in people)
            {
                var recipient = new SurveyRecipient { WaveId = wave.Id, AgencyId = p.AgencyId, PersonId = p.Id, Email = p.Email!, InvitedAt = wave.InvitedAt };
                if (random.NextDouble() < answerShare)
                {
                    var day = first.AddDays(random.Next(0, site.SurveyOpenDays - 2));
                    recipient.StartedAt = recipient.SubmittedAt = clock.ToUtc(day.ToDateTime(new TimeOnly(10, random.Next(60))));
                    if (day > first.AddDays(7))
                        recipient.RemindersSent = 1;
                    Answer(recipient, questions, lines[p.AgencyId].ToList(), random, mood);
                }
                else
                {
                    recipient.RemindersSent = Math.Min(2, site.SurveyMaxReminders);
                }
                db.SurveyRecipients.Add(recipient);
            }
            await db.SaveChangesAsync(ct);
            // The follow-ups their low answers opened: January's long closed, July's partly under way.
            var answered = await db.SurveyRecipients.Include(r => r.Answers).Where(r => r.WaveId == wave.Id && r.SubmittedAt != null).ToListAsync(ct);
            foreach (var r in answered)
            {
                var low = AnswerSurvey.LowAnswers(questions, lines[r.AgencyId].ToList(), r.Answers);
                if (low.Count == 0)
                    continue;
                var submitted = clock.DateOf(r.SubmittedAt!.Value);
                var followUp = new SurveyFollowUp
                {
                    RecipientId = r.Id,
                    WaveId = wave.Id,
                    AgencyId = r.AgencyId,
                    OwnerPersonId = owners.TryGetValue(r.AgencyId, out var owner) ? owner : null,
                    LowAnswers = string.Join('\n', low),
                    FirstContactDueOn = site.AddBusinessDays(submitted, SurveyRules.FirstContactBusinessDays),
                    Status = FollowUpStatus.Open,
                };
                var progress = published ? 3 : random.Next(4);
                if (progress >= 1)
                {
                    followUp.Status = FollowUpStatus.Contacted;
                    followUp.ContactedOn = submitted.AddDays(random.Next(1, 4));
                }
                if (progress >= 2)
                {
                    followUp.Status = FollowUpStatus.ActionPlanned;
                    followUp.ActionPlan = "Agreed a monthly review of open tickets with the agency's IT director.";
                }
                if (progress >= 3)
                {
                    followUp.Status = FollowUpStatus.Closed;
                    followUp.ClosedOn = followUp.ContactedOn!.Value.AddDays(20);
                    followUp.Resolution = "Ticket backlog cleared; the agency confirmed the improvement.";
                }
                db.SurveyFollowUps.Add(followUp);
            }
            await db.SaveChangesAsync(ct);
        }

        // A short pulse open now: the agency account can answer it from "Surveys".
        var pulse = new SurveyWave
        {
            Name = $"Service pulse, {today:MMMM yyyy}",
            TemplateId = template.Id,
            OpensOn = today.AddDays(-3),
            ClosesOn = today.AddDays(14),
            Status = WaveStatus.Open,
            InvitedAt = clock.UtcNow.AddDays(-3),
        };
        db.SurveyWaves.Add(pulse);
        await db.SaveChangesAsync(ct);
        foreach (var p in people)
        {
            var recipient = new SurveyRecipient { WaveId = pulse.Id, AgencyId = p.AgencyId, PersonId = p.Id, Email = p.Email!, InvitedAt = pulse.InvitedAt };
            if (p.Id != casey?.Id && random.NextDouble() < 0.3)
            {
                recipient.StartedAt = recipient.SubmittedAt = clock.UtcNow.AddDays(-random.Next(0, 3));
                Answer(recipient, questions, lines[p.AgencyId].ToList(), random, 0.4);
            }
            db.SurveyRecipients.Add(recipient);
        }
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Plausible answers: most ratings 3–5, now and then a 1 or 2; recommendations mostly 7–10. <paramref name="mood"/> lifts them.</summary>
    private static void Answer(SurveyRecipient r, IReadOnlyList<SurveyQuestion> questions, IReadOnlyList<RatedLine> lines, Random random, double mood)
    {
        foreach (var q in questions)
        {
            SurveyAnswer New() => new() { WaveId = r.WaveId, AgencyId = r.AgencyId, QuestionId = q.Id, Kind = q.Kind, Submitted = true };
            switch (q.Kind)
            {
                case QuestionKind.ServiceRating:
                    foreach (var line in lines)
                    {
                        var roll = random.NextDouble() + mood * 0.2;
                        var rating = roll < 0.06 ? 1 : roll < 0.14 ? 2 : roll < 0.3 ? 3 : roll < 0.65 ? 4 : 5;
                        var answer = New();
                        answer.LineOfServiceId = line.Id;
                        answer.Number = rating;
                        r.Answers.Add(answer);
                    }
                    break;
                case QuestionKind.Recommend:
                    var likely = Math.Clamp((int)Math.Round(8 + mood * 2 + (random.NextDouble() - 0.55) * 7), 0, 10);
                    var recommend = New();
                    recommend.Number = likely;
                    r.Answers.Add(recommend);
                    break;
                case QuestionKind.YesNo:
                    var yes = New();
                    yes.Number = random.Next(5) == 0 ? 0 : 1;
                    r.Answers.Add(yes);
                    break;
                case QuestionKind.Choice when q.ChoiceList.Count > 0:
                    var choice = New();
                    choice.Text = q.ChoiceList[random.Next(q.ChoiceList.Count)];
                    r.Answers.Add(choice);
                    break;
                case QuestionKind.Text when random.Next(3) == 0:
                    var text = New();
                    text.Text = Comments[random.Next(Comments.Length)];
                    r.Answers.Add(text);
                    break;
            }
        }
    }
}
