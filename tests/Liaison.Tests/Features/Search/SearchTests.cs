using System.Net;
using System.Net.Http.Json;
using Liaison.Tests.Infrastructure;
using Liaison.Web.Features.Directory.Agencies;
using Liaison.Web.Features.Directory.People;
using Liaison.Web.Features.Portfolio;
using Liaison.Web.Features.Portfolio.QuickWins;
using Liaison.Web.Features.Relationships.ActionItems;
using Liaison.Web.Features.Relationships.Interactions;
using Liaison.Web.Features.Relationships.Meetings;
using Microsoft.EntityFrameworkCore;

namespace Liaison.Tests.Features.Search;

/// <summary>The header's search: every module's records, by the start of their words, ranked, kept in step, under the access rule.</summary>
public sealed class SearchTests(LiaisonApp app) : IClassFixture<LiaisonApp>
{
    private static async Task<List<(string Kind, string Title, string Url)>> SearchAsync(HttpClient api, string q)
    {
        var response = await api.GetAsync($"/api/v1/search?q={Uri.EscapeDataString(q)}");
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return (await response.JsonAsync()).GetProperty("items").EnumerateArray()
            .Select(i => (i.GetProperty("kind").GetString()!, i.GetProperty("title").GetString()!, i.GetProperty("url").GetString()!)).ToList();
    }

    [Fact]
    public async Task Every_kind_of_record_is_found_by_the_start_of_its_words()
    {
        var today = app.Today;
        await app.WithDbAsync(async db =>
        {
            var agency = new Agency { Name = "Zebrafish Authority", Acronym = "ZFA" };
            var person = new Person { FirstName = "Zara", LastName = "Zebrafish", Kind = PersonKind.AgencyContact, Agency = agency };
            db.AddRange(agency, person);
            await db.SaveChangesAsync();
            db.Add(new Initiative { Name = "Zebrafish data migration", AgencyId = agency.Id });
            var meeting = new Meeting { Title = "Zebrafish steering committee", Kind = MeetingKind.SteeringCommittee, StartsAt = DateTime.UtcNow.AddDays(3), EndsAt = DateTime.UtcNow.AddDays(3).AddHours(1) };
            meeting.Agencies.Add(new MeetingAgency { AgencyId = agency.Id });
            db.Add(meeting);
            db.Add(new Interaction { AgencyId = agency.Id, Subject = "Zebrafish site visit", OccurredOn = today, Kind = InteractionKind.Call });
            db.Add(new QuickWin { AgencyId = agency.Id, TaskName = "Zebrafish printer fixed", CompletedOn = today });
            db.Add(new ActionItem { AgencyId = agency.Id, Title = "Send the zebrafish inventory", OwnerPersonId = person.Id });
            await db.SaveChangesAsync();
        });

        using var admin = await app.ApiAsync(TestData.Admin);
        var found = await SearchAsync(admin, "zebraf");
        Assert.Equal(["Action item", "Agency", "Initiative", "Interaction", "Meeting", "Person", "Quick win"], found.Select(f => f.Kind).Distinct().Order().ToArray());
        Assert.Contains(found, f => f is { Kind: "Agency", Title: "Zebrafish Authority (ZFA)" } && f.Url.StartsWith("/Agencies/Details/", StringComparison.Ordinal));
        // Every word must match; each as the start of a word, in any case.
        Assert.Equal(["Zebrafish steering committee"], (await SearchAsync(admin, "ZEBRA steer")).Select(f => f.Title));
        Assert.Empty(await SearchAsync(admin, "ebrafish"));
        Assert.Empty(await SearchAsync(admin, "zebrafish nowhere"));
    }

    [Fact]
    public async Task The_whole_word_and_the_shorter_record_rank_first()
    {
        using var admin = await app.ApiAsync(TestData.Admin);
        (await admin.PostAsJsonAsync("/api/v1/agencies", new { name = "Pelicansfield Regional Office of Many Services and Programs" })).EnsureSuccessStatusCode();
        (await admin.PostAsJsonAsync("/api/v1/agencies", new { name = "Pelican Authority" })).EnsureSuccessStatusCode();
        (await admin.PostAsJsonAsync("/api/v1/agencies", new { name = "Office of Pelican Habitat, Wetlands, Coasts and Other Waters" })).EnsureSuccessStatusCode();
        Assert.Equal(["Pelican Authority", "Office of Pelican Habitat, Wetlands, Coasts and Other Waters", "Pelicansfield Regional Office of Many Services and Programs"],
            (await SearchAsync(admin, "pelican")).Select(f => f.Title));
        Assert.Equal(["Pelicansfield Regional Office of Many Services and Programs"], (await SearchAsync(admin, "pelicans")).Select(f => f.Title));
    }

