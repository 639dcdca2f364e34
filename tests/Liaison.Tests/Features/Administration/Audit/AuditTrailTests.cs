using System.Net;
using System.Net.Http.Json;
using Liaison.Tests.Infrastructure;
using Liaison.Web.Platform.Auditing;
using Microsoft.EntityFrameworkCore;

namespace Liaison.Tests.Features.Administration.Audit;

/// <summary>The trail is append-only and tamper-evident. Each test has an app of its own: one of them tampers.</summary>
public sealed class AuditTrailTests : IAsyncLifetime
{
    private readonly LiaisonApp _app = new();

    public Task InitializeAsync() => _app.InitializeAsync();

    public async Task DisposeAsync() => await ((IAsyncLifetime)_app).DisposeAsync();

    [Fact]
    public async Task Every_change_is_recorded_with_who_when_and_each_field()
    {
        using var api = await _app.ApiAsync(TestData.Manager);
        (await api.PutJsonAsync($"/api/v1/people/{_app.Ids.RevenueContact}", new { firstName = "Rita", lastName = "Revenue", title = "Chief Information Officer", email = "rita@revenue.gov", kind = "AgencyContact", agencyId = _app.Ids.Revenue }, "\"1\"")).EnsureSuccessStatusCode();

        var entry = await _app.WithDbAsync(db => db.AuditEntries.Where(e => e.RecordType == "Person" && e.RecordId == _app.Ids.RevenueContact.ToString()).OrderBy(e => e.Id).LastAsync());
        Assert.Equal(AuditActions.Updated, entry.Action);
        Assert.Equal(TestData.Manager, entry.UserName);
        Assert.Contains(new FieldChange("Title", "CIO", "Chief Information Officer"), entry.FieldChanges);
        // Internal notes were not in the update and are therefore cleared; that too is recorded.
        Assert.Contains(new FieldChange("InternalNotes", "Prefers phone", null), entry.FieldChanges);
        Assert.True(entry.Timestamp > DateTime.UtcNow.AddMinutes(-1));
    }

