using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Liaison.Tests.Infrastructure;
using Liaison.Web.Features.Relationships;
using Microsoft.EntityFrameworkCore;

namespace Liaison.Tests.Features.Surveys;

/// <summary>What the survey tests (and the browser's) set up the same way: key stakeholders, a wave of the assessment, the link in an email.</summary>
internal static partial class SurveyTestData
{
    [GeneratedRegex(@"/s/([A-Za-z0-9_-]{43})(?!/)")]
    private static partial Regex Link();

    /// <summary>The personal link's token in an email's text.</summary>
    public static string LinkIn(string text) => Link().Match(text).Groups[1].Value;

    /// <summary>Marks the directory entries key stakeholders in the stakeholder matrix (the default recipients of a wave).</summary>
    public static Task MakeKeyStakeholdersAsync(this LiaisonApp app, params int[] people) => app.WithDbAsync(async db =>
    {
        foreach (var person in people)
        {
            var profile = await db.StakeholderProfiles.FirstOrDefaultAsync(p => p.PersonId == person);
            if (profile is null)
                db.StakeholderProfiles.Add(new StakeholderProfile { PersonId = person, IsKeyStakeholder = true });
            else
                profile.IsKeyStakeholder = true;
        }
        await db.SaveChangesAsync();
    });

    /// <summary>The seeded Partner Agency Service Assessment's id, as the API lists it.</summary>
    public static async Task<int> AssessmentAsync(HttpClient admin) =>
        (await admin.GetJsonAsync("/api/v1/surveys/templates")).EnumerateArray().Single(t => t.GetProperty("isScheduledAssessment").GetBoolean()).GetProperty("id").GetInt32();

    /// <summary>Creates a wave through the API, opening today and closing <paramref name="days"/> later: its id.</summary>
    public static async Task<int> CreateWaveAsync(this LiaisonApp app, HttpClient admin, string name, int days = 20, int? template = null)
    {
        var created = await admin.PostAsJsonAsync("/api/v1/surveys/waves", new
        {
            name,
            templateId = template ?? await AssessmentAsync(admin),
            opensOn = app.Today.ToString("yyyy-MM-dd"),
            closesOn = app.Today.AddDays(days).ToString("yyyy-MM-dd"),
        });
        Assert.True(created.StatusCode == HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        return created.Id();
    }
}
