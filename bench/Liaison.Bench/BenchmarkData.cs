using Liaison.Web.Features.Directory.Agencies;
using Liaison.Web.Features.Directory.People;
using Liaison.Web.Features.Portfolio;
using Liaison.Web.Features.Portfolio.QuickWins;
using Liaison.Web.Features.Relationships;
using Liaison.Web.Features.Relationships.ActionItems;
using Liaison.Web.Features.Relationships.Interactions;
using Liaison.Web.Features.Renewals;
using Liaison.Web.Features.Reporting;
using Liaison.Web.Features.Surveys;
using Liaison.Web.Platform.Data;
using Liaison.Web.Platform.Modules;
using Microsoft.EntityFrameworkCore;

namespace Liaison.Bench;

/// <summary>
/// Fills the database to ten times a state's size for the benchmark (bench/run.sh): agencies and
/// people in bulk, on top of the demo data. Not for production databases.
/// </summary>
internal sealed class BenchmarkData(LiaisonDbContext db, BulkLoad bulkLoad, RecordScoreboardMonth recordMonth) : ICommandLineTool
{
    public string Name => "seed-benchmark";

    public string Help => "seed-benchmark [--agencies 200] [--people 20000] [--interactions 500000] [--initiatives 10000] [--updates 200000] [--quick-wins 20000] [--vendors 5000] [--renewals 50000] [--survey-waves 20] [--survey-recipients 19]   fills an empty database for the benchmark";

    public Task<int> RunAsync(IReadOnlyDictionary<string, string> options, TextWriter output, CancellationToken ct) =>
        SeedAsync(BenchmarkSize.From(options), output, ct);

    public async Task<int> SeedAsync(BenchmarkSize size, TextWriter log, CancellationToken ct)
    {
        var (agencyTarget, peopleTarget) = (size.Agencies, size.People);
        bulkLoad.Active = true;
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
        await SeedRelationshipsAsync(size.Interactions, ct);
        await SeedPortfolioAsync(size, ct);
        await SeedRenewalsAsync(size, ct);
        await SeedSurveysAsync(size, ct);
        await SeedScoreboardHistoryAsync(ct);
        // As a database that has lived with its data would be: statistics gathered and the visibility map set, rather
        // than autovacuum still catching up with a bulk load while the benchmark measures.
        if (db.Database.IsNpgsql())
            await db.Database.ExecuteSqlRawAsync("VACUUM (ANALYZE)", ct);
        await log.WriteLineAsync($"Benchmark data: {await db.Agencies.CountAsync(ct)} agencies, {await db.People.CountAsync(ct)} people, " +
            $"{await db.Interactions.CountAsync(ct)} interactions, {await db.ActionItems.CountAsync(ct)} action items, " +
            $"{await db.Initiatives.CountAsync(ct)} initiatives, {await db.InitiativeUpdates.CountAsync(ct)} status updates, " +
            $"{await db.QuickWins.CountAsync(ct)} quick wins, {await db.Vendors.CountAsync(ct)} vendors, {await db.Renewals.CountAsync(ct)} renewals, " +
            $"{await db.SurveyWaves.CountAsync(ct)} survey waves, {await db.SurveyRecipients.CountAsync(ct)} recipients, {await db.SurveyAnswers.CountAsync(ct)} answers.");
        return 0;
    }

    /// <summary>
    /// A year of the scoreboard's history, as a year in use would leave it: this month recorded, and the eleven before it
    /// the same cells (the movement and the trend then read what they would after a year).
    /// </summary>
    private async Task SeedScoreboardHistoryAsync(CancellationToken ct)
    {
        await recordMonth.HandleAsync(ct);
        var current = await db.ScoreboardMonths.AsNoTracking().ToListAsync(ct);
        if (current.Count == 0)
            return;
        var month = current.Max(m => m.Month);
        current = current.Where(m => m.Month == month).ToList();
        for (var back = 1; back <= 11; back++)
        {
            var then = month.AddMonths(-back);
            await db.ScoreboardMonths.Where(m => m.Month == then).ExecuteDeleteAsync(ct);
            db.ScoreboardMonths.AddRange(current.Select(m => new ScoreboardMonth
            {
                Month = then,
                AgencyId = m.AgencyId,
                Key = m.Key,
                Measure = m.Measure,
                Level = m.Level,
                Cell = m.Cell,
                RecordedAt = m.RecordedAt.AddMonths(-back),
            }));
            await db.SaveChangesAsync(ct);
            db.ChangeTracker.Clear();
            await db.RecountTrendAsync(then, ct);
        }
    }

