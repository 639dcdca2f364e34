using System.IO.Compression;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using Liaison.Tests.Features.Relationships;
using Liaison.Tests.Infrastructure;
using Liaison.Web.Platform.Email;
using Liaison.Web.Platform.ImportExport;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Liaison.Tests.Features.Platform;

/// <summary>
/// What an attacker, or an unlucky paste, sends: spreadsheets built to exhaust memory, control characters, huge arrays,
/// dates no one means. Each is refused with a clear answer, never a 500, and nothing is half-written.
/// </summary>
public sealed class HostileInputTests(LiaisonApp app) : IClassFixture<LiaisonApp>
{
    private const string Nul = "\u0000";

    // ---- Spreadsheets ------------------------------------------------------------------------------

    /// <summary>A workbook of one sheet whose XML is written by <paramref name="sheet"/>, with an optional shared-strings part.</summary>
    private static byte[] Workbook(Action<StreamWriter> sheet, Action<StreamWriter>? sharedStrings = null)
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            void Add(string path, Action<StreamWriter> write)
            {
                using var writer = new StreamWriter(zip.CreateEntry(path, CompressionLevel.Optimal).Open(), new UTF8Encoding(false), 1 << 16);
                write(writer);
            }
            Add("[Content_Types].xml", w => w.Write("""<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/></Types>"""));
            Add("_rels/.rels", w => w.Write("""<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>"""));
            Add("xl/workbook.xml", w => w.Write("""<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="People" sheetId="1" r:id="rId1"/></sheets></workbook>"""));
            Add("xl/_rels/workbook.xml.rels", w => w.Write("""<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>"""));
            Add("xl/worksheets/sheet1.xml", w =>
            {
                w.Write("""<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>""");
                sheet(w);
                w.Write("</sheetData></worksheet>");
            });
            Add("xl/sharedStrings.xml", w =>
            {
                w.Write("""<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">""");
                sharedStrings?.Invoke(w);
                w.Write("</sst>");
            });
        }
        return buffer.ToArray();
    }

    private const string Header = """<row r="1"><c r="A1" t="inlineStr"><is><t>First name</t></is></c><c r="B1" t="inlineStr"><is><t>Last name</t></is></c></row>""";

    /// <summary>Three million empty rows: well under a megabyte packed, tens of megabytes unpacked.</summary>
    private static byte[] ThreeMillionRows() => Workbook(w =>
    {
        w.Write(Header);
        for (var r = 2; r <= 3_000_001; r++)
            w.Write("<row/>");
    });

    /// <summary>One shared string of <paramref name="megabytes"/> MB: a gigabyte packs into about a megabyte.</summary>
    private static byte[] HugeCell(int megabytes) => Workbook(
        w => w.Write(Header + """<row r="2"><c r="A2" t="s"><v>0</v></c><c r="B2" t="inlineStr"><is><t>Smith</t></is></c></row>"""),
        w =>
        {
            w.Write("<si><t>");
            var chunk = new string('A', 1 << 20);
            for (var i = 0; i < megabytes; i++)
                w.Write(chunk);
            w.Write("</t></si>");
        });

    private static byte[] OneGigabyteCell() => HugeCell(1024);

    private static byte[] HeaderAtColumnZzzzzz() => Workbook(w => w.Write("""<row r="1"><c r="A1" t="inlineStr"><is><t>First name</t></is></c><c r="ZZZZZZ1" t="inlineStr"><is><t>Far away</t></is></c></row>"""));

    [Fact]
    public void The_reader_stops_a_hostile_workbook_at_its_first_limit_with_little_memory()
    {
        // Each case allocated gigabytes in the document-model reader, or ran out of memory. Measured on this thread: the
        // reader is synchronous, so what it allocates is what this thread allocates.
        foreach (var (name, file, expected) in new (string, byte[], string)[]
        {
            ("3 million rows", ThreeMillionRows(), "1,048,576 rows"),
            ("a 1 GB cell", OneGigabyteCell(), "too large once unpacked"),
            ("a 1 MB cell", HugeCell(1), "more than 32,767 characters"),
            ("a header at ZZZZZZ1", HeaderAtColumnZzzzzz(), "beyond the 200 columns"),
        })
        {
            var before = GC.GetAllocatedBytesForCurrentThread();
            var refused = Assert.Throws<ImportLimitException>(() => SpreadsheetReader.Read(file, "hostile.xlsx"));
            var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
            Assert.Contains(expected, refused.Message, StringComparison.Ordinal);
            Assert.Equal(StatusCodes.Status422UnprocessableEntity, refused.StatusCode);
            Assert.True(allocated < 64L * 1024 * 1024, $"{name}: the reader allocated {allocated / 1024 / 1024} MB (file {file.Length / 1024} KB).");
        }
    }

    [Fact]
    public async Task The_import_api_answers_hostile_workbooks_with_what_was_too_large()
    {
        using var admin = await app.ApiAsync(TestData.Admin);
        foreach (var (file, expected) in new[] { (OneGigabyteCell(), "too large once unpacked"), (HugeCell(1), "32,767 characters"), (HeaderAtColumnZzzzzz(), "ZZZZZZ1") })
        {
            foreach (var url in new[] { "/api/v1/people/import?dryRun=true", "/api/v1/people/import" })
            {
                var response = await RelationshipTests.ImportAsync(admin, url, file, "hostile.xlsx");
                Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
                Assert.Contains(expected, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
            }
        }
        var tooBig = await RelationshipTests.ImportAsync(admin, "/api/v1/people/import?dryRun=true", new byte[ImportLimits.MaxBytes + 1], "big.csv");
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, tooBig.StatusCode);
    }

    [Fact]
    public async Task A_header_named_twice_is_an_error_naming_it()
    {
        using var admin = await app.ApiAsync(TestData.Admin);
        var csv = Spreadsheets.Csv("First name,Last name,Email,email", "Dana,Twice,dana@x.gov,dana2@x.gov");
        var preview = await (await RelationshipTests.ImportAsync(admin, "/api/v1/people/import?dryRun=true", csv)).JsonAsync();
        Assert.Contains("The column \"email\" appears twice", preview.GetProperty("fileErrors")[0].GetString(), StringComparison.Ordinal);
        var xlsx = Spreadsheets.Xlsx(["First name", "Last name", "Agency", "Last name"], ["Dana", "Twice", "LDR", "Again"]);
        var refused = await RelationshipTests.ImportAsync(admin, "/api/v1/people/import", xlsx, "people.xlsx");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        var file = (await refused.JsonAsync()).GetProperty("errors").GetProperty("file")[0].GetString();
        Assert.Contains("The column \"Last name\" appears twice", file, StringComparison.Ordinal);
    }

    // ---- Text ---------------------------------------------------------------------------------------

    [Fact]
    public async Task A_control_character_is_a_field_error_everywhere_and_never_a_500()
    {
        using var admin = await app.ApiAsync(TestData.Admin);
        var agency = await admin.PostAsJsonAsync("/api/v1/agencies", new { name = "Office of" + Nul + "Nothing", internalNotes = "Fine\r\nnotes" });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, agency.StatusCode);
        var problem = await agency.JsonAsync();
        Assert.Contains("U+0000", problem.GetProperty("errors").GetProperty("name")[0].GetString(), StringComparison.Ordinal);

        using var manager = await app.ApiAsync(TestData.Manager);
        var interaction = await manager.PostAsJsonAsync("/api/v1/interactions", new
        {
            agencyId = app.Ids.Revenue,
            occurredOn = app.Today.ToString("yyyy-MM-dd"),
            subject = "Bell\u0007",
        });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, interaction.StatusCode);
        Assert.True((await interaction.JsonAsync()).GetProperty("errors").TryGetProperty("subject", out _));

        // A search with U+0000, as an agency user, on every list: refused with 400, not a server error.
        using var agencyUser = await app.ApiAsync(TestData.RevenueUser);
        foreach (var url in new[] { "/api/v1/people?search=a%00b", "/api/v1/action-items?search=%00", "/api/v1/meetings?search=x%00" })
            Assert.Equal(HttpStatusCode.BadRequest, (await agencyUser.GetAsync(url)).StatusCode);
        using var page = await app.SignedInAsync(TestData.RevenueUser);
        Assert.Equal(HttpStatusCode.BadRequest, (await page.GetAsync("/People?search=%00")).Status);

        // In an import, the row says which column holds it, and nothing is written.
        var csv = Spreadsheets.Csv("First name,Last name,Agency", "Nora" + Nul + ",Null,LDR", "Valid,Row,LDR");
        var preview = await (await RelationshipTests.ImportAsync(admin, "/api/v1/people/import?dryRun=true", csv)).JsonAsync();
        Assert.Contains("Column \"First name\": Remove the control character U+0000", preview.GetProperty("rows")[0].GetProperty("errors")[0].GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await RelationshipTests.ImportAsync(admin, "/api/v1/people/import", csv)).StatusCode);
        Assert.Equal(0, (await admin.GetJsonAsync("/api/v1/people?search=valid+row")).GetProperty("totalCount").GetInt32());
    }

    [Fact]
    public async Task Line_breaks_are_kept_in_multi_line_fields_as_LF_and_refused_in_single_line_ones()
    {
        using var manager = await app.ApiAsync(TestData.Manager);
        var start = app.Clock.GetUtcNow().UtcDateTime.AddDays(5);
        var meeting = new Dictionary<string, object?>
        {
            ["title"] = "Budget review\r\nBcc: everyone@example.com",
            ["kind"] = "MonthlyProgram",
            ["agencyIds"] = new[] { app.Ids.Revenue },
            ["startsAt"] = start.ToString("yyyy-MM-ddTHH:mm"),
            ["endsAt"] = start.AddHours(1).ToString("yyyy-MM-ddTHH:mm"),
            ["agenda"] = "Budget\r\nStaffing",
        };
        var refused = await manager.PostAsJsonAsync("/api/v1/meetings", meeting);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        Assert.Equal("Keep this on one line.", (await refused.JsonAsync()).GetProperty("errors").GetProperty("title")[0].GetString());

        meeting["title"] = "Budget review";
        var created = await manager.PostAsJsonAsync("/api/v1/meetings", meeting);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal(["Budget", "Staffing"], (await created.JsonAsync()).GetProperty("agenda").EnumerateArray().Select(a => a.GetString()!).ToArray());

        var interaction = await manager.PostAsJsonAsync("/api/v1/interactions", new
        {
            agencyId = app.Ids.Revenue,
            occurredOn = app.Today.ToString("yyyy-MM-dd"),
            subject = "Windows notes",
            summary = "First line\r\nSecond line\tindented",
        });
        Assert.Equal(HttpStatusCode.Created, interaction.StatusCode);
        Assert.Equal("First line\nSecond line\tindented", (await interaction.JsonAsync()).GetProperty("summary").GetString());
    }

    [Fact]
    public async Task What_was_stored_before_the_rules_is_exported_and_mailed_safely()
    {
        using var admin = await app.ApiAsync(TestData.Admin);
        var created = await admin.PostAsJsonAsync("/api/v1/agencies", new { name = "Office of Old Data", acronym = "OOD" });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = created.Id();
        // As an older version let it in (PostgreSQL stores U+0001, though not U+0000), bypassing today's rules.
        await app.WithDbAsync(db => db.Database.ExecuteSqlRawAsync("UPDATE \"Agencies\" SET \"ParentDepartment\" = {0} WHERE \"Id\" = {1}", "Dept\u0001of\u001FOld", id));

        var xlsx = await (await admin.GetAsync("/api/v1/agencies/export?format=xlsx&search=old+data")).Content.ReadAsByteArrayAsync();
        var rows = Spreadsheets.ReadXlsx(xlsx); // a strict XML reader: it throws on a control character
        Assert.Contains(rows.SelectMany(r => r), cell => cell == "Dept\uFFFDof\uFFFDOld");
        var csv = Encoding.UTF8.GetString(await (await admin.GetAsync("/api/v1/agencies/export?format=csv&search=old+data")).Content.ReadAsByteArrayAsync());
        Assert.Contains("Dept\uFFFDof\uFFFDOld", csv, StringComparison.Ordinal);
    }

    // ---- Mail -------------------------------------------------------------------------------------------

    [Fact]
    public async Task A_subject_queued_with_a_line_break_cannot_add_a_header()
    {
        // As an older version queued for a meeting title with CR LF: the message goes out, with no Bcc.
        await app.WithDbAsync(async db =>
        {
            db.OutboxMessages.Add(new OutboxMessage
            {
                To = "injected.subject@revenue.gov",
                Subject = "Agenda: Board\r\nBcc: x@example.com",
                TextBody = "Agenda",
                CreatedAt = DateTime.UtcNow,
                NextAttemptAt = app.Clock.GetUtcNow().UtcDateTime,
            });
            await db.SaveChangesAsync();
        });
        var mail = Mail.Parse((await app.DeliverAsync()).Single(m => Mail.To(m).Address == "injected.subject@revenue.gov"));
        Assert.Empty(mail.Bcc);
        Assert.DoesNotContain(mail.Headers, h => h.Field == "Bcc");
        Assert.StartsWith("Agenda: Board", mail.Subject, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_message_that_cannot_be_sent_is_recorded_retried_and_given_up_with_its_reason()
    {
        // An address no mail library can parse (as one stored before addresses were checked): every attempt fails.
        var id = await app.WithDbAsync(async db =>
        {
            var message = new OutboxMessage
            {
                To = "rita@@revenue gov",
                Subject = "Agenda: Board",
                TextBody = "Agenda",
                CreatedAt = DateTime.UtcNow,
                NextAttemptAt = app.Clock.GetUtcNow().UtcDateTime,
            };
            db.OutboxMessages.Add(message);
            await db.SaveChangesAsync();
            return message.Id;
        });
        var dispatcher = app.Services.GetRequiredService<OutboxDispatcher>();
        var maxAttempts = new EmailOptions().MaxAttempts;
        for (var attempt = 1; attempt <= maxAttempts; attempt++)
        {
            await dispatcher.DispatchDueAsync(CancellationToken.None);
            var state = await app.WithDbAsync(db => db.OutboxMessages.AsNoTracking().SingleAsync(m => m.Id == id));
            Assert.Equal(attempt, state.Attempts);
            Assert.Null(state.SentAt);
            Assert.False(string.IsNullOrEmpty(state.LastError));
            app.Clock.Advance(TimeSpan.FromHours(2));
        }
        // Given up: no further attempt, and the administrators see it with its reason.
        await dispatcher.DispatchDueAsync(CancellationToken.None);
        Assert.Equal(maxAttempts, (await app.WithDbAsync(db => db.OutboxMessages.AsNoTracking().SingleAsync(m => m.Id == id))).Attempts);
        using var admin = await app.ApiAsync(TestData.Admin);
        var failed = await admin.GetJsonAsync("/api/v1/outbox?state=Failed");
        var row = failed.GetProperty("items").EnumerateArray().Single(m => m.GetProperty("id").GetInt64() == id);
        Assert.Contains("Exception", row.GetProperty("lastError").GetString(), StringComparison.Ordinal);
        using var page = await app.SignedInAsync(TestData.Admin);
        Assert.Contains("Agenda: Board", (await page.GetAsync("/Mail")).Text, StringComparison.Ordinal);
        using var manager = await app.ApiAsync(TestData.Manager);
        Assert.Equal(HttpStatusCode.Forbidden, (await manager.GetAsync("/api/v1/outbox")).StatusCode);

        // Tried again on request: a fresh budget.
        Assert.Equal(HttpStatusCode.NoContent, (await admin.PostAsync($"/api/v1/outbox/{id}/retry", null)).StatusCode);
        Assert.Equal(0, (await app.WithDbAsync(db => db.OutboxMessages.AsNoTracking().SingleAsync(m => m.Id == id))).Attempts);
    }

    // ---- Arrays and dates ------------------------------------------------------------------------------

    [Fact]
    public async Task Huge_arrays_are_a_clear_422()
    {
        using var admin = await app.ApiAsync(TestData.Admin);
        var start = app.Clock.GetUtcNow().UtcDateTime.AddDays(5);
        var meeting = new Dictionary<string, object?>
        {
            ["title"] = "Everyone",
            ["kind"] = "OpenHouse",
            ["agencyIds"] = new[] { app.Ids.Revenue },
            ["attendeeIds"] = Enumerable.Range(1, 100_000).ToArray(),
            ["startsAt"] = start.ToString("yyyy-MM-ddTHH:mm"),
            ["endsAt"] = start.AddHours(1).ToString("yyyy-MM-ddTHH:mm"),
        };
        var attendees = await admin.PostAsJsonAsync("/api/v1/meetings", meeting);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, attendees.StatusCode);
        Assert.Contains("at most 500", (await attendees.JsonAsync()).GetProperty("errors").GetProperty("attendeeIds")[0].GetString(), StringComparison.Ordinal);

        meeting["attendeeIds"] = Array.Empty<int>();
        meeting["agencyIds"] = Enumerable.Range(1, 40_000).ToArray();
        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await admin.PostAsJsonAsync("/api/v1/meetings", meeting)).StatusCode);

        meeting["agencyIds"] = new[] { app.Ids.Revenue };
        meeting["agenda"] = string.Join("\n", Enumerable.Range(1, 100_000).Select(i => $"Item {i}"));
        var agenda = await admin.PostAsJsonAsync("/api/v1/meetings", meeting);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, agenda.StatusCode);
        Assert.True((await agenda.JsonAsync()).GetProperty("errors").TryGetProperty("agenda", out _));
    }

    [Fact]
    public async Task Dates_outside_1900_to_2199_are_refused_in_bodies_filters_and_imports()
    {
        using var manager = await app.ApiAsync(TestData.Manager);
        var due = await manager.PostAsJsonAsync("/api/v1/action-items", new { agencyId = app.Ids.Revenue, title = "Someday", ownerPersonId = app.Ids.RevenueContact, dueOn = "9999-12-31" });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, due.StatusCode);
        Assert.Equal("Enter a date between 1900 and 2199.", (await due.JsonAsync()).GetProperty("errors").GetProperty("dueOn")[0].GetString());

        var summary = await manager.GetAsync("/api/v1/quick-wins/summary?from=0001-01-01&to=9999-12-31");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, summary.StatusCode);
        Assert.True((await summary.JsonAsync()).GetProperty("errors").TryGetProperty("from", out _));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await manager.GetAsync("/api/v1/interactions?from=9999-01-01")).StatusCode);

        // The page leaves the refused filter out and says why.
        using var session = await app.SignedInAsync(TestData.Manager);
        var page = await session.GetAsync("/QuickWins/Summary?from=0001-01-01&to=9999-12-31");
        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains("Enter a date between 1900 and 2199.", page.Text, StringComparison.Ordinal);

        var csv = Spreadsheets.Csv("Task name,Agency,Contributing staff,Date completed", "Far future,LDR,Sam Staff,9999-12-31");
        var preview = await (await RelationshipTests.ImportAsync(manager, "/api/v1/quick-wins/import?dryRun=true", csv)).JsonAsync();
        Assert.Contains("outside the years Liaison keeps", preview.GetProperty("rows")[0].GetProperty("errors")[0].GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_action_item_stored_with_the_last_possible_due_date_leaves_its_owners_calendar_feed_working()
    {
        using var manager = await app.ApiAsync(TestData.Manager);
        var created = await manager.PostAsJsonAsync("/api/v1/action-items", new { agencyId = app.Ids.Revenue, title = "Forever", ownerPersonId = app.Ids.StaffPerson, dueOn = "2199-12-31" });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        await app.WithDbAsync(db => db.Database.ExecuteSqlRawAsync("UPDATE \"ActionItems\" SET \"DueOn\" = {0} WHERE \"Id\" = {1}", new DateOnly(9999, 12, 31), created.Id()));
        var feed = await (await manager.PostAsync("/api/v1/me/calendar-feed", null)).JsonAsync();
        var url = new Uri(feed.GetProperty("url").GetString()!).PathAndQuery;
        var ics = await app.Anonymous().GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, ics.StatusCode);
        var parsed = await ICalendar.ParseAsync(await ics.Content.ReadAsStringAsync());
        Assert.Contains(parsed.Events, e => e.Summary.StartsWith("Due: Forever", StringComparison.Ordinal));
    }
}
