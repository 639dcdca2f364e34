using System.Net;
using System.Net.Http.Json;
using Liaison.Tests.Features.Relationships;
using Liaison.Tests.Infrastructure;

namespace Liaison.Tests.Features.Access;

/// <summary>
/// An import is a write like any other: a row that names an existing record is allowed only where the user may write
/// that record as it is and as the row would leave it, by the same check the form and the API make.
/// </summary>
public sealed class ImportAccessTests(LiaisonApp app) : IClassFixture<LiaisonApp>
{
    private DateOnly Today => app.Today;

    private async Task<int> HealthInitiativeAsync(string name, int? ownerPersonId = null)
    {
        using var admin = await app.ApiAsync(TestData.Admin);
        var created = await admin.PostAsJsonAsync("/api/v1/initiatives", new
        {
            name,
            agencyId = app.Ids.Health,
            description = "Health's own plans",
            ownerPersonId,
        });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        return created.Id();
    }

    [Fact]
    public async Task A_manager_cannot_move_another_agencys_initiative_by_importing_its_id()
    {
        var id = await HealthInitiativeAsync("Health records modernisation");
        using var manager = await app.ApiAsync(TestData.Manager);
        var before = await (await app.ApiAsync(TestData.Admin)).GetJsonAsync($"/api/v1/initiatives/{id}");

        // The form and the API refuse the manager, who does not look after Health ...
        var put = await manager.PutJsonAsync($"/api/v1/initiatives/{id}", new { name = "Taken over", agencyId = app.Ids.Revenue }, "\"" + before.GetProperty("version").GetInt32() + "\"");
        Assert.Equal(HttpStatusCode.Forbidden, put.StatusCode);

        // ... and so does the import, row by row, in its preview and when committed.
        var file = Spreadsheets.Csv("Id,Initiative name,Agency", $"{id},Taken over,LDR");
        var preview = await (await RelationshipTests.ImportAsync(manager, "/api/v1/initiatives/import?dryRun=true", file)).JsonAsync();
        var error = preview.GetProperty("rows")[0].GetProperty("errors")[0].GetString();
        Assert.Contains($"You may not change initiative {id}", error, StringComparison.Ordinal);
        var commit = await RelationshipTests.ImportAsync(manager, "/api/v1/initiatives/import", file);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, commit.StatusCode);

        using var admin = await app.ApiAsync(TestData.Admin);
        var after = await admin.GetJsonAsync($"/api/v1/initiatives/{id}");
        Assert.Equal("Health records modernisation", after.GetProperty("name").GetString());
        Assert.Equal(app.Ids.Health, after.GetProperty("agencyId").GetInt32());

        // Revenue's users never see Health's initiative.
        using var revenue = await app.ApiAsync(TestData.RevenueUser);
        Assert.Equal(HttpStatusCode.NotFound, (await revenue.GetAsync($"/api/v1/initiatives/{id}")).StatusCode);
        Assert.DoesNotContain("Health records modernisation", (await revenue.GetJsonAsync("/api/v1/initiatives")).ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_initiatives_owner_imports_what_the_form_lets_them_edit_and_nothing_else()
    {
        // The manager is Sam Staff in the directory: the project manager of this Health initiative, though not Health's manager.
        var owned = await HealthInitiativeAsync("Owned by Sam", app.Ids.StaffPerson);
        var other = await HealthInitiativeAsync("Not Sam's");
        using var manager = await app.ApiAsync(TestData.Manager);

        var mine = Spreadsheets.Csv("Id,Initiative name,Agency,Phase", $"{owned},Owned by Sam,LDH,Executing");
        var imported = await RelationshipTests.ImportAsync(manager, "/api/v1/initiatives/import", mine);
        Assert.Equal(HttpStatusCode.OK, imported.StatusCode);
        Assert.Equal(1, (await imported.JsonAsync()).GetProperty("updated").GetInt32());

        var theirs = Spreadsheets.Csv("Id,Initiative name,Agency,Phase", $"{other},Not Sam's,LDH,Executing");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await RelationshipTests.ImportAsync(manager, "/api/v1/initiatives/import", theirs)).StatusCode);

