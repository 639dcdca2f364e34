using System.Net;
using System.Net.Http.Json;
using Liaison.Tests.Infrastructure;
using Liaison.Web.Features.Surveys;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Liaison.Tests.Features.Surveys;

/// <summary>
/// A wave from creation to follow-up through the real app: recipients default to key stakeholders, the personal link
/// opens the form without signing in, answers are saved as they go and submitted once, a low score opens one follow-up
/// due in two business days, and the link refuses guesses and says politely when the wave has closed.
/// </summary>
public sealed class SurveysTests(LiaisonApp app) : IClassFixture<LiaisonApp>
{
    private Task<string> LatestLinkAsync(string email) => app.WithDbAsync(async db =>
    {
        var body = await db.OutboxMessages.Where(m => m.To == email).OrderByDescending(m => m.Id).Select(m => m.TextBody).FirstAsync();
        return SurveyTestData.LinkIn(body);
    });

    [Fact]
    public async Task A_wave_goes_to_key_stakeholders_and_a_low_answer_opens_one_follow_up_due_in_two_business_days()
    {
        app.Clock.Set(new DateTimeOffset(2027, 3, 5, 15, 0, 0, TimeSpan.Zero)); // a Friday, in Chicago's morning
        await app.MakeKeyStakeholdersAsync(app.Ids.RevenueContact, app.Ids.HealthContact);
        using var admin = await app.ApiAsync(TestData.Admin);
        var waveId = await app.CreateWaveAsync(admin, "Assessment, March 2027");

        var wave = await admin.GetJsonAsync($"/api/v1/surveys/waves/{waveId}");
        var recipients = wave.GetProperty("recipients").EnumerateArray().Select(r => r.GetProperty("email").GetString()).Order().ToList();
        Assert.Equal(["hank@health.gov", "rita@revenue.gov"], recipients);

        var sent = await admin.PostAsync($"/api/v1/surveys/waves/{waveId}/send", null);
        Assert.Equal(2, (await sent.JsonAsync()).GetProperty("count").GetInt32());
        var mails = await app.DeliverAsync();
        var invitation = mails.Select(Mail.Parse).Last(m => m.To.Mailboxes.Single().Address == "rita@revenue.gov");
        Assert.Contains("Assessment, March 2027", invitation.Subject);
        var token = SurveyTestData.LinkIn(invitation.TextBody!);
        Assert.Equal(43, token.Length);
        // Only the hash is stored.
        Assert.False(await app.WithDbAsync(db => db.SurveyLinks.AnyAsync(l => l.TokenHash == token)));

        using var rita = app.Session(); // not signed in
        var form = await rita.GetAsync($"/s/{token}");
        Assert.Equal(HttpStatusCode.OK, form.Status);
        Assert.Equal("Assessment, March 2027", form.Heading);
        Assert.Contains("Service Desk", form.Text); // the line of service Revenue consumes, to rate
        Assert.DoesNotContain("GIS", form.Text); // Health's, not Revenue's
        Assert.Contains("Confidential, not anonymous", form.Text);

        var questions = await app.WithDbAsync(db => db.SurveyWaves.Where(w => w.Id == waveId).SelectMany(w => w.Template!.Questions).ToListAsync());
        var rating = questions.Single(q => q.Kind == QuestionKind.ServiceRating).Id;
        var recommend = questions.Single(q => q.Kind == QuestionKind.Recommend).Id;
        var comment = questions.Single(q => q.Kind == QuestionKind.Text).Id;

        // Submitting without the required answers is refused next to each, and nothing is submitted.
        var refused = await rita.SubmitAsync(form, new Dictionary<string, object?> { [$"a-{comment}"] = "Half done" });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.Status);
        Assert.Contains("Rate each service, please.", refused.Text);
        Assert.Contains("Please answer this question.", refused.Text);
        // An answer out of range is refused too.
        var hostile = await rita.SubmitAsync(form, new Dictionary<string, object?> { [$"a-{rating}-{app.Ids.LineServiceDesk}"] = "9", [$"a-{recommend}"] = "11" });
        Assert.Contains("Choose a rating from 1 to 5.", hostile.Text);
        Assert.Contains("Choose a number from 0 to 10.", hostile.Text);
        Assert.Null(await app.WithDbAsync(db => db.SurveyRecipients.Where(r => r.Email == "rita@revenue.gov" && r.WaveId == waveId).Select(r => r.SubmittedAt).SingleAsync()));