    /// <summary>
    /// Interactions (one contact each, over two years), every contact's matrix line and last touch, an
    /// action item per contact, and the demo manager on a tenth of the agencies. Written with set-based
    /// SQL: half a million rows through EF would take minutes.
    /// </summary>
    private async Task SeedRelationshipsAsync(int interactionTarget, CancellationToken ct)
    {
        var postgres = db.Database.IsNpgsql();
        var (minAgency, maxAgency, agencies) = (await db.Agencies.MinAsync(a => a.Id, ct), await db.Agencies.MaxAsync(a => a.Id, ct), await db.Agencies.CountAsync(ct));
        if (maxAgency - minAgency + 1 != agencies)
            throw new InvalidOperationException("The benchmark expects agency ids without gaps (a fresh database).");
        var existing = await db.Interactions.CountAsync(ct);
        var now = postgres ? "now()" : "strftime('%Y-%m-%d %H:%M:%f', 'now')";
        var sql = new List<string>();
        if (existing < interactionTarget)
        {
            var count = interactionTarget - existing;
            var numbers = postgres
                ? $"SELECT generate_series(1, {count}) AS i"
                : $"WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < {count}) SELECT i FROM n";
            var date = postgres ? "CURRENT_DATE - (i % 730)" : "date('now', '-' || (i % 730) || ' days')";
            sql.Add($"""
                INSERT INTO "Interactions" ("AgencyId", "OccurredOn", "Kind", "Subject", "SearchText", "CreatedAt", "UpdatedAt", "Version")
                SELECT {minAgency} + (i % {agencies}), {date}, 'Call', 'Benchmark call ' || i, 'benchmark call ' || i, {now}, {now}, 1 FROM ({numbers}) AS numbers
                """);
            sql.Add("""
                CREATE TEMP TABLE bench_contacts AS
                SELECT "AgencyId" AS agency, "Id" AS person, ROW_NUMBER() OVER (PARTITION BY "AgencyId" ORDER BY "Id") AS rn
                FROM "People" WHERE "Kind" = 'AgencyContact' AND "AgencyId" IS NOT NULL
                """);
            sql.Add("""CREATE TEMP TABLE bench_counts AS SELECT agency, COUNT(*) AS n FROM bench_contacts GROUP BY agency""");
            // Successive interactions of an agency go to its contacts in turn (an interaction's id modulo the number
            // of agencies is its agency, so the quotient walks the contacts).
            sql.Add($$"""
                INSERT INTO "InteractionAttendees" ("InteractionId", "PersonId", "OccurredOn")
                SELECT i."Id", c.person, i."OccurredOn" FROM "Interactions" i
                JOIN bench_counts k ON k.agency = i."AgencyId"
                JOIN bench_contacts c ON c.agency = i."AgencyId" AND c.rn = ((i."Id" / {{agencies}}) % k.n) + 1
                WHERE i."Subject" LIKE 'Benchmark call %'
                """);
            sql.Add("DROP TABLE bench_contacts");
            sql.Add("DROP TABLE bench_counts");
        }
        var no = postgres ? "false" : "0";
        sql.Add($"""
            INSERT INTO "StakeholderProfiles" ("PersonId", "Priority", "Impact", "Frequency", "Methods", "IsAgencyExecutive", "IsKeyStakeholder", "IsImplementationCoordinator", "CreatedAt", "UpdatedAt", "Version")
            SELECT p."Id", 'M', 'B', CASE p."Id" % 4 WHEN 0 THEN 'W' WHEN 1 THEN 'S' WHEN 2 THEN 'M' ELSE 'Q' END, 8, {no}, {no}, {no}, {now}, {now}, 1
            FROM "People" p WHERE p."Kind" = 'AgencyContact' AND NOT EXISTS (SELECT 1 FROM "StakeholderProfiles" s WHERE s."PersonId" = p."Id")
            """);
        sql.Add("""
            UPDATE "StakeholderProfiles" SET "LastTouchOn" = (SELECT MAX(a."OccurredOn") FROM "InteractionAttendees" a WHERE a."PersonId" = "StakeholderProfiles"."PersonId")
            """);
        sql.Add(ContactTracking.RefreshAllSql(postgres));
        var due = postgres ? """CURRENT_DATE + (p."Id" % 60 - 30)""" : """date('now', ((p."Id" % 60) - 30) || ' days')""";
        sql.Add($"""
            INSERT INTO "ActionItems" ("AgencyId", "Title", "OwnerPersonId", "DueOn", "Status", "SearchText", "CreatedAt", "UpdatedAt", "Version")
            SELECT p."AgencyId", 'Benchmark follow-up ' || p."Id", p."Id", {due}, CASE WHEN p."Id" % 3 = 0 THEN 'Done' ELSE 'Open' END,
                   'benchmark follow-up ' || p."Id", {now}, {now}, 1
            FROM "People" p WHERE p."Kind" = 'AgencyContact' AND p."AgencyId" IS NOT NULL
              AND NOT EXISTS (SELECT 1 FROM "ActionItems" x WHERE x."OwnerPersonId" = p."Id" AND x."Title" LIKE 'Benchmark follow-up %')
            """);
        await using (var write = await db.BeginWriteAsync(ct))
        {
            foreach (var statement in sql)
                await db.Database.ExecuteSqlRawAsync(statement, ct);
            await write.CommitAsync(ct);
        }

        // The demo relationship manager looks after a tenth of the agencies, as one person might in a big state.
        var manager = await db.Users.Where(u => u.Email == "arm@demo.test").Select(u => (int?)u.Id).FirstOrDefaultAsync(ct);
        if (manager is { } managerId)
        {
            var assigned = await db.AgencyAssignments.Where(a => a.UserId == managerId && a.EndedOn == null).Select(a => a.AgencyId).ToListAsync(ct);
            var covered = await db.AgencyAssignments.Where(a => a.Role == Liaison.Web.Features.Relationships.AssignmentRole.Primary && a.EndedOn == null).Select(a => a.AgencyId).ToListAsync(ct);
            var today = DateOnly.FromDateTime(DateTime.UtcNow);
            foreach (var agencyId in await db.Agencies.Where(a => a.Id % 10 == 0).Select(a => a.Id).ToListAsync(ct))
            {
                if (!assigned.Contains(agencyId) && !covered.Contains(agencyId))
                    db.AgencyAssignments.Add(new Liaison.Web.Features.Relationships.AgencyAssignment { AgencyId = agencyId, UserId = managerId, Role = Liaison.Web.Features.Relationships.AssignmentRole.Primary, StartedOn = today });
            }
            await db.SaveChangesAsync(ct);
        }
    }