    [Fact]
    public async Task The_index_follows_every_save_a_rename_a_new_record_a_deletion()
    {
        using var admin = await app.ApiAsync(TestData.Admin);
        var id = (await admin.PostAsJsonAsync("/api/v1/agencies", new { name = "Office of Quokka Affairs", acronym = "OQA" })).Id();
        Assert.Contains(await SearchAsync(admin, "quokka"), f => f.Title == "Office of Quokka Affairs (OQA)");

        var current = await admin.GetJsonAsync($"/api/v1/agencies/{id}");
        var renamed = await admin.PutAsJsonAsync($"/api/v1/agencies/{id}", new { name = "Office of Wombat Affairs", acronym = "OWA", version = current.GetProperty("version").GetInt32() });
        Assert.True(renamed.IsSuccessStatusCode, await renamed.Content.ReadAsStringAsync());
        Assert.Empty(await SearchAsync(admin, "quokka"));
        Assert.Contains(await SearchAsync(admin, "wombat"), f => f.Title == "Office of Wombat Affairs (OWA)");

        // A write that bypasses the change tracker is followed too (the index is kept by the database's triggers).
        await app.WithDbAsync(db => db.Agencies.Where(a => a.Id == id).ExecuteUpdateAsync(s => s.SetProperty(a => a.SearchText, "office of numbat affairs")));
        Assert.Single(await SearchAsync(admin, "numbat"));
        await app.WithDbAsync(db => db.Agencies.Where(a => a.Id == id).ExecuteDeleteAsync());
        Assert.Empty(await SearchAsync(admin, "numbat"));
    }

    [Fact]
    public async Task An_agency_user_finds_their_agencys_records_and_never_another_agencys()
    {
        using var admin = await app.ApiAsync(TestData.Admin);
        Assert.Contains(await SearchAsync(admin, "health"), f => f.Title == "Department of Health (LDH)");
        Assert.Contains(await SearchAsync(admin, "hank"), f => f.Title == "Hank Health");

        using var revenue = await app.ApiAsync(TestData.RevenueUser);
        var theirs = await SearchAsync(revenue, "department");
        Assert.Contains(theirs, f => f.Title == "Department of Revenue (LDR)");
        Assert.DoesNotContain(theirs, f => f.Title.Contains("Health", StringComparison.Ordinal));
        Assert.Empty(await SearchAsync(revenue, "hank"));
        Assert.Empty(await SearchAsync(revenue, "health follow"));
        // Internal notes are not searched, for anyone.
        Assert.Empty(await SearchAsync(admin, "prefers phone"));

        using var session = await app.SignedInAsync(TestData.RevenueUser);
        var page = await session.GetAsync("/Search?q=hank");
        Assert.Contains("Nothing you can see matches", page.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("\"zebra\" OR *")]
    [InlineData("NEAR(a b) -c ^d col:e")]
    [InlineData("a & b | !c :* <-> 'd'")]
    [InlineData("\u200b \u00e9t\u00e9 \U0001F600")]
    [InlineData("")]
    public async Task Any_query_answers_without_error(string q)
    {
        using var admin = await app.ApiAsync(TestData.Admin);
        await SearchAsync(admin, q);
        await SearchAsync(admin, new string('x', 5000) + " " + string.Join(' ', Enumerable.Range(0, 500).Select(i => $"w{i}")));
        using var session = await app.SignedInAsync(TestData.Manager);
        Assert.Equal(HttpStatusCode.OK, (await session.GetRawAsync("/Search?q=" + Uri.EscapeDataString(q))).StatusCode);
    }

    [Fact]
    public async Task A_control_character_is_refused_on_the_query_field()
    {
        using var admin = await app.ApiAsync(TestData.Admin);
        var response = await admin.GetAsync("/api/v1/search?q=%01zebra");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await response.JsonAsync()).GetProperty("errors").TryGetProperty("q", out _));
    }

    [Fact]
    public async Task The_header_has_one_search_box_that_opens_the_results_page()
    {
        using var session = await app.SignedInAsync(TestData.Manager);
        var home = await session.GetAsync("/Agencies");
        var form = home.Document.QuerySelector("header form[role=search]")!;
        Assert.Equal("/Search", form.GetAttribute("action"));
        var results = await session.GetAsync("/Search?q=revenue");
        Assert.Contains(results.Document.QuerySelectorAll(".liaison-results a"), a => a.TextContent == "Department of Revenue (LDR)");
        Assert.Equal("revenue", results.Document.GetElementById("site-search")!.GetAttribute("value"));
        Assert.Equal(HttpStatusCode.Redirect, (await app.Anonymous().GetAsync("/Search?q=revenue")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.Anonymous().GetAsync("/api/v1/search?q=revenue")).StatusCode);
    }
}