        var done = await rita.SubmitAsync(form, new Dictionary<string, object?>
        {
            [$"a-{rating}-{app.Ids.LineServiceDesk}"] = "2",
            [$"a-{recommend}"] = "5",
            [$"a-{comment}"] = "Tickets wait a week.",
        });
        Assert.Equal(HttpStatusCode.OK, done.Status);
        Assert.StartsWith("Thank you", done.Heading);

        // One follow-up, listing both low answers, owned by Revenue's manager, first contact by Tuesday (weekend skipped).
        using var manager = await app.ApiAsync(TestData.Manager);
        var followUps = (await manager.GetJsonAsync("/api/v1/surveys/follow-ups")).EnumerateArray().ToList();
        var followUp = Assert.Single(followUps, f => f.GetProperty("wave").GetString() == "Assessment, March 2027");
        Assert.Equal("Service Desk: rated 2 of 5\nLikely to recommend: 5 of 10", followUp.GetProperty("lowAnswers").GetString());
        Assert.Equal("Sam Staff", followUp.GetProperty("owner").GetString());
        Assert.Equal("2027-03-09", followUp.GetProperty("firstContactDueOn").GetString());

        // A second submission through the same link changes nothing: the link thanks them.
        var again = await rita.GetAsync($"/s/{token}");
        Assert.StartsWith("Thank you", again.Heading);
        Assert.Equal(1, await app.WithDbAsync(db => db.SurveyFollowUps.CountAsync(f => f.WaveId == waveId)));