    /// <summary>
    /// The renewal log at ten times a state's size: vendors with a contact and two products each, and renewals spread
    /// over the agencies and products, their terms ending from two years ago to two years ahead (a year long, notice 0 to
    /// 90 days, lead time 30), a fifth renewing tacitly; those whose last safe date has passed mostly ordered or paid,
    /// the rest at every step of the way. The responsible manager is the agency's primary where it has one.
    /// </summary>
    private async Task SeedRenewalsAsync(BenchmarkSize size, CancellationToken ct)
    {
        var postgres = db.Database.IsNpgsql();
        var now = postgres ? "now()" : "strftime('%Y-%m-%d %H:%M:%f', 'now')";
        string Numbers(int count) => postgres
            ? $"SELECT generate_series(1, {count}) AS i"
            : $"WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < {count}) SELECT i FROM n";
        string Days(string day, string days) => postgres ? $"{day} + ({days})" : $"date({day}, ({days}) || ' days')";
        var today = postgres ? "CURRENT_DATE" : "date('now')";
        var sql = new List<string>();
        var vendors = size.Vendors - await db.Vendors.CountAsync(ct);
        if (vendors > 0)
        {
            sql.Add($"""
                INSERT INTO "Vendors" ("Name", "Address", "Url", "SearchText", "CreatedAt", "UpdatedAt", "Version")
                SELECT 'Benchmark Vendor ' || i, i || ' Commerce Street, Baton Rouge, LA', 'https://vendor' || i || '.example.com',
                    'benchmark vendor ' || i || ' https://vendor' || i || '.example.com', {now}, {now}, 1
                FROM ({Numbers(vendors)}) AS numbers
                """);
            sql.Add("""
                INSERT INTO "VendorContacts" ("VendorId", "Name", "Phone", "Email")
                SELECT v."Id", 'Contact of ' || v."Name", '225-555-0100', 'sales@vendor' || v."Id" || '.example.com' FROM "Vendors" v WHERE v."Name" LIKE 'Benchmark Vendor %'
                """);
            sql.Add("""
                INSERT INTO "Products" ("VendorId", "Name")
                SELECT v."Id", p.name FROM "Vendors" v CROSS JOIN (SELECT 'Licences' AS name UNION ALL SELECT 'Support') p WHERE v."Name" LIKE 'Benchmark Vendor %'
                """);
        }
        await RunAsync(sql, ct); // the products first: the renewals spread over them
        sql.Clear();
        var renewals = size.Renewals - await db.Renewals.CountAsync(ct);
        if (renewals > 0 && await db.Products.AnyAsync(ct))
        {
            var (minAgency, agencies) = (await db.Agencies.MinAsync(a => a.Id, ct), await db.Agencies.CountAsync(ct));
            var (minProduct, products) = (await db.Products.MinAsync(p => p.Id, ct), await db.Products.CountAsync(ct));
            var end = Days(today, "(i * 7919) % 1461 - 730");
            var notice = "((i % 4) * 30)";
            var safe = Days(end, $"-({notice} + 30)");
            // Past its last safe date: ordered (4) or paid (5), now and then lapsed (9); ahead of it: not started to ticket entered (0-3).
            // One in five renews tacitly, among those whose term has not ended: one that had would have rolled into its next
            // term already, and the renewals job would roll it at the app's start, changing the data under the benchmark.
            var status = $"CASE WHEN {safe} < {today} THEN CASE i % 10 WHEN 0 THEN 9 WHEN 1 THEN 4 ELSE 5 END ELSE i % 4 END";
            sql.Add($"""
                INSERT INTO "Renewals" ("ProductId", "AgencyId", "RenewalNumber", "PurchaseOrders", "Cost", "BillingPeriod", "TermStart", "TermEnd",
                    "VendorNoticeDays", "LeadTimeDays", "RenewsTacitly", "Status", "ResponsibleManagerPersonId", "LastSafeDate", "SearchText", "CreatedAt", "UpdatedAt", "Version")
                SELECT {minProduct} + (i % {products}), {minAgency} + (i % {agencies}), 'RN-' || i, CASE WHEN i % 3 = 0 THEN 'PO' || (100000 + i) END,
                    1000 + (i * 37) % 90000, 0, {Days(end, "-364")}, {end}, {notice}, 30, {(postgres ? $"(i % 5 = 0 AND {end} >= {today})" : $"CASE WHEN i % 5 = 0 AND {end} >= {today} THEN 1 ELSE 0 END")},
                    {status},
                    (SELECT u."PersonId" FROM "AgencyAssignments" a JOIN "AspNetUsers" u ON u."Id" = a."UserId"
                     WHERE a."AgencyId" = {minAgency} + (i % {agencies}) AND a."Role" = 'Primary' AND a."EndedOn" IS NULL LIMIT 1),
                    {safe}, 'rn-' || i || CASE WHEN i % 3 = 0 THEN ' po' || (100000 + i) ELSE '' END, {now}, {now}, 1
                FROM ({Numbers(renewals)}) AS numbers
                """);
        }
        await RunAsync(sql, ct);
    }

