using Liaison.Web.Features.Directory.People;
using Liaison.Web.Features.Portfolio.QuickWins;
using Liaison.Web.Features.Relationships.Contracts;
using Liaison.Web.Platform.Data;
using Liaison.Web.Platform.Modules;
using Liaison.Web.Platform.Time;
using Microsoft.EntityFrameworkCore;

namespace Liaison.Web.Features.Portfolio;

/// <summary>
/// The portfolio's demo data, after the relationships': initiatives with a few months of status updates (some stale,
/// one corrected, one with the PMO), each managed by its agency's primary relationship manager, and a year of quick wins.
/// </summary>
internal sealed class PortfolioDemo(LiaisonDbContext db, OrganisationClock clock) : IDemoSeeder
{
    private static readonly string[] InitiativeNames =
    [
        "Data centre migration", "Office 365 tenant consolidation", "Case management modernisation", "Network refresh", "Disaster recovery test",
        "Identity and access management roll-out", "Legacy mainframe retirement", "Public website redesign", "Endpoint security upgrade", "GIS platform upgrade",
    ];

    public int Order => 20;

    public async Task SeedAsync(DemoRun run, CancellationToken ct)
    {
        var random = run.Random;
        var today = clock.Today;
        var agencies = await db.Agencies.OrderBy(a => a.Name).ToListAsync(ct);
        var accountPeople = await DemoAccounts.PeopleAsync(db, ct);
        var staff = await db.People.Where(p => p.Kind == PersonKind.ProviderStaff).ToListAsync(ct);
        var primaries = await db.PrimaryPeopleByAgencyAsync(ct);
        var arm = accountPeople["arm@demo.test"];
        var pm = accountPeople["pm@demo.test"];
        var healths = new[] { InitiativeHealth.OnTrack, InitiativeHealth.OnTrack, InitiativeHealth.AtRisk, InitiativeHealth.OffTrack, InitiativeHealth.OnHold };
        var initiatives = new List<Initiative>();
        foreach (var (agency, index) in agencies.Take(16).Select((a, i) => (a, i)))
        {
            foreach (var name in InitiativeNames.OrderBy(_ => random.Next()).Take(random.Next(1, 4)))
            {
                var initiative = new Initiative
                {
                    Name = name,
                    Description = $"{name} for {agency.Name}.",
                    AgencyId = agency.Id,
                    RelationshipManagerPersonId = primaries.GetValueOrDefault(agency.Id, arm.Id),
                    OwnerPersonId = random.Next(3) == 0 ? pm.Id : staff[random.Next(staff.Count)].Id,
                    Health = healths[random.Next(healths.Length)],
                    Phase = (InitiativePhase)random.Next(0, 4),
                    StartOn = today.AddDays(-random.Next(60, 300)),
                    TargetOn = random.Next(6) == 0 ? null : today.AddDays(random.Next(30, 400)),
                };
                initiatives.Add(initiative);
                db.Initiatives.Add(initiative);
            }
        }
        await db.SaveChangesAsync(ct);
        var now = clock.UtcNow;
        var people = staff.Concat(accountPeople.Values).DistinctBy(p => p.Id).ToDictionary(p => p.Id);
        var accounts = await db.Users.Where(u => u.PersonId != null).ToDictionaryAsync(u => u.PersonId!.Value, u => u.Id, ct);
        foreach (var initiative in initiatives)
        {
            // Roughly monthly updates by the initiative's owner, the last one 3 to 60 days ago (about a third are stale),
            // each on its own day and hour, saying what that month brought; health drifts towards where it stands now.
            var author = initiative.OwnerPersonId is { } ownerId ? people.GetValueOrDefault(ownerId) : null;
            var count = random.Next(2, 6);
            var asOf = today.AddDays(-random.Next(3, 60));
            var dates = new List<DateOnly>();
            for (var i = 0; i < count; i++)
            {
                dates.Insert(0, asOf);
                asOf = asOf.AddDays(-random.Next(24, 38));
            }
            InitiativeUpdate? latest = null;
            foreach (var (date, i) in dates.Select((d, i) => (d, i)))
            {
                var isLast = i == dates.Count - 1;
                var health = isLast || random.Next(3) > 0 ? initiative.Health : InitiativeHealth.OnTrack;
                var phase = (InitiativePhase)Math.Max(0, (int)initiative.Phase - (dates.Count - 1 - i) / 2);
                latest = new InitiativeUpdate
                {
                    InitiativeId = initiative.Id,
                    AsOf = date,
                    Health = health,
                    StatusOverview = StatusUpdateText.Overview(initiative.Name, phase, health, random),
                    Accomplishments = StatusUpdateText.Pick(StatusUpdateText.Accomplishments[phase], random),
                    Plans = StatusUpdateText.Pick(StatusUpdateText.Plans[phase], random),
                    Risks = health == InitiativeHealth.OnTrack && random.Next(3) == 0 ? null : StatusUpdateText.Pick(StatusUpdateText.Risks, random),
                    AuthorName = author?.FullName ?? "Jordan Ellis",
                    AuthorUserId = author is not null && accounts.TryGetValue(author.Id, out var userId) ? userId : null,
                    CreatedAt = clock.ToUtc(date.ToDateTime(new TimeOnly(random.Next(8, 17), random.Next(0, 60)))),
                };
                db.InitiativeUpdates.Add(latest);
            }
            initiative.Show(latest!);
        }
        await db.SaveChangesAsync(ct);
        var pmo = initiatives[0];
        pmo.ManagedBy = ManagedBy.Pmo;
        pmo.HandedToPmoOn = today.AddDays(-20);
        pmo.HandedToPmoPersonId = pm.Id;
        pmo.OwnerPersonId = pm.Id;
        var first = await db.InitiativeUpdates.Where(u => u.InitiativeId == pmo.Id).OrderBy(u => u.AsOf).FirstAsync(ct);
        db.InitiativeUpdates.Add(new InitiativeUpdate
        {
            InitiativeId = pmo.Id,
            AsOf = first.AsOf,
            Health = first.Health,
            StatusOverview = "Kick-off held with the agency's executive sponsor.",
            Accomplishments = first.Accomplishments,
            Plans = first.Plans,
            Risks = first.Risks,
            CorrectsId = first.Id,
            Reason = "The first report named the wrong sponsor.",
            AuthorName = first.AuthorName,
            AuthorUserId = first.AuthorUserId,
            CreatedAt = first.CreatedAt.AddDays(2),
        });

        string[] tasks = ["Restored a deleted shared mailbox", "Expedited laptop images for new hires", "Fixed the VPN profile for field staff",
            "Set up a Teams live event for the town hall", "Recovered a corrupted budget workbook", "Extended the firewall rule for the vendor demo"];
        for (var i = 0; i < 40; i++)
        {
            var agency = agencies[random.Next(Math.Min(16, agencies.Count))];
            var win = new QuickWin
            {
                TaskName = tasks[random.Next(tasks.Length)],
                Description = "Requested by the agency outside the ticketing system.",
                AgencyId = agency.Id,
                RelationshipManagerPersonId = primaries.GetValueOrDefault(agency.Id, arm.Id),
                Benefit = "Staff could keep working the same day.",
                CompletedOn = today.AddDays(-random.Next(0, 365)),
            };
            win.Contributors.Add(new QuickWinContributor { PersonId = staff[random.Next(staff.Count)].Id });
            db.QuickWins.Add(win);
        }
        await db.SaveChangesAsync(ct);
        db.PortfolioSnapshots.AddRange(Enumerable.Range(1, 3).Select(m => new PortfolioSnapshot
        {
            Month = today.StartOfMonth().AddMonths(-m),
            Active = initiatives.Count,
            UpdatedWithin = initiatives.Count * (70 + (5 * m)) / 100,
            Complete = initiatives.Count * (80 + (3 * m)) / 100,
            StaleAfterDays = 30,
            TakenBy = "Jordan Ellis",
            TakenAt = now.AddMonths(-m),
        }));
        await db.SaveChangesAsync(ct);
    }
}

