using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using Liaison.Tests.Infrastructure;
using Liaison.Web.Features.Renewals;
using Microsoft.EntityFrameworkCore;

namespace Liaison.Tests.Features.Renewals;

/// <summary>
/// Procurement requests: raised by an agency or for one, assessed, quoted and approved by the provider (internal parts
/// kept from the agency), on a board by status; attachments checked by their content, stored in the database, served as
/// downloads under the access rule and audited; hostile uploads refused.
/// </summary>
public sealed class ProcurementTests(LiaisonApp app) : IClassFixture<LiaisonApp>
{
    private static readonly byte[] Pdf = Encoding.ASCII.GetBytes("%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n");

    private static byte[] Png()
    {
        // The signature and an IHDR chunk header are what is checked; the rest need not be a picture anyone can open.
        byte[] head = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, (byte)'I', (byte)'H', (byte)'D', (byte)'R'];
        return [.. head, .. new byte[32]];
    }

    private static byte[] Docx(long filler = 0)
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            using (var types = new StreamWriter(zip.CreateEntry("[Content_Types].xml").Open()))
                types.Write("<?xml version=\"1.0\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"></Types>");
            using (var document = new StreamWriter(zip.CreateEntry("word/document.xml").Open()))
                document.Write("<w:document/>");
            if (filler > 0)
            {
                using var bomb = zip.CreateEntry("word/media/zeros.bin", CompressionLevel.SmallestSize).Open();
                var zeros = new byte[1024 * 1024];
                for (long written = 0; written < filler; written += zeros.Length)
                    bomb.Write(zeros);
            }
        }
        return buffer.ToArray();
    }

    private static bool IsNull(System.Text.Json.JsonElement e, string name) => !e.TryGetProperty(name, out var value) || value.ValueKind == System.Text.Json.JsonValueKind.Null;

    private static Task<HttpResponseMessage> AttachAsync(HttpClient api, int request, string name, byte[] content, bool @internal = false)
    {
        var form = new MultipartFormDataContent();
        var part = new ByteArrayContent(content);
        part.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        form.Add(part, "file", name);
        return api.PostAsync($"/api/v1/procurement/{request}/attachments?internal={(@internal ? "true" : "false")}", form);
    }

    [Fact]
    public async Task An_agency_raises_a_request_the_provider_assesses_quotes_and_approves_it_and_the_agency_never_sees_the_internal_parts()
    {
        using var agency = await app.ApiAsync(TestData.RevenueUser);
        var raised = await agency.PostAsJsonAsync("/api/v1/procurement", new
        {
            title = "Scanners for the tax office",
            justification = "Paper returns pile up in March.",
            requestedBy = "Rhea Revenue",
            estimatedCost = 4200m,
            status = "Approved", // not the agency's to set: ignored
            assessmentReasons = "self-assessed",
        });
        Assert.True(raised.StatusCode == HttpStatusCode.Created, await raised.Content.ReadAsStringAsync());
        var request = await raised.JsonAsync();
        var id = request.GetProperty("id").GetInt32();
        Assert.Equal("New", request.GetProperty("status").GetString());
        Assert.Equal(app.Ids.Revenue, request.GetProperty("agencyId").GetInt32());
        Assert.True(IsNull(request, "quotes"));
        // Not for another agency.
        var elsewhere = await agency.PostAsJsonAsync("/api/v1/procurement", new { agencyId = app.Ids.Health, title = "Not ours", requestedBy = "Rhea" });
        Assert.Equal(HttpStatusCode.Forbidden, elsewhere.StatusCode);

        // The agency's relationship manager attaches a quote (internal), and assesses, quotes and approves.
        using var manager = await app.ApiAsync(TestData.Manager);
        var quoteFile = await AttachAsync(manager, id, "quote-acme.pdf", Pdf, @internal: true);
        Assert.True(quoteFile.StatusCode == HttpStatusCode.Created, await quoteFile.Content.ReadAsStringAsync());
        var quoteFileId = (await quoteFile.JsonAsync()).GetProperty("id").GetInt64();
        var spec = await AttachAsync(agency, id, "spec.png", Png(), @internal: true); // the agency's files are never internal
        Assert.Equal(HttpStatusCode.Created, spec.StatusCode);
        Assert.False((await spec.JsonAsync()).GetProperty("internal").GetBoolean());

        var approver = app.Ids.StaffPerson;
        var put = await manager.PutJsonAsync($"/api/v1/procurement/{id}", new
        {
            agencyId = app.Ids.Revenue,
            title = "Scanners for the tax office",
            requestedBy = "Rhea Revenue",
            estimatedCost = 4200m,
            status = "Approved",
            alignedWithStrategy = true,
            assessmentReasons = "Digitising intake is in the strategy.",
            quotes = new[] { new { vendor = "Acme Imaging", amount = 3900m, quotedOn = "2026-11-30", attachmentId = quoteFileId } },
            version = request.GetProperty("version").GetInt32(),
        });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, put.StatusCode);
        Assert.Equal("Name who approved it.", (await put.JsonAsync()).GetProperty("errors").GetProperty("approverPersonId")[0].GetString());
        var approved = await manager.PutJsonAsync($"/api/v1/procurement/{id}", new
        {
            agencyId = app.Ids.Revenue,
            title = "Scanners for the tax office",
            requestedBy = "Rhea Revenue",
            estimatedCost = 4200m,
            status = "Approved",
            alignedWithStrategy = true,
            assessmentReasons = "Digitising intake is in the strategy.",
            approverPersonId = approver,
            approvedOn = "2026-12-01",
            quotes = new[] { new { vendor = "Acme Imaging", amount = 3900m, quotedOn = "2026-11-30", attachmentId = quoteFileId } },
            version = request.GetProperty("version").GetInt32(),
        });
        Assert.True(approved.IsSuccessStatusCode, await approved.Content.ReadAsStringAsync());
        Assert.Equal("Acme Imaging", (await approved.JsonAsync()).GetProperty("quotes")[0].GetProperty("vendor").GetString());

        // The agency follows it: the status and approval, never the assessment, the quotes or the internal file.
        var seen = await agency.GetJsonAsync($"/api/v1/procurement/{id}");
        Assert.Equal("Approved", seen.GetProperty("status").GetString());
        Assert.True(IsNull(seen, "assessmentReasons"));
        Assert.True(IsNull(seen, "quotes"));
        Assert.Equal(["spec.png"], seen.GetProperty("attachments").EnumerateArray().Select(a => a.GetProperty("fileName").GetString()));
        Assert.Equal(HttpStatusCode.NotFound, (await agency.GetAsync($"/api/v1/procurement/attachments/{quoteFileId}")).StatusCode);
        // Nor may it change the request once it has moved on.
        var late = await agency.PutJsonAsync($"/api/v1/procurement/{id}", new { title = "Changed", requestedBy = "Rhea", version = seen.GetProperty("version").GetInt32() });
        Assert.Equal(HttpStatusCode.Forbidden, late.StatusCode);
        using var web = await app.SignedInAsync(TestData.RevenueUser);
        var page = await web.GetAsync($"/Procurement/Details/{id}");
        Assert.DoesNotContain("Digitising intake", page.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Acme Imaging", page.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("quote-acme.pdf", page.Text, StringComparison.Ordinal);

        // Another agency's user finds nothing of it.
        using var health = await app.ApiAsync(TestData.HealthUser);
        Assert.Equal(HttpStatusCode.NotFound, (await health.GetAsync($"/api/v1/procurement/{id}")).StatusCode);
        Assert.DoesNotContain("Scanners for the tax office", (await health.GetJsonAsync("/api/v1/procurement")).ToString(), StringComparison.Ordinal);

        // The board: the request in its column with its age.
        var board = await manager.GetJsonAsync($"/api/v1/procurement?agencyId={app.Ids.Revenue}");
        var column = Assert.Single(board.EnumerateArray(), c => c.GetProperty("status").GetString() == "Approved");
        var card = Assert.Single(column.GetProperty("cards").EnumerateArray(), c => c.GetProperty("id").GetInt32() == id);
        Assert.Equal(0, card.GetProperty("ageDays").GetInt32());
        using var staffWeb = await app.SignedInAsync(TestData.Manager);
        var boardPage = await staffWeb.GetAsync("/Procurement");
        Assert.Contains("Scanners for the tax office", boardPage.Text, StringComparison.Ordinal);
        Assert.Contains("Open 0 days; here 0 days", boardPage.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Requests_are_found_by_the_header_search_and_listed_on_the_agency_page_each_agency_its_own()
    {
        using var agency = await app.ApiAsync(TestData.RevenueUser);
        var raised = await agency.PostAsJsonAsync("/api/v1/procurement", new { title = "Plotter for the mapping unit", justification = "Parcel maps", requestedBy = "Rhea Revenue", estimatedCost = 7300m });
        Assert.Equal(HttpStatusCode.Created, raised.StatusCode);
        var id = (await raised.JsonAsync()).GetProperty("id").GetInt32();
        using var manager = await app.ApiAsync(TestData.Manager);
        var assessed = await manager.GetJsonAsync($"/api/v1/procurement/{id}");
        var put = await manager.PutJsonAsync($"/api/v1/procurement/{id}", new
        {
            agencyId = app.Ids.Revenue,
            title = "Plotter for the mapping unit",
            justification = "Parcel maps",
            requestedBy = "Rhea Revenue",
            estimatedCost = 7300m,
            status = "Assessing",
            assessmentReasons = "Zanzibar strategy memo",
            procurementTicket = "RITM-31337",
            version = assessed.GetProperty("version").GetInt32(),
        });
        Assert.True(put.IsSuccessStatusCode, await put.Content.ReadAsStringAsync());
        using var health = await app.ApiAsync(TestData.HealthUser);
        using var executive = await app.ApiAsync(TestData.Executive);

        static async Task<List<(string Kind, string Url)>> FindAsync(HttpClient client, string q) =>
            (await client.GetJsonAsync($"/api/v1/search?q={Uri.EscapeDataString(q)}")).GetProperty("items").EnumerateArray()
                .Select(i => (i.GetProperty("kind").GetString()!, i.GetProperty("url").GetString()!)).ToList();
        Assert.Contains(("Procurement request", $"/Procurement/Details/{id}"), await FindAsync(executive, "plotter mapping"));
        Assert.Contains(("Procurement request", $"/Procurement/Details/{id}"), await FindAsync(executive, "RITM-31337"));
        Assert.Contains(("Procurement request", $"/Procurement/Details/{id}"), await FindAsync(agency, "plotter"));
        Assert.DoesNotContain(await FindAsync(health, "plotter"), r => r.Kind == "Procurement request");
        // The internal assessment is not searched, for anyone.
        Assert.DoesNotContain(await FindAsync(executive, "zanzibar"), r => r.Kind == "Procurement request");

        // The agency page lists the requests under way, to the provider and to the agency's own users.
        using var staffWeb = await app.SignedInAsync(TestData.Manager);
        var page = await staffWeb.GetAsync($"/Agencies/Details/{app.Ids.Revenue}");
        var section = page.Document.QuerySelector("section[aria-labelledby=procurement-heading]")!;
        Assert.Contains("Plotter for the mapping unit", section.TextContent, StringComparison.Ordinal);
        Assert.Contains("Being assessed", section.TextContent, StringComparison.Ordinal);
        Assert.NotNull(section.QuerySelector($"a[href='/Procurement/Edit?agencyId={app.Ids.Revenue}']"));
        using var agencyWeb = await app.SignedInAsync(TestData.RevenueUser);
        var own = await agencyWeb.GetAsync($"/Agencies/Details/{app.Ids.Revenue}");
        Assert.Contains("Plotter for the mapping unit", own.Document.QuerySelector("section[aria-labelledby=procurement-heading]")!.TextContent, StringComparison.Ordinal);
        var other = await staffWeb.GetAsync($"/Agencies/Details/{app.Ids.Health}");
        Assert.DoesNotContain("Plotter for the mapping unit", other.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_agencys_manager_hears_of_a_new_request_and_whoever_raised_it_hears_when_it_moves()
    {
        static async Task<List<string>> TitlesAsync(HttpClient api) =>
            (await api.GetJsonAsync("/api/v1/notifications?pageSize=200")).GetProperty("page").GetProperty("items").EnumerateArray()
                .Select(n => n.GetProperty("title").GetString()!).ToList();
        using var agency = await app.ApiAsync(TestData.RevenueUser);
        using var manager = await app.ApiAsync(TestData.Manager);
        using var health = await app.ApiAsync(TestData.HealthUser);
        var raised = await agency.PostAsJsonAsync("/api/v1/procurement", new { title = "Docking stations for hot desks", requestedBy = "Rhea Revenue", estimatedCost = 900m });
        Assert.Equal(HttpStatusCode.Created, raised.StatusCode);
        var request = await raised.JsonAsync();
        var id = request.GetProperty("id").GetInt32();
        Assert.Contains("New procurement request to assess: Docking stations for hot desks", await TitlesAsync(manager));
        Assert.DoesNotContain(await TitlesAsync(agency), t => t.Contains("Docking stations", StringComparison.Ordinal)); // not of their own doing

        var moved = await manager.PutJsonAsync($"/api/v1/procurement/{id}", new
        {
            agencyId = app.Ids.Revenue,
            title = "Docking stations for hot desks",
            requestedBy = "Rhea Revenue",
            estimatedCost = 900m,
            status = "Quoting",
            version = request.GetProperty("version").GetInt32(),
        });
        Assert.True(moved.IsSuccessStatusCode, await moved.Content.ReadAsStringAsync());
        Assert.Contains("Your procurement request is now getting quotes: Docking stations for hot desks", await TitlesAsync(agency));
        Assert.DoesNotContain(await TitlesAsync(health), t => t.Contains("Docking stations", StringComparison.Ordinal));
        Assert.DoesNotContain(await TitlesAsync(manager), t => t.Contains("now getting quotes", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Attachments_are_checked_by_content_served_as_downloads_and_audited_and_hostile_ones_are_refused()
    {
        using var manager = await app.ApiAsync(TestData.Manager);
        var created = await manager.PostAsJsonAsync("/api/v1/procurement", new { agencyId = app.Ids.Revenue, title = "Licences for the GIS team", requestedBy = "Mona Manager" });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = created.Id();

        async Task<string> RefusedAsync(string name, byte[] content, HttpStatusCode status = HttpStatusCode.UnprocessableEntity)
        {
            var answer = await AttachAsync(manager, id, name, content);
            Assert.Equal(status, answer.StatusCode);
            return (await answer.JsonAsync()).GetProperty("errors").GetProperty("file")[0].GetString()!;
        }

        // A program renamed .pdf, a web page renamed .png, a PDF renamed .docx, a file type not on the list, an empty file.
        Assert.Contains("not a PDF, PNG, JPEG", await RefusedAsync("invoice.pdf", Encoding.ASCII.GetBytes("MZ\x90\0 this is a program")), StringComparison.Ordinal);
        Assert.Contains("not a PDF, PNG, JPEG", await RefusedAsync("chart.png", Encoding.UTF8.GetBytes("<html><script>alert(1)</script></html>")), StringComparison.Ordinal);
        Assert.Equal("The file's content does not match its name (.docx).", await RefusedAsync("letter.docx", Pdf));
        Assert.Contains("\".exe\" files are not accepted", await RefusedAsync("setup.exe", Pdf), StringComparison.Ordinal);
        Assert.Equal("The file is empty.", await RefusedAsync("empty.pdf", []));
        // Too large, and a zip bomb: an Office package whose entry expands to 60 MB from a few kilobytes.
        Assert.Contains("larger than 10 MB", await RefusedAsync("huge.pdf", [.. Pdf, .. new byte[10 * 1024 * 1024]], HttpStatusCode.RequestEntityTooLarge), StringComparison.Ordinal);
        var bomb = Docx(filler: 60L * 1024 * 1024);
        Assert.True(bomb.Length < 1024 * 1024);
        Assert.Contains("not a PDF, PNG, JPEG", await RefusedAsync("bomb.docx", bomb), StringComparison.Ordinal);
        Assert.Equal(0, await app.WithDbAsync(db => db.ProcurementAttachments.CountAsync(a => a.RequestId == id)));

        // A path in the name is only a name; a real Word file is accepted.
        var word = Docx();
        var saved = await AttachAsync(manager, id, "../../etc/passwd\u0007.docx", word);
        Assert.Equal(HttpStatusCode.Created, saved.StatusCode);
        var file = await saved.JsonAsync();
        Assert.Equal("passwd.docx", file.GetProperty("fileName").GetString());
        var fileId = file.GetProperty("id").GetInt64();

        var download = await manager.GetAsync($"/api/v1/procurement/attachments/{fileId}");
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal("attachment", download.Content.Headers.ContentDisposition!.DispositionType);
        Assert.Equal("passwd.docx", download.Content.Headers.ContentDisposition.FileNameStar ?? download.Content.Headers.ContentDisposition.FileName);
        Assert.Equal("nosniff", download.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal(word, await download.Content.ReadAsByteArrayAsync());
        Assert.True(await app.WithDbAsync(db => db.AuditEntries.AnyAsync(e => e.Action == "Downloaded" && e.RecordId == fileId.ToString())));
        Assert.True(await app.WithDbAsync(db => db.AuditEntries.AnyAsync(e => e.Action == "Created" && e.RecordType == "ProcurementAttachment" && e.RecordId == fileId.ToString())));

        // The page: the file listed, a refused upload said beside the field.
        using var web = await app.SignedInAsync(TestData.Manager);
        var page = await web.GetAsync($"/Procurement/Details/{id}");
        Assert.Contains("passwd.docx", page.Text, StringComparison.Ordinal);
        var refused = await web.UploadAsync(page, "file", "invoice.pdf", Encoding.ASCII.GetBytes("MZ program"), "form[action*='Attach']");
        Assert.Contains("whatever its name says", refused.FieldError("file"), StringComparison.Ordinal);
    }
}