        // The follow-up moves through its statuses, each with what it needs.
        var id = followUp.GetProperty("id").GetInt32();
        var current = await manager.GetAsync($"/api/v1/surveys/follow-ups/{id}");
        var etag = current.Headers.ETag!.Tag;
        var closeWithoutResolution = await manager.PutJsonAsync($"/api/v1/surveys/follow-ups/{id}", new { status = "Closed", contactedOn = "2027-03-05" }, etag);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, closeWithoutResolution.StatusCode);
        Assert.Contains("how it was resolved", await closeWithoutResolution.Content.ReadAsStringAsync());
        var closed = await manager.PutJsonAsync($"/api/v1/surveys/follow-ups/{id}", new { status = "Closed", contactedOn = "2027-03-05", resolution = "Desk staffing doubled." }, etag);
        Assert.Equal(HttpStatusCode.OK, closed.StatusCode);

        // Results: Revenue's answer counted; Health has not answered.
        var results = await admin.GetJsonAsync($"/api/v1/surveys/waves/{waveId}/results");
        Assert.Equal(2, results.GetProperty("recipients").GetInt32());
        Assert.Equal(1, results.GetProperty("answered").GetInt32());
        Assert.Equal(2.0, results.GetProperty("satisfaction").GetProperty("average").GetDouble());
        Assert.Equal(-100, results.GetProperty("promoters").GetProperty("score").GetInt32());
        Assert.Contains(results.GetProperty("comments").EnumerateArray(), c => c.GetProperty("text").GetString() == "Tickets wait a week." && c.GetProperty("name").GetString() == "Rita Revenue");

        // After closing, the link says so politely; a guessed or mangled link opens nothing.
        Assert.Equal(HttpStatusCode.OK, (await admin.PostAsync($"/api/v1/surveys/waves/{waveId}/close", null)).StatusCode);
        var hankToken = await LatestLinkAsync("hank@health.gov");
        using var hank = app.Session();
        var closedPage = await hank.GetAsync($"/s/{hankToken}");
        Assert.Contains("has closed", closedPage.Heading);
        Assert.Equal(HttpStatusCode.NotFound, (await hank.GetAsync($"/s/{SurveyTokens.NewToken()}")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await hank.GetAsync("/s/not-a-token")).Status);
    }

    [Fact]
    public async Task Published_results_are_aggregated_and_an_agency_sees_only_its_own()
    {
        await app.MakeKeyStakeholdersAsync(app.Ids.RevenueContact, app.Ids.HealthContact);
        using var admin = await app.ApiAsync(TestData.Admin);
        var waveId = await app.CreateWaveAsync(admin, "Assessment for publishing");
        await admin.PostAsync($"/api/v1/surveys/waves/{waveId}/send", null);

        using var revenueUser = await app.ApiAsync(TestData.RevenueUser);
        using var staff = await app.ApiAsync(TestData.Staff);
        // Unpublished: neither the agency nor the staff see anything, as if the wave did not exist.
        Assert.Equal(HttpStatusCode.NotFound, (await revenueUser.GetAsync($"/api/v1/surveys/waves/{waveId}/results")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await staff.GetAsync($"/api/v1/surveys/waves/{waveId}/results")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await revenueUser.GetAsync($"/api/v1/surveys/waves/{waveId}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await staff.PostAsync($"/api/v1/surveys/waves/{waveId}/close", null)).StatusCode);

        // Rhea (Revenue's user, Rita's directory entry) finds the open survey when signed in and answers it there.
        var mine = await revenueUser.GetJsonAsync("/api/v1/surveys/mine");
        Assert.Contains(mine.EnumerateArray(), s => s.GetProperty("waveId").GetInt32() == waveId && s.GetProperty("isOpen").GetBoolean());
        using var rhea = await app.SignedInAsync(TestData.RevenueUser);
        var list = await rhea.GetAsync("/Surveys/Mine");
        Assert.Contains("Assessment for publishing", list.Text);
        var recipient = await app.WithDbAsync(db => db.SurveyRecipients.Where(r => r.WaveId == waveId && r.PersonId == app.Ids.RevenueContact).Select(r => r.Id).SingleAsync());
        var form = await rhea.SubmitAsync(list, formSelector: $"main form[action*='recipientId={recipient}']");
        Assert.Equal("Assessment for publishing", form.Heading);
        var questions = await app.WithDbAsync(db => db.SurveyWaves.Where(w => w.Id == waveId).SelectMany(w => w.Template!.Questions).ToListAsync());
        var done = await rhea.SubmitAsync(form, new Dictionary<string, object?>
        {
            [$"a-{questions.Single(q => q.Kind == QuestionKind.ServiceRating).Id}-{app.Ids.LineServiceDesk}"] = "5",
            [$"a-{questions.Single(q => q.Kind == QuestionKind.Recommend).Id}"] = "10",
        });
        Assert.StartsWith("Thank you", done.Heading);
        Assert.Equal(0, await app.WithDbAsync(db => db.SurveyFollowUps.CountAsync(f => f.WaveId == waveId)));

        // Through the API too: the same survey, its answers read back, and no second submission.
        var apiForm = await revenueUser.GetJsonAsync($"/api/v1/surveys/mine/{recipient}");
        Assert.Equal("Submitted", apiForm.GetProperty("state").GetString());
        Assert.Equal("10", apiForm.GetProperty("answers").GetProperty(questions.Single(q => q.Kind == QuestionKind.Recommend).Id.ToString(System.Globalization.CultureInfo.InvariantCulture)).GetString());
        var again = await revenueUser.PutJsonAsync($"/api/v1/surveys/mine/{recipient}", new { answers = new Dictionary<string, string>(), submit = true });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, again.StatusCode);
        Assert.Contains("submitted already", await again.Content.ReadAsStringAsync());
        using var healthUser = await app.ApiAsync(TestData.HealthUser);
        Assert.Equal(HttpStatusCode.NotFound, (await healthUser.GetAsync($"/api/v1/surveys/mine/{recipient}")).StatusCode); // another's response
        var hankRecipient = await app.WithDbAsync(db => db.SurveyRecipients.Where(r => r.WaveId == waveId && r.PersonId == app.Ids.HealthContact).Select(r => r.Id).SingleAsync());
        var bad = await healthUser.PutJsonAsync($"/api/v1/surveys/mine/{hankRecipient}", new
        {
            answers = new Dictionary<string, string> { [$"{questions.Single(q => q.Kind == QuestionKind.ServiceRating).Id}-{app.Ids.LineGis}"] = "0" },
            submit = false,
        });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, bad.StatusCode);
        Assert.Contains("Choose a rating from 1 to 5.", await bad.Content.ReadAsStringAsync());
        var saved = await healthUser.PutJsonAsync($"/api/v1/surveys/mine/{hankRecipient}", new
        {
            answers = new Dictionary<string, string> { [$"{questions.Single(q => q.Kind == QuestionKind.ServiceRating).Id}-{app.Ids.LineGis}"] = "3" },
            submit = false,
        });
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        Assert.Equal("Open", (await saved.JsonAsync()).GetProperty("state").GetString());

        var publish = await admin.PostAsJsonAsync($"/api/v1/surveys/waves/{waveId}/publish", new { toStaff = true, toAgencies = true });
        Assert.Equal(HttpStatusCode.OK, publish.StatusCode);
        var own = await revenueUser.GetJsonAsync($"/api/v1/surveys/waves/{waveId}/results");
        Assert.True(own.GetProperty("aggregated").GetBoolean());
        var agencies = own.GetProperty("agencies").EnumerateArray().ToList();
        Assert.Equal("Department of Revenue", Assert.Single(agencies).GetProperty("agency").GetString());
        // One person answered: fewer than three, so the figures are hidden, and no comment is shown.
        Assert.True(own.GetProperty("overallHidden").GetBoolean());
        Assert.True(agencies[0].GetProperty("hidden").GetBoolean());
        Assert.Empty(own.GetProperty("comments").EnumerateArray());
        // Asking for another agency's results still answers with one's own.
        var other = await revenueUser.GetJsonAsync($"/api/v1/surveys/waves/{waveId}/results?agencyId={app.Ids.Health}");
        Assert.Equal(app.Ids.Revenue, Assert.Single(other.GetProperty("agencies").EnumerateArray()).GetProperty("agencyId").GetInt32());
        var staffView = await staff.GetJsonAsync($"/api/v1/surveys/waves/{waveId}/results");
        Assert.True(staffView.GetProperty("aggregated").GetBoolean());
        Assert.Equal(2, staffView.GetProperty("agencies").GetArrayLength());
    }

    [Fact]
    public async Task Reminders_go_on_their_days_up_to_the_most_allowed_and_never_to_those_who_answered()
    {
        app.Clock.Set(new DateTimeOffset(2027, 5, 3, 15, 0, 0, TimeSpan.Zero));
        await app.MakeKeyStakeholdersAsync(app.Ids.RevenueContact, app.Ids.HealthContact);
        using var admin = await app.ApiAsync(TestData.Admin);
        var waveId = await app.CreateWaveAsync(admin, "Assessment with reminders");
        await admin.PostAsync($"/api/v1/surveys/waves/{waveId}/send", null);
        // Rita answers at once; Hank never does.
        var rita = await app.WithDbAsync(db => db.SurveyRecipients.Where(r => r.WaveId == waveId && r.Email == "rita@revenue.gov").Select(r => r.Id).SingleAsync());
        await app.WithDbAsync(db => db.SurveyRecipients.Where(r => r.Id == rita).ExecuteUpdateAsync(s => s.SetProperty(r => r.SubmittedAt, DateTime.UtcNow)));

        for (var day = 0; day <= 25; day++)
        {
            if (day > 0)
                app.Clock.Advance(TimeSpan.FromDays(1));
            if (day is >= 6 and <= 9)
                continue; // down across the first reminder day: it goes once when the app is back
            await RunScheduleAsync();
            if (day == 11)
            {
                // "Send reminders now" counts toward the most allowed (2 by default).
                using var later = await app.ApiAsync(TestData.Admin); // a session of the day
                var now = await later.PostAsync($"/api/v1/surveys/waves/{waveId}/remind", null);
                Assert.True(now.IsSuccessStatusCode, await now.Content.ReadAsStringAsync());
                Assert.Equal(1, (await now.JsonAsync()).GetProperty("count").GetInt32());
            }
        }
        var reminders = await app.WithDbAsync(db => db.SurveyReminders.Where(r => db.Set<SurveyRecipient>().Any(x => x.Id == r.RecipientId && x.WaveId == waveId))
            .OrderBy(r => r.Number).Select(r => new { r.RecipientId, r.Number, r.ByHand, r.SentAt }).ToListAsync());
        Assert.Equal(2, reminders.Count); // day 10 (the catch-up of day 7), then by hand on day 11; day 14 finds the most reached
        Assert.All(reminders, r => Assert.NotEqual(rita, r.RecipientId));
        Assert.Equal([false, true], reminders.Select(r => r.ByHand));
        var hank = await app.WithDbAsync(db => db.SurveyRecipients.SingleAsync(r => r.WaveId == waveId && r.Email == "hank@health.gov"));
        Assert.Equal(2, hank.RemindersSent);
        Assert.Equal(3, await app.WithDbAsync(db => db.OutboxMessages.CountAsync(m => m.To == "hank@health.gov" && m.Subject.Contains("Assessment with reminders"))));
        // Past its closing day the job closed the wave.
        Assert.Equal(WaveStatus.Closed, await app.WithDbAsync(db => db.SurveyWaves.Where(w => w.Id == waveId).Select(w => w.Status).SingleAsync()));
    }

    [Fact]
    public async Task The_schedule_prepares_each_months_assessment_once_even_when_two_instances_run_it_together()
    {
        await app.MakeKeyStakeholdersAsync(app.Ids.RevenueContact, app.Ids.HealthContact);
        app.Clock.Set(new DateTimeOffset(2027, 12, 10, 15, 0, 0, TimeSpan.Zero)); // too early for January 2028
        await RunScheduleAsync();
        Assert.False(await app.WithDbAsync(db => db.SurveyWaves.AnyAsync(w => w.ScheduleKey == "2028-01")));

        app.Clock.Set(new DateTimeOffset(2027, 12, 20, 15, 0, 0, TimeSpan.Zero)); // twelve days before the first
        await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => RunScheduleAsync()));
        var wave = await app.WithDbAsync(db => db.SurveyWaves.SingleAsync(w => w.ScheduleKey == "2028-01"));
        Assert.Equal(WaveStatus.Scheduled, wave.Status);
        Assert.Equal(new DateOnly(2028, 1, 1), wave.OpensOn);
        Assert.Equal(new DateOnly(2028, 1, 21), wave.ClosesOn); // 21 days open
        Assert.Equal(2, await app.WithDbAsync(db => db.SurveyRecipients.CountAsync(r => r.WaveId == wave.Id && r.InvitedAt == null)));

        app.Clock.Set(new DateTimeOffset(2028, 1, 1, 15, 0, 0, TimeSpan.Zero));
        await Task.WhenAll(RunScheduleAsync(), RunScheduleAsync());
        Assert.Equal(WaveStatus.Open, await app.WithDbAsync(db => db.SurveyWaves.Where(w => w.Id == wave.Id).Select(w => w.Status).SingleAsync()));
        Assert.Equal(1, await app.WithDbAsync(db => db.OutboxMessages.CountAsync(m => m.To == "rita@revenue.gov" && m.Subject == "Service assessment, January 2028")));
        Assert.Equal(1, await app.WithDbAsync(db => db.SurveyWaves.CountAsync(w => w.ScheduleKey == "2028-01")));
    }

    private async Task RunScheduleAsync()
    {
        await using var scope = app.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<SurveySchedule>().RunAsync(CancellationToken.None);
    }
}
