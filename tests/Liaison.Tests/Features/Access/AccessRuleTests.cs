using System.Net;
using System.Net.Http.Json;
using Liaison.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Liaison.Tests.Features.Access;

/// <summary>
/// The access rule, route by route: every route that takes an id, tried by another agency's user,
/// a lower role and an anonymous caller, for reading, editing and exporting.
/// </summary>
public sealed class AccessRuleTests(LiaisonApp app) : IClassFixture<LiaisonApp>
{
    public enum Target
    {
        Revenue,
        Health,
        RevenueContact,
        HealthContact,
        StaffPerson,
        UnitOps,
        LineGis,
        AdminUser,
        HealthInteraction,
        HealthMeeting,
        HealthAction,
    }

    private int IdOf(Target target) => target switch
    {
        Target.Revenue => app.Ids.Revenue,
        Target.Health => app.Ids.Health,
        Target.RevenueContact => app.Ids.RevenueContact,
        Target.HealthContact => app.Ids.HealthContact,
        Target.StaffPerson => app.Ids.StaffPerson,
        Target.UnitOps => app.Ids.UnitOps,
        Target.LineGis => app.Ids.LineGis,
        Target.HealthInteraction => app.Ids.HealthInteraction,
        Target.HealthMeeting => app.Ids.HealthMeeting,
        Target.HealthAction => app.Ids.HealthAction,
        _ => app.WithDbAsync(db => db.Users.Where(u => u.Email == TestData.Admin).Select(u => u.Id).SingleAsync()).GetAwaiter().GetResult(),
    };

