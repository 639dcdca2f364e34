using Liaison.Web.Features.Agencies;
using Liaison.Web.Features.People;
using Liaison.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Liaison.Web.Features.Demo;

/// <summary>
/// Fills the database to ten times a state's size for the benchmark (bench/run.sh): agencies and
/// people in bulk, on top of the demo data. Not for production databases.
/// </summary>
internal sealed class BenchmarkData(LiaisonDbContext db)
{
    public async Task<int> SeedAsync(int agencyTarget, int peopleTarget, TextWriter log, CancellationToken ct)
    {
        db.SuppressAuditForBulkLoad = true;
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        var random = new Random(42);
        var lineIds = await db.LinesOfService.Select(l => l.Id).ToListAsync(ct);
        var unitIds = await db.OperationalUnits.Select(u => u.Id).ToListAsync(ct);

        var agencyCount = await db.Agencies.CountAsync(ct);
        for (var i = agencyCount; i < agencyTarget; i++)
        {
            var agency = new Agency
            {
                Name = $"Benchmark Agency {i + 1:D3}",
                Acronym = $"BA{i + 1:D3}",
                ParentDepartment = i % 3 == 0 ? "Office of the Governor" : null,
                Website = $"https://ba{i + 1:D3}.example.gov",
                Phone = $"(225) 555-{random.Next(1000, 9999)}",
            };
            foreach (var lineId in lineIds.OrderBy(_ => random.Next()).Take(random.Next(3, 10)))
                agency.LinesOfService.Add(new AgencyLineOfService { Agency = agency, LineOfServiceId = lineId });
            db.Agencies.Add(agency);
        }
        await db.SaveChangesAsync(ct);
        db.ChangeTracker.Clear();
        var agencyIds = await db.Agencies.Select(a => a.Id).ToListAsync(ct);

        var peopleCount = await db.People.CountAsync(ct);
        var batch = 0;
        for (var i = peopleCount; i < peopleTarget; i++)
        {
            var staff = i % 10 == 0;
            db.People.Add(new Person
            {
                FirstName = $"First{i:D5}",
                LastName = $"Last{random.Next(100000):D5}",
                Title = staff ? "Analyst" : "Program Specialist",
                Email = $"person{i:D5}@bench.example.gov",
                Phone = $"(225) 555-{random.Next(1000, 9999)}",
                Kind = staff ? PersonKind.ProviderStaff : PersonKind.AgencyContact,
                AgencyId = staff ? null : agencyIds[random.Next(agencyIds.Count)],
                OperationalUnitId = staff ? unitIds[random.Next(unitIds.Count)] : null,
            });
            if (++batch == 2000)
            {
                await db.SaveChangesAsync(ct);
                db.ChangeTracker.Clear();
                batch = 0;
            }
        }
        await db.SaveChangesAsync(ct);
        await log.WriteLineAsync($"Benchmark data: {await db.Agencies.CountAsync(ct)} agencies, {await db.People.CountAsync(ct)} people.");
        return 0;
    }
}