    /// <summary>
    /// Twenty semi-annual assessments, ten years of them, closed and published, each to nineteen contacts of every agency
    /// (about 76,000 recipients), seven in ten answering: a 1–5 rating of each line of service the agency consumes, the
    /// recommendation, yes or no, a choice and now and then a comment (about 500,000 answers), mostly satisfied; and a
    /// follow-up of each response with a low answer, closed but in the latest wave.
    /// </summary>
    private async Task SeedSurveysAsync(BenchmarkSize size, CancellationToken ct)
    {
        if (size.SurveyWaves <= 0 || await db.SurveyRecipients.AnyAsync(r => r.Wave!.Name.StartsWith("Benchmark assessment"), ct))
            return;
        var postgres = db.Database.IsNpgsql();
        var now = postgres ? "now()" : "strftime('%Y-%m-%d %H:%M:%f', 'now')";
        var template = await ManageTemplates.EnsureAssessmentAsync(db, ct);
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var latestFirst = new DateOnly(today.Month >= 7 ? today.Year : today.Year - 1, today.Month >= 7 ? 7 : 1, 1);
        // The waves of a fill that stopped half-way are used again.
        var wavesThere = await db.SurveyWaves.AnyAsync(w => w.Name.StartsWith("Benchmark assessment"), ct);
        for (var i = wavesThere ? -1 : size.SurveyWaves - 1; i >= 0; i--)
        {
            var first = latestFirst.AddMonths(-6 * i);
            db.SurveyWaves.Add(new SurveyWave
            {
                Name = $"Benchmark assessment, {first:MMMM yyyy}",
                TemplateId = template.Id,
                OpensOn = first,
                ClosesOn = first.AddDays(20),
                Status = WaveStatus.Closed,
                InvitedAt = first.ToDateTime(new TimeOnly(14, 0)),
                ClosedAt = first.AddDays(21).ToDateTime(new TimeOnly(6, 0)),
                PublishedToStaff = true,
                PublishedToAgencies = true,
            });
        }
        await db.SaveChangesAsync(ct);
        db.ChangeTracker.Clear();
        var question = await db.SurveyQuestions.Where(q => q.TemplateId == template.Id).ToDictionaryAsync(q => q.Kind, q => q.Id, ct);
        var latest = await db.SurveyWaves.Where(w => w.Name.StartsWith("Benchmark assessment")).MaxAsync(w => w.Id, ct);
        var answeredOn = postgres ? "(w.\"OpensOn\" + 3)::timestamp" : "datetime(w.\"OpensOn\", '+3 days')";
        var sql = new List<string>
        {
            // Eighteen contacts of each agency (by id), on every benchmark wave; seven in ten answered on the wave's third day.
            $"""
            INSERT INTO "SurveyRecipients" ("WaveId", "AgencyId", "PersonId", "Email", "InvitedAt", "RemindersSent", "StartedAt", "SubmittedAt", "Version")
            SELECT w."Id", p."AgencyId", p."Id", coalesce(p."Email", 'p' || p."Id" || '@example.gov'), w."InvitedAt", (w."Id" + p."Id") % 3,
                CASE WHEN (w."Id" * 7 + p."Id") % 10 < 7 THEN {answeredOn} END, CASE WHEN (w."Id" * 7 + p."Id") % 10 < 7 THEN {answeredOn} END, 1
            FROM "SurveyWaves" w
            CROSS JOIN (SELECT "Id", "AgencyId", "Email", row_number() OVER (PARTITION BY "AgencyId" ORDER BY "Id") AS n
                        FROM "People" WHERE "AgencyId" IS NOT NULL AND "Kind" = 'AgencyContact') p
            WHERE w."Name" LIKE 'Benchmark assessment%' AND p.n <= {size.SurveyRecipientsPerAgency}
            """,
            // A rating of each line of service the agency consumes: mostly 4 and 5, a few 1s and 2s.
            $"""
            INSERT INTO "SurveyAnswers" ("RecipientId", "WaveId", "AgencyId", "QuestionId", "Kind", "Submitted", "LineOfServiceId", "Number")
            SELECT r."Id", r."WaveId", r."AgencyId", {question[QuestionKind.ServiceRating]}, {(int)QuestionKind.ServiceRating}, {(postgres ? "true" : "1")}, l."LineOfServiceId",
                CASE (r."Id" * 13 + l."LineOfServiceId" * 7) % 20 WHEN 0 THEN 1 WHEN 1 THEN 2 WHEN 2 THEN 3 WHEN 3 THEN 3 WHEN 4 THEN 3
                    WHEN 5 THEN 3 ELSE CASE WHEN (r."Id" + l."LineOfServiceId") % 2 = 0 THEN 4 ELSE 5 END END
            FROM "SurveyRecipients" r JOIN "AgencyLinesOfService" l ON l."AgencyId" = r."AgencyId"
            JOIN "SurveyWaves" w ON w."Id" = r."WaveId"
            WHERE r."SubmittedAt" IS NOT NULL AND w."Name" LIKE 'Benchmark assessment%'
            """,
            // The recommendation (0–10), yes or no, a choice, and a comment from one in four.
            $"""
            INSERT INTO "SurveyAnswers" ("RecipientId", "WaveId", "AgencyId", "QuestionId", "Kind", "Submitted", "LineOfServiceId", "Number", "Text")
            SELECT r."Id", r."WaveId", r."AgencyId", q.id, q.kind, {(postgres ? "true" : "1")}, NULL,
                CASE q.kind WHEN 1 THEN CASE WHEN r."Id" % 10 < 4 THEN 9 + r."Id" % 2 WHEN r."Id" % 10 < 7 THEN 7 + r."Id" % 2 ELSE r."Id" % 7 END
                    WHEN 3 THEN CASE WHEN r."Id" % 5 = 0 THEN 0 ELSE 1 END END,
                CASE q.kind WHEN 4 THEN CASE r."Id" % 3 WHEN 0 THEN 'Monthly' WHEN 1 THEN 'Quarterly' ELSE 'Twice a year' END
                    WHEN 2 THEN 'Benchmark comment ' || r."Id" END
            FROM "SurveyRecipients" r
            JOIN "SurveyWaves" w ON w."Id" = r."WaveId"
            CROSS JOIN (SELECT {question[QuestionKind.Recommend]} AS id, 1 AS kind UNION ALL SELECT {question[QuestionKind.YesNo]}, 3
                        UNION ALL SELECT {question[QuestionKind.Choice]}, 4 UNION ALL SELECT {question[QuestionKind.Text]}, 2) q
            WHERE r."SubmittedAt" IS NOT NULL AND w."Name" LIKE 'Benchmark assessment%' AND (q.kind <> 2 OR r."Id" % 4 = 0)
            """,
            // A follow-up of each response with a low answer, owned by the agency's primary manager: closed, but in the latest wave.
            $"""
            INSERT INTO "SurveyFollowUps" ("RecipientId", "WaveId", "AgencyId", "OwnerPersonId", "LowAnswers", "FirstContactDueOn", "Status", "ContactedOn", "ClosedOn",
                "Resolution", "CreatedAt", "UpdatedAt", "Version")
            SELECT r."Id", r."WaveId", r."AgencyId",
                (SELECT u."PersonId" FROM "AgencyAssignments" a JOIN "AspNetUsers" u ON u."Id" = a."UserId"
                 WHERE a."AgencyId" = r."AgencyId" AND a."Role" = 'Primary' AND a."EndedOn" IS NULL LIMIT 1),
                'A low answer', w."OpensOn", CASE WHEN r."WaveId" = {latest} THEN 0 ELSE 3 END,
                CASE WHEN r."WaveId" = {latest} THEN NULL ELSE w."OpensOn" END, CASE WHEN r."WaveId" = {latest} THEN NULL ELSE w."OpensOn" END,
                CASE WHEN r."WaveId" = {latest} THEN NULL ELSE 'Resolved' END, {now}, {now}, 1
            FROM "SurveyRecipients" r JOIN "SurveyWaves" w ON w."Id" = r."WaveId"
            WHERE w."Name" LIKE 'Benchmark assessment%' AND r."SubmittedAt" IS NOT NULL
              AND EXISTS (SELECT 1 FROM "SurveyAnswers" a WHERE a."RecipientId" = r."Id"
                  AND ((a."Kind" = 0 AND a."Number" <= 2) OR (a."Kind" = 1 AND a."Number" <= 6)))
            """,
        };
        await RunAsync(sql, ct);
    }

