using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Liaison.Tests.Infrastructure;
using Liaison.Web.Features.Surveys;
using Liaison.Web.Platform.Email;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Liaison.Tests.Features.Surveys;

/// <summary>
/// Templates kept as sent, recipients changed by the right people, opting out, bounces, the CIO's workbook, and whether an
/// agency's scores moved after its follow-ups.
/// </summary>
public sealed partial class SurveyAdministrationTests(LiaisonApp app) : IClassFixture<LiaisonApp>
{
    [GeneratedRegex(@"/s/([A-Za-z0-9_-]{43})/opt-out")]
    private static partial Regex OptOutLink();

    /// <summary>Answers a recipient's survey as the form would (the service's rating and the recommendation), and submits it.</summary>
    private async Task AnswerAsync(int waveId, int personId, int rating, int recommend)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<Liaison.Web.Platform.Data.LiaisonDbContext>();
        var recipient = await db.SurveyRecipients.SingleAsync(r => r.WaveId == waveId && r.PersonId == personId);
        var token = SurveyTokens.NewToken();
        db.SurveyLinks.Add(new SurveyLink { RecipientId = recipient.Id, TokenHash = SurveyTokens.Hash(token), IssuedAt = DateTime.UtcNow });
        await db.SaveChangesAsync();
        var questions = await db.SurveyWaves.Where(w => w.Id == waveId).SelectMany(w => w.Template!.Questions).ToListAsync();
        var line = await db.Agencies.Where(a => a.Id == recipient.AgencyId).SelectMany(a => a.LinesOfService).Select(l => l.LineOfServiceId).FirstAsync();
        using var form = app.Session();
        var page = await form.GetAsync($"/s/{token}");
        var done = await form.SubmitAsync(page, new Dictionary<string, object?>
        {
            [$"a-{questions.Single(q => q.Kind == QuestionKind.ServiceRating).Id}-{line}"] = rating.ToString(System.Globalization.CultureInfo.InvariantCulture),
            [$"a-{questions.Single(q => q.Kind == QuestionKind.Recommend).Id}"] = recommend.ToString(System.Globalization.CultureInfo.InvariantCulture),
        });
        Assert.True(done.Heading?.StartsWith("Thank you", StringComparison.Ordinal), done.Text);
    }

    [Fact]
    public async Task A_template_a_wave_uses_is_kept_as_sent_and_a_copy_can_be_changed()
    {
        using var admin = await app.ApiAsync(TestData.Admin);
        var assessment = await SurveyTestData.AssessmentAsync(admin);
        var seeded = await admin.GetAsync($"/api/v1/surveys/templates/{assessment}");
        var template = await seeded.JsonAsync();
        Assert.Equal("Partner Agency Service Assessment", template.GetProperty("name").GetString());
        Assert.Equal(["ServiceRating", "Recommend", "YesNo", "Choice", "Text"],
            template.GetProperty("questions").EnumerateArray().Select(q => q.GetProperty("kind").GetString()));
        await app.CreateWaveAsync(admin, "Uses the assessment");

        var change = await admin.PutJsonAsync($"/api/v1/surveys/templates/{assessment}", new
        {
            name = "Changed",
            questions = new[] { new { kind = "Text", text = "Anything?" } },
        }, (await admin.GetAsync($"/api/v1/surveys/templates/{assessment}")).Headers.ETag!.Tag);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, change.StatusCode);
        Assert.Contains("copy the template", await change.Content.ReadAsStringAsync());

        var copy = await admin.PostAsync($"/api/v1/surveys/templates/{assessment}/copy", null);
        Assert.Equal(HttpStatusCode.Created, copy.StatusCode);
        var copyId = copy.Id();
        Assert.Equal("Copy of Partner Agency Service Assessment", (await copy.JsonAsync()).GetProperty("name").GetString());
        var etag = (await admin.GetAsync($"/api/v1/surveys/templates/{copyId}")).Headers.ETag!.Tag;
        var bad = await admin.PutJsonAsync($"/api/v1/surveys/templates/{copyId}", new
        {
            name = "Pulse",
            questions = new[] { new { kind = "Choice", text = "Pick one", choices = "Only one" } },
        }, etag);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, bad.StatusCode);
        Assert.Contains("at least two choices", await bad.Content.ReadAsStringAsync());
        var changed = await admin.PutJsonAsync($"/api/v1/surveys/templates/{copyId}", new
        {
            name = "Pulse",
            questions = new object[] { new { kind = "Recommend", text = "Recommend us?", isRequired = true }, new { kind = "Choice", text = "Pick one", choices = "Yes\nNo\nMaybe" } },
        }, etag);
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        Assert.Equal(2, (await changed.JsonAsync()).GetProperty("questions").GetArrayLength());
        // The seeded template is untouched: the wave still has its five questions.
        Assert.Equal(5, (await admin.GetJsonAsync($"/api/v1/surveys/templates/{assessment}")).GetProperty("questions").GetArrayLength());

        // Only administrators and executives manage templates.
        using var manager = await app.ApiAsync(TestData.Manager);
        Assert.Equal(HttpStatusCode.Forbidden, (await manager.PostAsync($"/api/v1/surveys/templates/{assessment}/copy", null)).StatusCode);
        using var agency = await app.ApiAsync(TestData.RevenueUser);
        Assert.Equal(HttpStatusCode.NotFound, (await agency.GetAsync($"/api/v1/surveys/templates/{assessment}")).StatusCode);
    }

    [Fact]
    public async Task Recipients_opt_out_with_one_link_and_a_refused_address_is_marked_bounced_for_the_manager()
    {
        await app.MakeKeyStakeholdersAsync(app.Ids.RevenueContact, app.Ids.HealthContact);
        using var admin = await app.ApiAsync(TestData.Admin);
        var waveId = await app.CreateWaveAsync(admin, "Opt-out wave");
        await admin.PostAsync($"/api/v1/surveys/waves/{waveId}/send", null);

        // Hank opts out with the link in his invitation: asked to confirm, then done; he is left out of the next wave.
        var body = await app.WithDbAsync(db => db.OutboxMessages.Where(m => m.To == "hank@health.gov").OrderByDescending(m => m.Id).Select(m => m.TextBody).FirstAsync());
        var token = OptOutLink().Match(body).Groups[1].Value;
        using var hank = app.Session();
        var confirm = await hank.GetAsync($"/s/{token}/opt-out");
        Assert.False(await app.WithDbAsync(db => db.SurveyOptOuts.AnyAsync(o => o.PersonId == app.Ids.HealthContact)));
        var done = await hank.SubmitAsync(confirm, formSelector: "main form");
        Assert.Contains("you will not be sent the service assessment again", done.Text);
        var next = await app.CreateWaveAsync(admin, "After opting out");
        var recipients = (await admin.GetJsonAsync($"/api/v1/surveys/waves/{next}")).GetProperty("recipients").EnumerateArray().Select(r => r.GetProperty("email").GetString()).ToList();
        Assert.Equal(["rita@revenue.gov"], recipients);

        // The server refused Rita's address: the outbox gave up, the job marks her bounced, and her manager sees it.
        await app.WithDbAsync(db => db.OutboxMessages.Where(m => m.To == "rita@revenue.gov" && m.SentAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.Attempts, 10).SetProperty(m => m.LastError, OutboxDispatcher.RecipientRefused + "SmtpCommandException: 5.1.1 User unknown")));
        await using (var scope = app.Services.CreateAsyncScope())
            await scope.ServiceProvider.GetRequiredService<SurveySchedule>().RunAsync(CancellationToken.None);
        var rita = (await admin.GetJsonAsync($"/api/v1/surveys/waves/{waveId}")).GetProperty("recipients").EnumerateArray().Single(r => r.GetProperty("email").GetString() == "rita@revenue.gov");
        Assert.Contains("User unknown", rita.GetProperty("bounceReason").GetString());
        using var manager = await app.SignedInAsync(TestData.Manager);
        var work = await manager.GetAsync("/MyWork");
        Assert.Contains("Rita Revenue's invitation bounced", work.Text);
        // No reminder goes to a bounced address, even by hand.
        var reminded = await admin.PostAsync($"/api/v1/surveys/waves/{waveId}/remind", null);
        Assert.Equal(0, (await reminded.JsonAsync()).GetProperty("count").GetInt32());

        // The manager adds another contact of Revenue; one of Health, which he does not manage, is refused.
        int other = await app.WithDbAsync(async db =>
        {
            var person = new Liaison.Web.Features.Directory.People.Person
            {
                FirstName = "Rory",
                LastName = "Revenue",
                Email = "rory@revenue.gov",
                Kind = Liaison.Web.Features.Directory.People.PersonKind.AgencyContact,
                AgencyId = app.Ids.Revenue,
            };
            db.People.Add(person);
            await db.SaveChangesAsync();
            return person.Id;
        });
        using var managerApi = await app.ApiAsync(TestData.Manager);
        var added = await managerApi.PostAsJsonAsync($"/api/v1/surveys/waves/{waveId}/recipients", new { personId = other });
        Assert.Equal(HttpStatusCode.OK, added.StatusCode);
        Assert.NotNull((await added.JsonAsync()).GetProperty("recipients").EnumerateArray().Single(r => r.GetProperty("email").GetString() == "rory@revenue.gov").GetProperty("invitedAt").GetString());
        Assert.Equal(HttpStatusCode.Forbidden, (await managerApi.PostAsJsonAsync($"/api/v1/surveys/waves/{next}/recipients", new { personId = app.Ids.HealthContact })).StatusCode);
    }

    [Fact]
    public async Task The_next_wave_shows_whether_an_agencys_scores_moved_and_the_CIO_gets_a_workbook()
    {
        await app.MakeKeyStakeholdersAsync(app.Ids.RevenueContact, app.Ids.HealthContact);
        using var admin = await app.ApiAsync(TestData.Admin);
        await app.WithDbAsync(db => db.SurveyOptOuts.ExecuteDeleteAsync());
        var first = await app.CreateWaveAsync(admin, "Moved: before");
        await admin.PostAsync($"/api/v1/surveys/waves/{first}/send", null);
        await AnswerAsync(first, app.Ids.RevenueContact, rating: 2, recommend: 4); // opens a follow-up
        await AnswerAsync(first, app.Ids.HealthContact, rating: 5, recommend: 10);
        await admin.PostAsync($"/api/v1/surveys/waves/{first}/close", null);

        var second = await app.CreateWaveAsync(admin, "Moved: after");
        await admin.PostAsync($"/api/v1/surveys/waves/{second}/send", null);
        await AnswerAsync(second, app.Ids.RevenueContact, rating: 4, recommend: 9);

        var results = await admin.GetJsonAsync($"/api/v1/surveys/waves/{second}/results");
        Assert.Equal("Moved: before", results.GetProperty("previousWave").GetString());
        var revenue = results.GetProperty("agencies").EnumerateArray().Single(a => a.GetProperty("agencyId").GetInt32() == app.Ids.Revenue);
        Assert.Equal(1, revenue.GetProperty("followUpsBefore").GetInt32());
        Assert.Equal(2.0, revenue.GetProperty("satisfactionMoved").GetDouble()); // 2 → 4
        Assert.Equal(200, revenue.GetProperty("promotersMoved").GetInt32()); // −100 → 100
        var health = results.GetProperty("agencies").EnumerateArray().Single(a => a.GetProperty("agencyId").GetInt32() == app.Ids.Health);
        Assert.Equal(0, health.GetProperty("followUpsBefore").GetInt32()); // nothing to follow up: no comparison
        Assert.False(health.TryGetProperty("satisfactionMoved", out var moved) && moved.ValueKind != System.Text.Json.JsonValueKind.Null);

        var page = await (await app.SignedInAsync(TestData.Executive)).GetAsync($"/Surveys/Waves/{second}/Results");
        Assert.Contains("1 follow-up: satisfaction up 2.00, NPS up 200", page.Text);

        var report = await admin.GetAsync($"/api/v1/surveys/waves/{first}/report");
        Assert.Equal(HttpStatusCode.OK, report.StatusCode);
        var content = await report.Content.ReadAsByteArrayAsync();
        using var document = SpreadsheetDocument.Open(new MemoryStream(content), isEditable: false);
        var errors = new DocumentFormat.OpenXml.Validation.OpenXmlValidator().Validate(document).Select(e => $"{e.Path?.XPath}: {e.Description}").ToList();
        Assert.True(errors.Count == 0, string.Join("\n", errors));
        var sheets = document.WorkbookPart!.Workbook.Sheets!.Elements<Sheet>().Select(s => s.Name!.Value).ToList();
        Assert.Equal(["Overall", "Lines of service", "Agencies", "Trend", "Comments"], sheets);
        var agencies = Rows(document, "Agencies");
        Assert.Equal("Agency", agencies[0][0]);
        var revenueRow = agencies.Single(r => r[0] == "Department of Revenue");
        Assert.Equal("2", revenueRow[4]); // satisfaction 2.0
        Assert.Equal("-100", revenueRow[6]); // NPS

        // An agency user may not download another wave's report, published or not.
        using var agency = await app.ApiAsync(TestData.RevenueUser);
        Assert.Equal(HttpStatusCode.NotFound, (await agency.GetAsync($"/api/v1/surveys/waves/{first}/report")).StatusCode);
    }

    private static List<List<string>> Rows(SpreadsheetDocument document, string sheetName)
    {
        var workbook = document.WorkbookPart!;
        var sheet = workbook.Workbook.Sheets!.Elements<Sheet>().Single(s => s.Name == sheetName);
        var part = (WorksheetPart)workbook.GetPartById(sheet.Id!);
        var shared = workbook.SharedStringTablePart?.SharedStringTable.Elements<SharedStringItem>().Select(s => s.InnerText).ToList() ?? [];
        return part.Worksheet.Descendants<Row>().Select(row => row.Elements<Cell>().Select(c =>
            c.DataType?.Value == CellValues.SharedString ? shared[int.Parse(c.CellValue!.Text, System.Globalization.CultureInfo.InvariantCulture)]
            : c.DataType?.Value == CellValues.InlineString ? c.InlineString!.InnerText
            : c.CellValue?.Text ?? "").ToList()).ToList();
    }
}