        // A member of staff with no say over Health cannot import its initiatives at all.
        using var staff = await app.ApiAsync(TestData.Staff);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await RelationshipTests.ImportAsync(staff, "/api/v1/initiatives/import", mine)).StatusCode);
        using var admin = await app.ApiAsync(TestData.Admin);
        Assert.Equal("Executing", (await admin.GetJsonAsync($"/api/v1/initiatives/{owned}")).GetProperty("phase").GetString());
        Assert.Equal("Initiating", (await admin.GetJsonAsync($"/api/v1/initiatives/{other}")).GetProperty("phase").GetString());
    }

    [Fact]
    public async Task A_manager_cannot_move_another_agencys_interaction_or_quick_win_by_import()
    {
        using var manager = await app.ApiAsync(TestData.Manager);
        var interaction = Spreadsheets.Csv("Id,Date,Agency,Subject", $"{app.Ids.HealthInteraction},{Today:yyyy-MM-dd},LDR,Taken over");
        var refused = await RelationshipTests.ImportAsync(manager, "/api/v1/interactions/import", interaction);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        Assert.Contains($"You may not change interaction {app.Ids.HealthInteraction}", (await refused.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        using var admin = await app.ApiAsync(TestData.Admin);
        var kept = await admin.GetJsonAsync($"/api/v1/interactions/{app.Ids.HealthInteraction}");
        Assert.Equal(app.Ids.Health, kept.GetProperty("agencyId").GetInt32());
        Assert.Equal("Health budget call", kept.GetProperty("subject").GetString());

        var win = await admin.PostAsJsonAsync("/api/v1/quick-wins", new
        {
            taskName = "Health printer fixed",
            agencyId = app.Ids.Health,
            contributorIds = new[] { app.Ids.StaffPerson },
            completedOn = Today.ToString("yyyy-MM-dd"),
        });
        Assert.Equal(HttpStatusCode.Created, win.StatusCode);
        var winId = win.Id();
        var quickWin = Spreadsheets.Csv("Id,Task name,Agency,Contributing staff,Date completed", $"{winId},Taken over,LDR,Sam Staff,{Today:yyyy-MM-dd}");
        var refusedWin = await RelationshipTests.ImportAsync(manager, "/api/v1/quick-wins/import", quickWin);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refusedWin.StatusCode);
        Assert.Contains($"You may not change quick win {winId}", await refusedWin.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal("Health printer fixed", (await admin.GetJsonAsync($"/api/v1/quick-wins/{winId}")).GetProperty("taskName").GetString());
    }

    [Fact]
    public async Task Reimporting_an_interaction_keeps_what_the_file_has_no_column_for()
    {
        using var manager = await app.ApiAsync(TestData.Manager);
        var created = await manager.PostAsJsonAsync("/api/v1/interactions", new
        {
            agencyId = app.Ids.Revenue,
            occurredOn = Today.ToString("yyyy-MM-dd"),
            kind = "Call",
            subject = "Budget follow-up",
            summary = "Talked budgets",
            internalNotes = "Rita is leaving in March",
            attendeeIds = new[] { app.Ids.RevenueContact, app.Ids.StaffPerson },
        });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = created.Id();

        // A file with only some columns changes those and leaves internal notes and attendees alone.
        var partial = Spreadsheets.Csv("Id,Date,Agency,Subject,Summary", $"{id},{Today:yyyy-MM-dd},LDR,Budget follow-up (revised),Talked budgets again");
        Assert.Equal(HttpStatusCode.OK, (await RelationshipTests.ImportAsync(manager, "/api/v1/interactions/import", partial)).StatusCode);
        var after = await manager.GetJsonAsync($"/api/v1/interactions/{id}");
        Assert.Equal("Budget follow-up (revised)", after.GetProperty("subject").GetString());
        Assert.Equal("Rita is leaving in March", after.GetProperty("internalNotes").GetString());
        Assert.Equal(2, after.GetProperty("attendees").GetArrayLength());

        // The log as exported comes back unchanged.
        var export = await (await manager.GetAsync($"/api/v1/interactions/export?format=xlsx&agencyId={app.Ids.Revenue}")).Content.ReadAsByteArrayAsync();
        Assert.Equal(HttpStatusCode.OK, (await RelationshipTests.ImportAsync(manager, "/api/v1/interactions/import", export, "interactions.xlsx")).StatusCode);
        var again = await manager.GetJsonAsync($"/api/v1/interactions/{id}");
        Assert.Equal("Rita is leaving in March", again.GetProperty("internalNotes").GetString());
        Assert.Equal(2, again.GetProperty("attendees").GetArrayLength());
    }

    [Fact]
    public async Task An_action_items_meeting_and_interaction_belong_to_its_agency()
    {
        using var manager = await app.ApiAsync(TestData.Manager);
        var onHealthMeeting = await manager.PostAsJsonAsync("/api/v1/action-items", new
        {
            agencyId = app.Ids.Revenue,
            title = "Hijack",
            ownerPersonId = app.Ids.RevenueContact,
            meetingId = app.Ids.HealthMeeting,
        });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, onHealthMeeting.StatusCode);
        Assert.Contains("meetingId", await onHealthMeeting.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var onHealthInteraction = await manager.PostAsJsonAsync("/api/v1/action-items", new
        {
            agencyId = app.Ids.Revenue,
            title = "Hijack",
            ownerPersonId = app.Ids.RevenueContact,
            interactionId = app.Ids.HealthInteraction,
        });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, onHealthInteraction.StatusCode);
        Assert.Contains("interactionId", await onHealthInteraction.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var ownMeeting = await manager.PostAsJsonAsync("/api/v1/meetings", new
        {
            title = "Revenue program meeting",
            kind = "MonthlyProgram",
            agencyIds = new[] { app.Ids.Revenue },
            startsAt = DateTime.UtcNow.AddDays(3).ToString("yyyy-MM-ddTHH:mm"),
            endsAt = DateTime.UtcNow.AddDays(3).AddHours(1).ToString("yyyy-MM-ddTHH:mm"),
        });
        Assert.Equal(HttpStatusCode.Created, ownMeeting.StatusCode);
        var fine = await manager.PostAsJsonAsync("/api/v1/action-items", new
        {
            agencyId = app.Ids.Revenue,
            title = "Send the minutes",
            ownerPersonId = app.Ids.RevenueContact,
            meetingId = ownMeeting.Id(),
        });
        Assert.Equal(HttpStatusCode.Created, fine.StatusCode);
    }
}
