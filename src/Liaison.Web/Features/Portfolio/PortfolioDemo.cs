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
        foreach (var initiative in initiatives)
        {
            // Monthly updates; the last one 3 to 60 days ago, so about a third are stale.
            var last = today.AddDays(-random.Next(3, 60));
            InitiativeUpdate? latest = null;
            for (var month = 3; month >= 0; month--)
            {
                latest = new InitiativeUpdate
                {
                    InitiativeId = initiative.Id,
                    AsOf = last.AddMonths(-month),
                    Health = initiative.Health,
                    StatusOverview = month == 0 ? $"{initiative.Phase} phase; {InitiativeLabels.Health(initiative.Health).ToLowerInvariant()}." : $"Progress report {4 - month} of the year.",
                    Accomplishments = "Requirements signed off; vendor demo held.",
                    Plans = "Finish the design; schedule user acceptance testing.",
                    Risks = random.Next(4) == 0 ? null : "Key agency staff are also on year-end close.",
                    AuthorName = "Jordan Ellis",
                    CreatedAt = now,
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
            AuthorName = "Jordan Ellis",
            CreatedAt = now,
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