    [Fact]
    public async Task Administrators_search_the_whole_trail_and_others_may_not()
    {
        using var admin = await _app.SignedInAsync(TestData.Admin);
        var page = await admin.GetAsync("/Audit?recordType=Agency&action=Created");
        Assert.Contains("Department of Revenue", page.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Updated", page.Document.QuerySelector("tbody")!.TextContent, StringComparison.Ordinal);

        using var api = await _app.ApiAsync(TestData.Admin);
        var found = await api.GetJsonAsync("/api/v1/audit?search=rita@revenue.gov");
        Assert.True(found.GetProperty("totalCount").GetInt32() >= 1);

        using var exec = await _app.ApiAsync(TestData.Executive);
        Assert.Equal(HttpStatusCode.Forbidden, (await exec.GetAsync("/api/v1/audit")).StatusCode);
    }

    [Fact]
    public async Task The_database_itself_refuses_to_change_or_delete_an_entry()
    {
        var update = await Assert.ThrowsAnyAsync<Exception>(() => _app.WithDbAsync(db =>
            db.Database.ExecuteSqlRawAsync("UPDATE \"AuditEntries\" SET \"UserName\" = 'mallory' WHERE \"Id\" = 1")));
        Assert.Contains("append-only", update.Message, StringComparison.Ordinal);
        var delete = await Assert.ThrowsAnyAsync<Exception>(() => _app.WithDbAsync(db =>
            db.Database.ExecuteSqlRawAsync("DELETE FROM \"AuditEntries\" WHERE \"Id\" = 1")));
        Assert.Contains("append-only", delete.Message, StringComparison.Ordinal);
        await Assert.ThrowsAsync<InvalidOperationException>(() => _app.WithDbAsync(async db =>
        {
            var entry = await db.AuditEntries.FirstAsync();
            entry.UserName = "mallory";
            await db.SaveChangesAsync();
        }));
    }

    [Fact]
    public async Task Verification_reports_the_first_entry_that_was_altered()
    {
        using var admin = await _app.SignedInAsync(TestData.Admin);
        var page = await admin.GetAsync("/Audit");
        var intact = await admin.SubmitAsync(page, formSelector: "form[action*='Verify']");
        Assert.Contains("The trail is intact", intact.Text, StringComparison.Ordinal);

        // Someone with direct database access (and the rights to drop the guard) rewrites history.
        var victim = await _app.WithDbAsync(db => db.AuditEntries.Where(e => e.RecordType == "Agency").OrderBy(e => e.Id).Select(e => e.Id).FirstAsync());
        await _app.WithDbAsync(async db =>
        {
            var sqlite = db.Database.IsSqlite();
            await db.Database.ExecuteSqlRawAsync(sqlite ? "DROP TRIGGER \"AuditEntries_NoUpdate\"" : "DROP TRIGGER \"AuditEntries_NoChange\" ON \"AuditEntries\"");
            await db.Database.ExecuteSqlAsync($"UPDATE \"AuditEntries\" SET \"UserName\" = 'someone else' WHERE \"Id\" = {victim}");
        });

        var broken = await admin.SubmitAsync(await admin.GetAsync("/Audit"), formSelector: "form[action*='Verify']");
        Assert.Contains("The trail has been tampered with", broken.Text, StringComparison.Ordinal);
        Assert.Equal(victim.ToString(), broken.Document.GetElementById("first-broken")!.TextContent);

        using var api = await _app.ApiAsync(TestData.Admin);
        var verdict = await api.GetJsonAsync("/api/v1/audit/verify");
        Assert.False(verdict.GetProperty("intact").GetBoolean());
        Assert.Equal(victim, verdict.GetProperty("firstBrokenEntryId").GetInt64());
    }

    [Fact]
    public async Task A_record_page_shows_its_history_to_provider_staff_only()
    {
        using var api = await _app.ApiAsync(TestData.Admin);
        (await api.PutJsonAsync($"/api/v1/agencies/{_app.Ids.Health}", new { name = "Department of Health", acronym = "LDH", website = "https://ldh.example.gov" }, "\"1\"")).EnsureSuccessStatusCode();

        using var staff = await _app.SignedInAsync(TestData.Staff);
        var page = await staff.GetAsync($"/Agencies/Details/{_app.Ids.Health}");
        var history = Page.Normalize(page.Document.GetElementById("history-heading")!.ParentElement!.TextContent);
        Assert.Contains("Website: — → https://ldh.example.gov", history, StringComparison.Ordinal);
        Assert.Contains(TestData.Admin, history, StringComparison.Ordinal);

        using var agency = await _app.SignedInAsync(TestData.HealthUser);
        var theirs = await agency.GetAsync($"/Agencies/Details/{_app.Ids.Health}");
        Assert.Null(theirs.Document.GetElementById("history-heading"));
        Assert.DoesNotContain("Health internal note", theirs.Text, StringComparison.Ordinal);
        using var agencyApi = await _app.ApiAsync(TestData.HealthUser);
        Assert.Equal(HttpStatusCode.Forbidden, (await agencyApi.GetAsync($"/api/v1/agencies/{_app.Ids.Health}/history")).StatusCode);
    }

    [Fact]
    public async Task Concurrent_writers_keep_one_unbroken_chain()
    {
        using var api = await _app.ApiAsync(TestData.Admin);
        await Task.WhenAll(Enumerable.Range(0, 12).Select(i => api.PostAsJsonAsync("/api/v1/agencies", new { name = $"Parallel Agency {i}" })));
        var verdict = await _app.WithDbAsync(db => AuditChain.VerifyAsync(db, CancellationToken.None));
        Assert.True(verdict.IsIntact, verdict.Problem);
        Assert.Equal(12, await _app.WithDbAsync(db => db.AuditEntries.CountAsync(e => e.RecordType == "Agency" && e.Changes.Contains("Parallel Agency"))));
    }
}