/// <summary>What owners write in their monthly updates, by phase: the demo's status reports read like real ones.</summary>
internal static class StatusUpdateText
{
    public static readonly IReadOnlyDictionary<InitiativePhase, string[]> Accomplishments = new Dictionary<InitiativePhase, string[]>
    {
        [InitiativePhase.Initiating] = ["Sponsor confirmed and kick-off held.", "Business case approved by the agency's CFO.", "Stakeholders interviewed; current state documented.", "Charter drafted and circulated for comment."],
        [InitiativePhase.Planning] = ["Requirements signed off by the agency.", "Vendor demo held; two options short-listed.", "Schedule baselined with the agency's change calendar.", "Budget request submitted for the next fiscal year."],
        [InitiativePhase.Executing] = ["First wave of users moved without incident.", "Build completed in the test environment.", "Integration with the agency's line-of-business system tested.", "Training sessions held for 45 agency staff.", "Cut-over rehearsal completed in four hours."],
        [InitiativePhase.Closing] = ["All sites live; hypercare ended.", "Lessons-learned session held with the agency.", "Old servers decommissioned and wiped.", "Support handed to the service desk with run-books."],
        [InitiativePhase.Closed] = ["Closeout report accepted by the sponsor.", "Final invoice paid; contract closed."],
    };

    public static readonly IReadOnlyDictionary<InitiativePhase, string[]> Plans = new Dictionary<InitiativePhase, string[]>
    {
        [InitiativePhase.Initiating] = ["Confirm the budget line; name the project manager.", "Agree the scope with the agency's IT director."],
        [InitiativePhase.Planning] = ["Finish the design; schedule user acceptance testing.", "Issue the quote request; book the change window.", "Complete the security review before build starts."],
        [InitiativePhase.Executing] = ["Move the remaining two regional offices.", "User acceptance testing with the agency's finance team.", "Go-live readiness review on the 15th.", "Second training round for field staff."],
        [InitiativePhase.Closing] = ["Write the closeout report; return unused licences.", "Final sponsor sign-off."],
        [InitiativePhase.Closed] = ["None: the initiative is closed."],
    };

    public static readonly string[] Risks =
    [
        "Key agency staff are also on year-end close.", "Vendor delivery slipped two weeks; cut-over may move.", "Budget for year two is not yet approved.",
        "Only one agency administrator knows the legacy system.", "The procurement office needs a sole-source justification.",
        "Legislative session freezes changes from March.", "Network upgrade at the main site must finish first.",
    ];

    public static string Pick(string[] options, Random random) => options[random.Next(options.Length)];

    public static string Overview(string name, InitiativePhase phase, InitiativeHealth health, Random random) => health switch
    {
        InitiativeHealth.OffTrack => Pick([$"{name} is behind: the go-live date will not be met without a decision on scope.", "Off track: the vendor missed the second milestone; a recovery plan is with the sponsor."], random),
        InitiativeHealth.AtRisk => Pick([$"{phase} continues, but the schedule has no slack left.", "At risk: agency resources are stretched; two tasks slipped a week."], random),
        InitiativeHealth.OnHold => Pick(["On hold at the agency's request until the budget is settled.", "Paused while the agency reorganises its IT unit."], random),
        InitiativeHealth.Done => "Complete.",
        _ => Pick([$"{phase} on schedule; no issues needing a decision.", "On track: milestones met this month.", $"Good progress on {name.ToLowerInvariant()}; the agency is pleased."], random),
    };
}