    /// <summary>Pages: (who, page, which record) → what they get. "login" is a redirect to sign in; 403 is the not-allowed page.</summary>
    public static TheoryData<string?, string, Target, string> Pages => new()
    {
        { TestData.RevenueUser, "/Agencies/Details/{0}", Target.Health, "404" },
        { TestData.RevenueUser, "/Agencies/Edit/{0}", Target.Health, "404" },
        { TestData.RevenueUser, "/Agencies/Edit/{0}", Target.Revenue, "403" },
        { TestData.RevenueUser, "/Agencies/Details/{0}", Target.Revenue, "200" },
        { TestData.RevenueUser, "/People/Details/{0}", Target.HealthContact, "404" },
        { TestData.RevenueUser, "/People/Edit/{0}", Target.HealthContact, "404" },
        { TestData.RevenueUser, "/People/Details/{0}", Target.StaffPerson, "404" },
        { TestData.RevenueUser, "/People/Edit/{0}", Target.RevenueContact, "403" },
        { TestData.RevenueUser, "/Units/Edit/{0}", Target.UnitOps, "403" },
        { TestData.RevenueUser, "/LinesOfService/Edit/{0}", Target.LineGis, "403" },
        { TestData.RevenueUser, "/Users/Details/{0}", Target.AdminUser, "403" },
        { TestData.Staff, "/Agencies/Edit/{0}", Target.Revenue, "403" },
        { TestData.Staff, "/People/Edit/{0}", Target.RevenueContact, "403" },
        { TestData.Executive, "/Agencies/Edit/{0}", Target.Revenue, "403" },
        { TestData.Executive, "/Users/Edit/{0}", Target.AdminUser, "403" },
        { TestData.Manager, "/People/Edit/{0}", Target.StaffPerson, "403" },
        { TestData.Manager, "/Units/Edit/{0}", Target.UnitOps, "403" },
        { TestData.Manager, "/Agencies/Edit/{0}", Target.Revenue, "200" },
        { TestData.RevenueUser, "/Interactions/Details/{0}", Target.HealthInteraction, "404" },
        { TestData.RevenueUser, "/Interactions/Edit/{0}", Target.HealthInteraction, "404" },
        { TestData.RevenueUser, "/Meetings/Details/{0}", Target.HealthMeeting, "404" },
        { TestData.RevenueUser, "/Meetings/Edit/{0}", Target.HealthMeeting, "404" },
        { TestData.RevenueUser, "/ActionItems/Details/{0}", Target.HealthAction, "404" },
        { TestData.RevenueUser, "/ActionItems/Edit/{0}", Target.HealthAction, "404" },
        { TestData.RevenueUser, "/Agencies/Matrix/{0}", Target.Health, "404" },
        { TestData.RevenueUser, "/Agencies/Matrix/{0}", Target.Revenue, "403" },
        { TestData.RevenueUser, "/People/Engagement/{0}", Target.RevenueContact, "403" },
        { TestData.HealthUser, "/ActionItems/Edit/{0}", Target.HealthAction, "403" },
        { TestData.Manager, "/Interactions/Edit/{0}", Target.HealthInteraction, "403" },
        { TestData.Manager, "/Meetings/Edit/{0}", Target.HealthMeeting, "403" },
        { TestData.Manager, "/ActionItems/Edit/{0}", Target.HealthAction, "403" },
        { TestData.Manager, "/People/Engagement/{0}", Target.HealthContact, "403" },
        { TestData.Manager, "/Agencies/Edit/{0}", Target.Health, "403" },
        { TestData.Staff, "/Interactions/Edit/{0}", Target.HealthInteraction, "403" },
        { TestData.Executive, "/Interactions/Details/{0}", Target.HealthInteraction, "200" },
        { null, "/Interactions/Details/{0}", Target.HealthInteraction, "login" },
        { null, "/Meetings/Details/{0}", Target.HealthMeeting, "login" },
        { null, "/ActionItems/Details/{0}", Target.HealthAction, "login" },
        { null, "/Agencies/Details/{0}", Target.Revenue, "login" },
        { null, "/People/Details/{0}", Target.RevenueContact, "login" },
        { null, "/Users/Details/{0}", Target.AdminUser, "login" },
        { null, "/Units/Details/{0}", Target.UnitOps, "login" },
        { null, "/Renewals", Target.Revenue, "login" },
        { TestData.RevenueUser, "/Renewals", Target.Revenue, "403" },
        { TestData.RevenueUser, "/Renewals/Edit?agencyId={0}", Target.Revenue, "403" },
        { TestData.RevenueUser, "/Vendors", Target.Revenue, "403" },
        { TestData.Executive, "/Vendors/Edit", Target.Revenue, "403" },
        { TestData.Staff, "/Renewals?agencyId={0}", Target.Revenue, "200" },
    };

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task Pages_answer_as_the_access_rule_says(string? who, string page, Target target, string expected)
    {
        using var session = who is null ? app.Session() : await app.SignedInAsync(who);
        var url = string.Format(System.Globalization.CultureInfo.InvariantCulture, page, IdOf(target));
        var response = await session.GetRawAsync(url);
        var outcome = response.StatusCode switch
        {
            HttpStatusCode.Redirect when response.Headers.Location!.OriginalString.Contains("/Account/Login", StringComparison.Ordinal) => "login",
            HttpStatusCode.Redirect when response.Headers.Location!.OriginalString.Contains("/Account/AccessDenied", StringComparison.Ordinal) => "403",
            var code => ((int)code).ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
        Assert.Equal(expected, outcome);
    }

    /// <summary>API: (who, method, route, which record) → status.</summary>
    public static TheoryData<string?, string, string, Target, int> Api => new()
    {
        { TestData.RevenueUser, "GET", "/api/v1/agencies/{0}", Target.Health, 404 },
        { TestData.RevenueUser, "PUT", "/api/v1/agencies/{0}", Target.Health, 404 },
        { TestData.RevenueUser, "POST", "/api/v1/agencies/{0}/deactivate", Target.Health, 404 },
        { TestData.RevenueUser, "GET", "/api/v1/agencies/{0}/history", Target.Health, 404 },
        { TestData.RevenueUser, "PUT", "/api/v1/agencies/{0}", Target.Revenue, 403 },
        { TestData.RevenueUser, "GET", "/api/v1/people/{0}", Target.HealthContact, 404 },
        { TestData.RevenueUser, "PUT", "/api/v1/people/{0}", Target.HealthContact, 404 },
        { TestData.RevenueUser, "GET", "/api/v1/people/{0}", Target.StaffPerson, 404 },
        { TestData.RevenueUser, "PUT", "/api/v1/people/{0}", Target.RevenueContact, 403 },
        { TestData.RevenueUser, "GET", "/api/v1/users/{0}", Target.AdminUser, 403 },
        { TestData.RevenueUser, "PUT", "/api/v1/units/{0}", Target.UnitOps, 403 },
        { TestData.Staff, "PUT", "/api/v1/agencies/{0}", Target.Revenue, 403 },
        { TestData.Staff, "POST", "/api/v1/agencies/{0}/deactivate", Target.Revenue, 403 },
        { TestData.Staff, "PUT", "/api/v1/people/{0}", Target.RevenueContact, 403 },
        { TestData.Executive, "PUT", "/api/v1/agencies/{0}", Target.Revenue, 403 },
        { TestData.Executive, "PUT", "/api/v1/lines-of-service/{0}", Target.LineGis, 403 },
        { TestData.Manager, "POST", "/api/v1/agencies/{0}/deactivate", Target.Revenue, 403 },
        { TestData.Manager, "PUT", "/api/v1/people/{0}", Target.StaffPerson, 403 },
        { TestData.Manager, "POST", "/api/v1/users/{0}/disable", Target.AdminUser, 403 },
        { TestData.RevenueUser, "GET", "/api/v1/interactions/{0}", Target.HealthInteraction, 404 },
        { TestData.RevenueUser, "PUT", "/api/v1/interactions/{0}", Target.HealthInteraction, 404 },
        { TestData.RevenueUser, "GET", "/api/v1/meetings/{0}", Target.HealthMeeting, 404 },
        { TestData.RevenueUser, "GET", "/api/v1/meetings/{0}/ics", Target.HealthMeeting, 404 },
        { TestData.RevenueUser, "POST", "/api/v1/meetings/{0}/send-agenda", Target.HealthMeeting, 404 },
        { TestData.RevenueUser, "GET", "/api/v1/action-items/{0}", Target.HealthAction, 404 },
        { TestData.RevenueUser, "POST", "/api/v1/action-items/{0}/close", Target.HealthAction, 404 },
        { TestData.RevenueUser, "GET", "/api/v1/agencies/{0}/managers", Target.Health, 404 },
        { TestData.RevenueUser, "GET", "/api/v1/agencies/{0}/matrix", Target.Health, 404 },
        { TestData.RevenueUser, "GET", "/api/v1/agencies/{0}/relationships", Target.Health, 404 },
        { TestData.RevenueUser, "GET", "/api/v1/people/{0}/stakeholder", Target.HealthContact, 404 },
        { TestData.RevenueUser, "PUT", "/api/v1/people/{0}/stakeholder", Target.RevenueContact, 403 },
        { TestData.RevenueUser, "PUT", "/api/v1/agencies/{0}/managers", Target.Revenue, 403 },
        { TestData.Manager, "PUT", "/api/v1/interactions/{0}", Target.HealthInteraction, 403 },
        { TestData.Manager, "PUT", "/api/v1/meetings/{0}", Target.HealthMeeting, 403 },
        { TestData.Manager, "POST", "/api/v1/meetings/{0}/send-agenda", Target.HealthMeeting, 403 },
        { TestData.Manager, "PUT", "/api/v1/action-items/{0}", Target.HealthAction, 403 },
        { TestData.Manager, "POST", "/api/v1/action-items/{0}/close", Target.HealthAction, 403 },
        { TestData.Manager, "PUT", "/api/v1/agencies/{0}/managers", Target.Revenue, 403 },
        { TestData.Manager, "PUT", "/api/v1/people/{0}/stakeholder", Target.HealthContact, 403 },
        { TestData.Staff, "PUT", "/api/v1/agencies/{0}", Target.Health, 403 },
        { null, "GET", "/api/v1/interactions/{0}", Target.HealthInteraction, 401 },
        { null, "GET", "/api/v1/meetings/{0}", Target.HealthMeeting, 401 },
        { null, "GET", "/api/v1/action-items/{0}", Target.HealthAction, 401 },
        { null, "GET", "/api/v1/agencies/{0}", Target.Revenue, 401 },
        { null, "PUT", "/api/v1/agencies/{0}", Target.Revenue, 401 },
        { null, "GET", "/api/v1/people/{0}", Target.RevenueContact, 401 },
        { null, "GET", "/api/v1/users/{0}", Target.AdminUser, 401 },
        { null, "GET", "/api/v1/units/{0}", Target.UnitOps, 401 },
        { null, "GET", "/api/v1/lines-of-service/{0}", Target.LineGis, 401 },
        { null, "GET", "/api/v1/renewals?agencyId={0}", Target.Revenue, 401 },
        { TestData.RevenueUser, "GET", "/api/v1/renewals?agencyId={0}", Target.Revenue, 403 },
        { TestData.RevenueUser, "GET", "/api/v1/vendors", Target.Revenue, 403 },
        { TestData.HealthUser, "GET", "/api/v1/renewals/export?agencyId={0}", Target.Health, 403 },
    };

    [Theory]
    [MemberData(nameof(Api))]
    public async Task The_api_answers_as_the_access_rule_says(string? who, string method, string route, Target target, int expected)
    {
        using var client = who is null ? app.Anonymous() : await app.ApiAsync(who);
        var url = string.Format(System.Globalization.CultureInfo.InvariantCulture, route, IdOf(target));
        using var request = new HttpRequestMessage(new HttpMethod(method), url);
        if (method == "PUT")
        {
            request.Content = JsonContent.Create(new
            {
                name = "Changed",
                firstName = "Changed",
                lastName = "Changed",
                agencyId = app.Ids.Health,
                operationalUnitId = app.Ids.UnitOps,
                title = "Changed",
                subject = "Changed",
                occurredOn = "2026-01-01",
                ownerPersonId = app.Ids.HealthContact,
                agencyIds = new[] { app.Ids.Health },
                startsAt = "2026-12-01T10:00:00",
                endsAt = "2026-12-01T11:00:00",
                primaryUserId = (int?)null,
                version = 1,
            });
        }
        var response = await client.SendAsync(request);
        Assert.Equal(expected, (int)response.StatusCode);
        if (expected >= 400)
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task An_agency_users_lists_and_exports_hold_only_their_agency()
    {
        using var api = await app.ApiAsync(TestData.RevenueUser);
        var agencies = await api.GetJsonAsync("/api/v1/agencies?status=all");
        Assert.Equal(["Department of Revenue"], agencies.GetProperty("items").EnumerateArray().Select(a => a.GetProperty("name").GetString()!).ToArray());
        var people = await api.GetJsonAsync("/api/v1/people?status=all&pageSize=200");
        Assert.All(people.GetProperty("items").EnumerateArray(), p => Assert.Equal(app.Ids.Revenue, p.GetProperty("agencyId").GetInt32()));

        var agencyExport = Spreadsheets.ReadCsv(await (await api.GetAsync("/api/v1/agencies/export?format=csv&status=all")).Content.ReadAsByteArrayAsync());
        Assert.Equal(2, agencyExport.Count);
        Assert.DoesNotContain("Internal notes", agencyExport[0]);
        var peopleExport = await (await api.GetAsync("/api/v1/people/export?format=xlsx&status=all")).Content.ReadAsByteArrayAsync();
        var rows = Spreadsheets.ReadXlsx(peopleExport);
        Assert.All(rows.Skip(1), r => Assert.Equal("Department of Revenue", r[7]));
        Assert.DoesNotContain(rows, r => r.Contains("Hank"));

        using var session = await app.SignedInAsync(TestData.RevenueUser);
        var pageExport = Spreadsheets.ReadCsv(await (await session.GetRawAsync("/People?handler=Export&format=csv&status=all")).Content.ReadAsByteArrayAsync());
        Assert.DoesNotContain(pageExport, r => r.Contains("Hank"));
        Assert.DoesNotContain("Notes", pageExport[0]);
    }

    [Fact]
    public async Task An_agency_user_never_sees_internal_notes_through_the_api()
    {
        using var api = await app.ApiAsync(TestData.RevenueUser);
        var agency = await api.GetJsonAsync($"/api/v1/agencies/{app.Ids.Revenue}");
        Assert.False(agency.TryGetProperty("internalNotes", out _));
        var contact = await api.GetJsonAsync($"/api/v1/people/{app.Ids.RevenueContact}");
        Assert.False(contact.TryGetProperty("internalNotes", out _));
    }

    [Fact]
    public async Task A_refused_look_at_another_agencys_record_is_written_to_the_audit_trail()
    {
        using var api = await app.ApiAsync(TestData.HealthUser);
        var response = await api.GetAsync($"/api/v1/people/{app.Ids.RevenueContact}");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);

        var denial = await app.WithDbAsync(db => db.AuditEntries
            .Where(e => e.Action == "AccessDenied" && e.RecordType == "Person" && e.RecordId == app.Ids.RevenueContact.ToString())
            .OrderByDescending(e => e.Id).FirstOrDefaultAsync());
        Assert.NotNull(denial);
        Assert.Equal(TestData.HealthUser, denial.UserName);

        // A record that does not exist at all is simply not found, with nothing to report.
        var before = await app.WithDbAsync(db => db.AuditEntries.CountAsync(e => e.Action == "AccessDenied"));
        Assert.Equal(HttpStatusCode.NotFound, (await api.GetAsync("/api/v1/people/987654")).StatusCode);
        Assert.Equal(before, await app.WithDbAsync(db => db.AuditEntries.CountAsync(e => e.Action == "AccessDenied")));
    }
}