    private async Task RunAsync(List<string> sql, CancellationToken ct)
    {
        if (sql.Count == 0)
            return;
        await using var write = await db.BeginWriteAsync(ct);
        foreach (var statement in sql)
            await db.Database.ExecuteSqlRawAsync(statement, ct);
        await write.CommitAsync(ct);
    }

    /// <summary>
    /// Initiatives spread over the agencies (a tenth closed, a quarter of the open ones stale, one in twenty missing its
    /// risks, a fifth with the PMO), each with an equal share of the status updates a fortnight apart, the latest copied
    /// onto the initiative as the application does; and quick wins over two years with one or two contributing staff.
    /// The relationship manager of each is the agency's primary manager where it has one.
    /// </summary>
    private async Task SeedPortfolioAsync(BenchmarkSize size, CancellationToken ct)
    {
        var postgres = db.Database.IsNpgsql();
        var (minAgency, agencies) = (await db.Agencies.MinAsync(a => a.Id, ct), await db.Agencies.CountAsync(ct));
        var now = postgres ? "now()" : "strftime('%Y-%m-%d %H:%M:%f', 'now')";
        string Numbers(int count) => postgres
            ? $"SELECT generate_series(1, {count}) AS i"
            : $"WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < {count}) SELECT i FROM n";
        string DaysAgo(string days) => postgres ? $"CURRENT_DATE - ({days})" : $"date('now', '-' || ({days}) || ' days')";
        string DaysBefore(string day, string days) => postgres ? $"{day} - ({days})" : $"date({day}, '-' || ({days}) || ' days')";
        string DaysAfter(string day, string days) => postgres ? $"{day} + ({days})" : $"date({day}, '+' || ({days}) || ' days')";
        var agency = $"{minAgency} + (i % {agencies})";
        var manager = $"""
            (SELECT u."PersonId" FROM "AgencyAssignments" a JOIN "AspNetUsers" u ON u."Id" = a."UserId"
             WHERE a."AgencyId" = {agency} AND a."Role" = 'Primary' AND a."EndedOn" IS NULL LIMIT 1)
            """;
        string Staff(string n) => $"""(SELECT person FROM bench_staff WHERE rn = (({n}) % (SELECT COUNT(*) FROM bench_staff)) + 1)""";

        var sql = new List<string>
        {
            """
            CREATE TEMP TABLE bench_staff AS
            SELECT "Id" AS person, ROW_NUMBER() OVER (ORDER BY "Id") AS rn FROM "People" WHERE "Kind" = 'ProviderStaff'
            """,
            "CREATE INDEX bench_staff_rn ON bench_staff (rn)",
        };
        var initiatives = size.Initiatives - await db.Initiatives.CountAsync(ct);
        if (initiatives > 0)
        {
            var open = "i % 10 <> 0";
            var lag = "CASE WHEN i % 4 = 0 THEN 31 + i % 150 ELSE i % 30 END";
            sql.Add($"""
                INSERT INTO "Initiatives" ("Name", "Description", "AgencyId", "RelationshipManagerPersonId", "OwnerPersonId", "Health", "Phase",
                    "StartOn", "TargetOn", "ManagedBy", "HandedToPmoOn", "HandedToPmoPersonId", "StatusOverview", "Accomplishments", "Plans", "Risks",
                    "LatestUpdateOn", "IsOpen", "OpenUpdatedOn", "MissingCount", "SearchText", "CreatedAt", "UpdatedAt", "Version")
                SELECT 'Benchmark initiative ' || i, 'What benchmark initiative ' || i || ' delivers', {agency}, COALESCE({manager}, {Staff("i * 7")}), {Staff("i")},
                    CASE WHEN {open} THEN CASE i % 4 WHEN 1 THEN 'AtRisk' WHEN 2 THEN 'OffTrack' ELSE 'OnTrack' END ELSE 'Done' END,
                    CASE WHEN {open} THEN 'Executing' ELSE 'Closed' END,
                    {DaysAgo("400 + i % 300")}, {DaysAfter(DaysAgo("400 + i % 300"), "700")},
                    CASE WHEN i % 5 = 0 THEN 'Pmo' ELSE 'RelationshipManager' END,
                    CASE WHEN i % 5 = 0 THEN {DaysAgo("200")} END, CASE WHEN i % 5 = 0 THEN {Staff("i * 13")} END,
                    'Status of benchmark initiative ' || i, 'Done in the last 30 days', 'Planned for the next 30 days',
                    CASE WHEN i % 20 = 1 THEN NULL ELSE 'Risks of benchmark initiative ' || i END,
                    {DaysAgo(lag)}, {(postgres ? $"{open}" : $"CASE WHEN {open} THEN 1 ELSE 0 END")}, CASE WHEN {open} THEN {DaysAgo(lag)} END,
                    CASE WHEN i % 20 = 1 THEN 1 ELSE 0 END,
                    'benchmark initiative ' || i || ' what benchmark initiative ' || i || ' delivers', {now}, {now}, 1
                FROM ({Numbers(initiatives)}) AS numbers
                """);
            var perInitiative = Math.Max(1, size.Updates / initiatives);
            sql.Add($"""
                INSERT INTO "InitiativeUpdates" ("InitiativeId", "AsOf", "Health", "StatusOverview", "Accomplishments", "Plans", "Risks", "AuthorName", "CreatedAt")
                SELECT x."Id", {DaysBefore("x.\"LatestUpdateOn\"", "14 * (k.i - 1)")}, x."Health",
                    CASE WHEN k.i = 1 THEN x."StatusOverview" ELSE 'Earlier status of ' || x."Name" END,
                    x."Accomplishments", x."Plans", x."Risks", 'Benchmark', {now}
                FROM "Initiatives" x CROSS JOIN ({Numbers(perInitiative)}) AS k
                WHERE x."Name" LIKE 'Benchmark initiative %'
                """);
        }
        var quickWins = size.QuickWins - await db.QuickWins.CountAsync(ct);
        if (quickWins > 0)
        {
            sql.Add($"""
                INSERT INTO "QuickWins" ("TaskName", "Description", "AgencyId", "RelationshipManagerPersonId", "Benefit", "CompletedOn", "SearchText", "CreatedAt", "UpdatedAt", "Version")
                SELECT 'Benchmark quick win ' || i, 'What was done', {agency}, COALESCE({manager}, {Staff("i * 7")}), 'What the agency gained',
                    {DaysAgo("i % 730")}, 'benchmark quick win ' || i || ' what was done what the agency gained', {now}, {now}, 1
                FROM ({Numbers(quickWins)}) AS numbers
                """);
            sql.Add($"""
                INSERT INTO "QuickWinContributors" ("QuickWinId", "PersonId")
                SELECT q."Id", {Staff("q.\"Id\"")} FROM "QuickWins" q WHERE q."TaskName" LIKE 'Benchmark quick win %'
                """);
            sql.Add($"""
                INSERT INTO "QuickWinContributors" ("QuickWinId", "PersonId")
                SELECT q."Id", {Staff("q.\"Id\" + 1")} FROM "QuickWins" q WHERE q."TaskName" LIKE 'Benchmark quick win %' AND q."Id" % 2 = 0
                """);
        }
        sql.Add("DROP TABLE bench_staff");
        await using var write = await db.BeginWriteAsync(ct);
        foreach (var statement in sql)
            await db.Database.ExecuteSqlRawAsync(statement, ct);
        await write.CommitAsync(ct);
    }
}

/// <summary>How much the benchmark loads: ten times a state's size by default.</summary>
internal sealed record BenchmarkSize(int Agencies, int People, int Interactions, int Initiatives, int Updates, int QuickWins, int Vendors = 5000, int Renewals = 50000,
    int SurveyWaves = 20, int SurveyRecipientsPerAgency = 19)
{
    public static BenchmarkSize From(IReadOnlyDictionary<string, string> options)
    {
        int Read(string name, int fallback) =>
            options.TryGetValue(name, out var text) ? int.Parse(text, System.Globalization.CultureInfo.InvariantCulture) : fallback;
        return new(Read("agencies", 200), Read("people", 20000), Read("interactions", 500000),
            Read("initiatives", 10000), Read("updates", 200000), Read("quick-wins", 20000), Read("vendors", 5000), Read("renewals", 50000),
            Read("survey-waves", 20), Read("survey-recipients", 19));
    }
}
