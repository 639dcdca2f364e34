using Liaison.Web.Features.Directory.Agencies;
using Liaison.Web.Features.Directory.LinesOfService;
using Liaison.Web.Features.Directory.People;
using Liaison.Web.Features.Directory.Units;
using Liaison.Web.Features.Portfolio;
using Liaison.Web.Features.Portfolio.QuickWins;
using Liaison.Web.Features.Relationships;
using Liaison.Web.Features.Relationships.ActionItems;
using Liaison.Web.Features.Relationships.Interactions;
using Liaison.Web.Features.Relationships.Meetings;
using Liaison.Web.Platform.Auth;
using Liaison.Web.Platform.Data;
using Liaison.Web.Platform.Modules;
using Liaison.Web.Platform.Time;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Liaison.Web.Features.Demo;

/// <summary>
/// Demo data that makes every module look alive on first run: the principal customer agencies of the
/// strategic plan, the organisational overview's units and key functions as the service catalogue,
/// fictional people, and one account per role. Deterministic, so screenshots and tests agree.
/// </summary>
internal sealed class DemoData(LiaisonDbContext db, UserManager<User> users, OrganisationClock clock) : IDemoSeeder
{
    /// <summary>(Name, acronym, parent department) of the principal customers listed in the strategic plan.</summary>
    public static readonly (string Name, string Acronym, string? Parent)[] AgencyList =
    [
        ("Department of Children & Family Services", "DCFS", null),
        ("Department of Corrections", "DOC", "Department of Public Safety & Corrections"),
        ("Department of Education", "LDOE", null),
        ("Department of Environmental Quality", "DEQ", null),
        ("Department of Health", "LDH", null),
        ("Department of Energy and Natural Resources", "DENR", null),
        ("Department of Public Safety", "DPS", "Department of Public Safety & Corrections"),
        ("Department of Revenue", "LDR", null),
        ("Department of Transportation & Development", "DOTD", null),
        ("Department of Veterans Affairs", "LDVA", null),
        ("Department of Wildlife & Fisheries", "LDWF", null),
        ("Workforce Commission", "LWC", null),
        ("Office of Juvenile Justice", "OJJ", "Department of Public Safety & Corrections"),
        ("Division of Administration", "DOA", "Office of the Governor"),
        ("Commission on Human Rights", "LCHR", "Office of the Governor"),
        ("Office of Elderly Affairs", "GOEA", "Office of the Governor"),
        ("Office of Financial Institutions", "OFI", "Office of the Governor"),
        ("Coastal Protection & Restoration Authority", "CPRA", "Office of the Governor"),
        ("Office of Group Benefits", "OGB", "Division of Administration"),
        ("Office of the State Inspector General", "OIG", "Office of the Governor"),
    ];

    /// <summary>The operational units of the organisational overview and their key functions.</summary>
    public static readonly (string Unit, string Description, (string Name, string Functions)[] Lines)[] Catalogue =
    [
        ("Agency Relationship Management", "The agencies' point of contact with central IT, from strategy to continuous service improvement.",
        [
            ("Business Relationship Management", "Identifies stakeholders and strategic requirements; validates customer requirements in design; coordinates customer involvement in transition; maintains the relationship and the shared service level agreements; evaluates and responds to customer satisfaction."),
            ("Business Analysis", "A pooled group dispatched to projects on request: business and IT analysis, requirements gathering, alignment with enterprise standards and business cases for change."),
        ]),
        ("Applications & Data Management", "Builds, runs and supports the State's applications, websites and data.",
        [
            ("Web / Portal Services", "Design, development and hosting of State and department websites; technical consulting and best practices for portals and service-oriented architecture."),
            ("GIS", "Development, maintenance and administration of GIS applications and data; support for GIS users across agencies."),
            ("Application Development", "Custom applications from requirements to production support, in partnership with the relationship managers."),
            ("Application Management", "Supports and monitors applications, manages releases and the development, QA, staging and production environments."),
            ("Database Services", "Enterprise data models, database design for recovery, availability and performance, and database standards."),
            ("Quality Assurance", "Quality controls through the project lifecycle, test instances and protocols, technical validation and user-acceptance testing."),
            ("Data and Information Management", "Ad hoc reports, statistical reports and extract programs, and the data warehouse."),
        ]),
        ("Data Center Operations", "Runs the State's data centres, servers, storage and messaging.",
        [
            ("Server Administration", "Physical and virtual computing and storage capacity in standard configurations, built, monitored and tuned."),
            ("Messaging", "Email accounts, mail lists and mailboxes, SPAM filtering and directory services for messaging."),
            ("Data Center Facilities", "Data centre operations, backups, monitoring of error logs and of the infrastructure and its environment."),
            ("Storage Administration", "SAN, NAS and direct-attached storage, replication, backup services and routine health checks."),
        ]),
        ("End User Computing", "Supports every State employee's devices and their use.",
        [
            ("Service Desk", "Single point of contact for end users' incidents and requests by phone, chat and web, with on-site and level 2+ support."),
            ("On-boarding and Provisioning", "Employee devices and standard images, access for new staff and de-provisioning for departing ones."),
            ("Configuration Management", "Automated software deployment, hardware and software inventory, patching, profiles and endpoint protection."),
            ("Service Management", "Expert guidance, root cause analysis, service level reporting, process improvement, change and project management."),
        ]),
        ("Network Services (OTM)", "Telecommunications, voice and data networks for the executive branch.",
        [
            ("Telecommunications", "Coordinates the State's telecommunications systems and approves their procurement."),
            ("Voice Services", "Telephone service contracts, local telephone projects, IP telephony and unified communications, contact centres."),
            ("Network Services", "Internet access, LAN and WAN, the secure intranet and statewide backbone, network security elements and network design."),
            ("State Telephone Directory", "Government listings, the online State Government Telephone Directory and information operators."),
            ("Wire & Cable", "Statewide wire and cable contracts and technical consultation on cabling projects."),
        ]),
        ("Office of Operations", "Service planning, reporting, finance, procurement and the service catalogue.",
        [
            ("Service Planning and Management", "Operational oversight of relationship management, portfolio management and service delivery; service improvement and customer satisfaction."),
            ("Service Reporting and Analysis", "Analyses and reports on IT service quality and efficiency, opportunities for improvement and key trends."),
            ("IT Finance and Budgeting", "Cycle forecasts, chargeback management, contract management, rate case planning and the annual IT budget."),
            ("IT Purchasing and Procurement", "Effective, collaborative decisions on purchasing technology in line with enterprise standards."),
            ("IT Licensing and Contracts Management", "Support for all IT contracts and licensing."),
            ("IT Vendor / Provider Management", "Vendor sourcing strategy and vendor performance for cost, risk and benefit."),
            ("Chargeback / Rate Setting", "Rates that reflect the cost of each service, with transparent information about use and fees."),
            ("Service Catalog Development", "The service catalogue aligned with IT strategy, and customer demand across the services' lifecycle."),
        ]),
        ("Production Support Services", "Printing and mail services for State agencies.",
        [
            ("Office of State Printing", "Digital and offset printing, bindery and mailing services, with print project consultation."),
            ("Office of State Mail Operations", "Messenger mail between agencies, application of postage, barcoding and presorting."),
            ("OTS Print Operations", "High-volume, high-speed printing and mailing with postage savings."),
        ]),
        ("Project & Portfolio Management", "The portfolio of centrally supplied services and projects, and the pooled project resources.",
        [
            ("Portfolio Management", "Manages and reviews the portfolio of services and projects with the IT governance groups."),
            ("Program and Project Management", "Pooled project managers: schedule, scope, budget and quality of projects and programs."),
            ("Resource Deployment", "Assigns and tracks pooled resources across projects and departments."),
            ("Communication and Training", "Communications about IT services, end-user training and the IT staff training program."),
        ]),
        ("Strategy, Planning, and Admin", "Policy, standards, strategic planning, information security and governance.",
        [
            ("Policy and Standards", "Information security management, data management and technology standards and architecture."),
            ("Strategic Planning", "The multi-year IT strategic plan and its integration with governance."),
            ("Information Security", "Information security officers and engineers supporting the Information Security Program."),
            ("Governance", "Supports the four enterprise IT governance boards."),
        ]),
    ];

    private static readonly string[] FirstNames =
    [
        "Avery", "Blake", "Camille", "Darnell", "Elena", "Felix", "Gabrielle", "Hector", "Imani", "Jamal", "Keisha", "Landry",
        "Marisol", "Nolan", "Odette", "Pierre", "Quinn", "Renee", "Simone", "Trent", "Uriel", "Valerie", "Wade", "Ximena",
        "Yvette", "Zachary", "Andre", "Brigitte", "Celeste", "Dominic", "Evangeline", "Forrest", "Genevieve", "Harlan",
        "Isabelle", "Jules", "Kendrick", "Lucille", "Marcel", "Noelle",
    ];

    private static readonly string[] LastNames =
    [
        "Arceneaux", "Boudreaux", "Comeaux", "Doucet", "Fontenot", "Guidry", "Hebert", "Istre", "Jeansonne", "Landry",
        "Melancon", "Naquin", "Ortego", "Prejean", "Quebedeaux", "Robichaux", "Savoie", "Thibodeaux", "Usie", "Vidrine",
        "Washington", "Young", "Zeringue", "Broussard", "Chauvin", "Dupuis", "Gautreaux", "LeBlanc", "Mouton", "Richard",
    ];

    private static readonly string[] ContactTitles =
    [
        "Deputy Secretary", "Chief Information Officer", "IT Director", "Implementation Coordinator", "Program Manager",
        "Budget Officer", "Business Analyst", "Undersecretary",
    ];

    /// <summary>The demo accounts, one per role: (email, name, role, title).</summary>
    public static readonly (string Email, string Name, string Role, string Title)[] Accounts =
    [
        ("admin@demo.test", "Alex Morgan", Roles.Administrator, "Systems Administrator"),
        ("cio@demo.test", "Dana Whitfield", Roles.Executive, "Chief Information Officer"),
        ("arm@demo.test", "Jordan Ellis", Roles.RelationshipManager, "Agency Relationship Manager"),
        ("pm@demo.test", "Priya Raman", Roles.ProviderStaff, "Project Manager"),
        ("agency@demo.test", "Casey Thibodeaux", Roles.AgencyUser, "IT Director"),
    ];

    public const string DemoAgencyAcronym = "LDR";

    public int Order => 0;

    public async Task SeedAsync(string password, CancellationToken ct)
    {
        var random = new Random(2026);
        var settings = await db.OrganisationSettings.FirstAsync(s => s.Id == Administration.Settings.OrganisationSettings.SingletonId, ct);
        settings.OrganisationName = "Office of Technology Services";
        settings.RelationshipManagerTitle = "ARM";

        var units = new Dictionary<string, OperationalUnit>();
        var lines = new List<LineOfService>();
        foreach (var (unitName, description, unitLines) in Catalogue)
        {
            var unit = new OperationalUnit { Name = unitName, Description = description };
            units[unitName] = unit;
            foreach (var (lineName, functions) in unitLines)
            {
                var line = new LineOfService { Name = lineName, Description = functions, OperationalUnit = unit };
                unit.LinesOfService.Add(line);
                lines.Add(line);
            }
            db.OperationalUnits.Add(unit);
        }

        var agencies = new Dictionary<string, Agency>();
        foreach (var (name, acronym, parent) in AgencyList)
        {
            var agency = new Agency
            {
                Name = name,
                Acronym = acronym,
                ParentDepartment = parent,
                Website = $"https://{acronym.ToLowerInvariant()}.example.gov",
                Phone = $"(225) 555-{random.Next(1000, 9999)}",
                Address = $"{random.Next(100, 1999)} N. Third Street, Baton Rouge, LA 70802",
                InternalNotes = random.Next(3) == 0 ? "Budget cycle starts in March; brief the CIO before the steering committee." : null,
            };
            foreach (var line in lines.OrderBy(_ => random.Next()).Take(random.Next(5, 13)))
                agency.LinesOfService.Add(new AgencyLineOfService { Agency = agency, LineOfService = line });
            agencies[acronym] = agency;
            db.Agencies.Add(agency);
        }
        await db.SaveChangesAsync(ct);

        var usedNames = new HashSet<string>();
        string NewName()
        {
            while (true)
            {
                var name = $"{FirstNames[random.Next(FirstNames.Length)]} {LastNames[random.Next(LastNames.Length)]}";
                if (usedNames.Add(name))
                    return name;
            }
        }
        Person NewPerson(string fullName, string? title, PersonKind kind, Agency? agency, OperationalUnit? unit, string? email = null)
        {
            var parts = fullName.Split(' ', 2);
            var domain = agency is null ? "ots.example.gov" : $"{agency.Acronym!.ToLowerInvariant()}.example.gov";
            var person = new Person
            {
                FirstName = parts[0],
                LastName = parts[1],
                Title = title,
                Kind = kind,
                Agency = agency,
                OperationalUnit = unit,
                Email = email ?? $"{parts[0].ToLowerInvariant()}.{parts[1].ToLowerInvariant()}@{domain}",
                Phone = $"(225) 555-{random.Next(1000, 9999)}",
            };
            db.People.Add(person);
            return person;
        }

        foreach (var agency in agencies.Values)
        {
            foreach (var title in ContactTitles.OrderBy(_ => random.Next()).Take(5))
                NewPerson(NewName(), title, PersonKind.AgencyContact, agency, null);
        }
        foreach (var unit in units.Values)
        {
            var count = unit.Name == "Agency Relationship Management" ? 5 : 3;
            for (var i = 0; i < count; i++)
            {
                var title = unit.Name == "Agency Relationship Management" ? "Agency Relationship Manager" : $"{unit.LinesOfService[i % unit.LinesOfService.Count].Name} Lead";
                NewPerson(NewName(), title, PersonKind.ProviderStaff, null, unit);
            }
        }

        var accountPeople = new Dictionary<string, Person>();
        foreach (var (email, name, role, title) in Accounts)
        {
            usedNames.Add(name);
            var agency = role == Roles.AgencyUser ? agencies[DemoAgencyAcronym] : null;
            var unit = role switch
            {
                Roles.RelationshipManager => units["Agency Relationship Management"],
                Roles.ProviderStaff => units["Project & Portfolio Management"],
                Roles.Executive => units["Office of Operations"],
                Roles.Administrator => units["Strategy, Planning, and Admin"],
                _ => null,
            };
            accountPeople[email] = NewPerson(name, title, agency is null ? PersonKind.ProviderStaff : PersonKind.AgencyContact, agency, unit, email);
        }
        await db.SaveChangesAsync(ct);

        var now = clock.UtcNow;
        foreach (var (email, name, role, _) in Accounts)
        {
            var user = new User
            {
                UserName = email,
                Email = email,
                EmailConfirmed = true,
                DisplayName = name,
                AgencyId = role == Roles.AgencyUser ? agencies[DemoAgencyAcronym].Id : null,
                PersonId = accountPeople[email].Id,
                CreatedAt = now,
            };
            var created = await users.CreateAsync(user, password);
            if (!created.Succeeded)
                throw new InvalidOperationException("Demo:Password does not meet the password policy: " + string.Join(" ", created.Errors.Select(e => e.Description)));
            await users.AddToRoleAsync(user, role);
        }
        await SeedRelationshipsAsync(random, agencies, accountPeople, ct);
    }

    /// <summary>Assignments, the stakeholder matrix, interactions, meetings and action items, over the last months.</summary>
    private async Task SeedRelationshipsAsync(Random random, Dictionary<string, Agency> agencies, Dictionary<string, Person> accountPeople, CancellationToken ct)
    {
        var today = clock.Today;
        var arm = await db.Users.FirstAsync(u => u.Email == "arm@demo.test", ct);
        var admin = await db.Users.FirstAsync(u => u.Email == "admin@demo.test", ct);
        await users.AddToRoleAsync(admin, Roles.RelationshipManager);
        var list = agencies.Values.OrderBy(a => a.Name).ToList();
        // The demo ARM looks after eight agencies (Revenue among them), the administrator backs up five of them;
        // a few agencies are left uncovered so the coverage page has something to flag.
        foreach (var (agency, index) in list.Select((a, i) => (a, i)))
        {
            if (index < 8 || agency.Acronym == DemoAgencyAcronym)
                db.AgencyAssignments.Add(new Relationships.AgencyAssignment { AgencyId = agency.Id, UserId = arm.Id, Role = Relationships.AssignmentRole.Primary, StartedOn = today.AddDays(-400) });
            else if (index < 16)
                db.AgencyAssignments.Add(new Relationships.AgencyAssignment { AgencyId = agency.Id, UserId = admin.Id, Role = Relationships.AssignmentRole.Primary, StartedOn = today.AddDays(-200) });
            if (index < 5)
                db.AgencyAssignments.Add(new Relationships.AgencyAssignment { AgencyId = agency.Id, UserId = admin.Id, Role = Relationships.AssignmentRole.Backup, StartedOn = today.AddDays(-100) });
        }

        var contacts = await db.People.Where(p => p.Kind == PersonKind.AgencyContact && p.AgencyId != null).ToListAsync(ct);
        var staff = await db.People.Where(p => p.Kind == PersonKind.ProviderStaff).ToListAsync(ct);
        var armPerson = accountPeople["arm@demo.test"];
        Relationships.Frequency[] frequencies = [Relationships.Frequency.W, Relationships.Frequency.S, Relationships.Frequency.M, Relationships.Frequency.M, Relationships.Frequency.Q, Relationships.Frequency.AN];
        foreach (var contact in contacts)
        {
            var title = contact.Title ?? "";
            db.StakeholderProfiles.Add(new Relationships.StakeholderProfile
            {
                PersonId = contact.Id,
                Priority = title.Contains("Secretary") || title.Contains("Chief") ? Relationships.Priority.H : random.Next(2) == 0 ? Relationships.Priority.M : Relationships.Priority.L,
                Impact = title.Contains("Secretary") ? Relationships.Impact.B : (Relationships.Impact)random.Next(3),
                Frequency = title.Contains("Coordinator") ? Relationships.Frequency.W : frequencies[random.Next(frequencies.Length)],
                Methods = Relationships.Methods.E | (random.Next(2) == 0 ? Relationships.Methods.F : Relationships.Methods.C) | (random.Next(3) == 0 ? Relationships.Methods.R : Relationships.Methods.None),
                IsAgencyExecutive = title.Contains("Secretary"),
                IsKeyStakeholder = title.Contains("Secretary") || title.Contains("Chief") || title.Contains("Director"),
                IsImplementationCoordinator = title.Contains("Coordinator"),
            });
        }
        await db.SaveChangesAsync(ct);

        string[] subjects = ["Quarterly service review", "Network upgrade schedule", "Help desk ticket backlog", "Budget planning for next fiscal year",
            "Application modernization roadmap", "Security awareness training", "Data centre move readiness", "Satisfaction survey follow-up", "Printing contract renewal"];
        var interactionKinds = new[] { Relationships.Interactions.InteractionKind.Meeting, Relationships.Interactions.InteractionKind.Call, Relationships.Interactions.InteractionKind.Email, Relationships.Interactions.InteractionKind.SiteVisit };
        foreach (var agency in list)
        {
            var agencyContacts = contacts.Where(c => c.AgencyId == agency.Id).ToList();
            for (var i = 0; i < random.Next(2, 7); i++)
            {
                var date = today.AddDays(-random.Next(1, 120));
                var interaction = new Relationships.Interactions.Interaction
                {
                    AgencyId = agency.Id,
                    OccurredOn = date,
                    Kind = interactionKinds[random.Next(interactionKinds.Length)],
                    Subject = subjects[random.Next(subjects.Length)],
                    Summary = "Discussed current priorities and open requests; agreed next steps.",
                    FollowUp = random.Next(2) == 0 ? "Send the summary and the updated timeline." : null,
                };
                foreach (var person in agencyContacts.OrderBy(_ => random.Next()).Take(random.Next(1, 4)).Append(armPerson))
                    interaction.Attendees.Add(new Relationships.Interactions.InteractionAttendee { Interaction = interaction, PersonId = person.Id, OccurredOn = date });
                db.Interactions.Add(interaction);
            }
        }
        await db.SaveChangesAsync(ct);
        var lastTouch = await db.InteractionAttendees.GroupBy(a => a.PersonId).Select(g => new { g.Key, Last = g.Max(a => a.OccurredOn) }).ToListAsync(ct);
        var profiles = await db.StakeholderProfiles.ToDictionaryAsync(p => p.PersonId, ct);
        foreach (var touch in lastTouch.Where(t => profiles.ContainsKey(t.Key)))
            profiles[touch.Key].LastTouchOn = touch.Last;

        var now = clock.UtcNow;
        var revenue = agencies[DemoAgencyAcronym];
        var steering = new Relationships.Meetings.Meeting
        {
            Title = "Interagency IT steering committee",
            Kind = Relationships.Meetings.MeetingKind.SteeringCommittee,
            Status = Relationships.Meetings.MeetingStatus.Held,
            StartsAt = now.Date.AddDays(-20).AddHours(15),
            EndsAt = now.Date.AddDays(-20).AddHours(16.5),
            Location = "Claiborne Building, room 1-100",
            Minutes = "Reviewed the service catalogue changes and the network upgrade plan.",
            Decisions = "Adopt the new change-freeze calendar.",
        };
        var helpDesk = new Relationships.Meetings.Meeting
        {
            Title = "Help desk live: password resets and MFA",
            Kind = Relationships.Meetings.MeetingKind.HelpDeskLive,
            Status = Relationships.Meetings.MeetingStatus.Held,
            StartsAt = now.Date.AddDays(-10).AddHours(14),
            EndsAt = now.Date.AddDays(-10).AddHours(15),
            Location = "Online",
        };
        var program = new Relationships.Meetings.Meeting
        {
            Title = "Monthly program meeting — Department of Revenue",
            Kind = Relationships.Meetings.MeetingKind.MonthlyProgram,
            Status = Relationships.Meetings.MeetingStatus.Planned,
            StartsAt = now.Date.AddDays(5).AddHours(15),
            EndsAt = now.Date.AddDays(5).AddHours(16),
            Location = "LaSalle Building, room 4-200",
        };
        foreach (var (meeting, agencyList) in new[] { (steering, list.Take(8).ToList()), (helpDesk, list.Skip(4).Take(10).ToList()), (program, [revenue]) })
        {
            foreach (var agency in agencyList)
            {
                meeting.Agencies.Add(new Relationships.Meetings.MeetingAgency { AgencyId = agency.Id });
                foreach (var person in contacts.Where(c => c.AgencyId == agency.Id).Take(meeting.Kind == Relationships.Meetings.MeetingKind.HelpDeskLive ? 3 : 1))
                    meeting.Attendees.Add(new Relationships.Meetings.MeetingAttendee { PersonId = person.Id, Attended = meeting.Status == Relationships.Meetings.MeetingStatus.Held });
            }
            meeting.Attendees.Add(new Relationships.Meetings.MeetingAttendee { PersonId = armPerson.Id, Attended = meeting.Status == Relationships.Meetings.MeetingStatus.Held });
            if (meeting == program)
                meeting.Attendees.Add(new Relationships.Meetings.MeetingAttendee { PersonId = accountPeople["agency@demo.test"].Id });
            var position = 1;
            foreach (var item in new[] { "Welcome and introductions", "Status of open requests", "Upcoming changes", "Action items review" })
                meeting.AgendaItems.Add(new Relationships.Meetings.MeetingAgendaItem { Position = position++, Text = item });
            db.Meetings.Add(meeting);
        }
        await db.SaveChangesAsync(ct);

        var casey = accountPeople["agency@demo.test"];
        db.ActionItems.AddRange(
            new Relationships.ActionItems.ActionItem { AgencyId = revenue.Id, Title = "Send the list of applications moving to the new data centre", OwnerPersonId = casey.Id, DueOn = today.AddDays(3), Status = Relationships.ActionItems.ActionStatus.Open, MeetingId = program.Id },
            new Relationships.ActionItems.ActionItem { AgencyId = revenue.Id, Title = "Share the draft cutover calendar", OwnerPersonId = armPerson.Id, DueOn = today.AddDays(-2), Status = Relationships.ActionItems.ActionStatus.Open },
            new Relationships.ActionItems.ActionItem { AgencyId = list[0].Id, Title = "Confirm attendees for the steering committee", OwnerPersonId = armPerson.Id, DueOn = today.AddDays(6), Status = Relationships.ActionItems.ActionStatus.InProgress, MeetingId = steering.Id },
            new Relationships.ActionItems.ActionItem { AgencyId = list[1].Id, Title = "Publish the change-freeze calendar", OwnerPersonId = staff[0].Id, DueOn = today.AddDays(-9), Status = Relationships.ActionItems.ActionStatus.Done, CompletedOn = today.AddDays(-11), MeetingId = steering.Id });
        await db.SaveChangesAsync(ct);
        await SeedPortfolioAsync(random, list, accountPeople, staff, today, ct);
    }

    private static readonly string[] InitiativeNames =
    [
        "Data centre migration", "Office 365 tenant consolidation", "Case management modernisation", "Network refresh", "Disaster recovery test",
        "Identity and access management roll-out", "Legacy mainframe retirement", "Public website redesign", "Endpoint security upgrade", "GIS platform upgrade",
    ];

    /// <summary>Initiatives with a few months of status updates (some stale, one corrected, one with the PMO) and a year of quick wins.</summary>
    private async Task SeedPortfolioAsync(Random random, List<Agency> agencies, Dictionary<string, Person> accountPeople, List<Person> staff, DateOnly today, CancellationToken ct)
    {
        var arm = accountPeople["arm@demo.test"];
        var pm = accountPeople["pm@demo.test"];
        var healths = new[] { Portfolio.InitiativeHealth.OnTrack, Portfolio.InitiativeHealth.OnTrack, Portfolio.InitiativeHealth.AtRisk, Portfolio.InitiativeHealth.OffTrack, Portfolio.InitiativeHealth.OnHold };
        var initiatives = new List<Portfolio.Initiative>();
        foreach (var (agency, index) in agencies.Take(16).Select((a, i) => (a, i)))
        {
            foreach (var name in InitiativeNames.OrderBy(_ => random.Next()).Take(random.Next(1, 4)))
            {
                var initiative = new Portfolio.Initiative
                {
                    Name = name,
                    Description = $"{name} for {agency.Name}.",
                    AgencyId = agency.Id,
                    RelationshipManagerPersonId = arm.Id,
                    OwnerPersonId = random.Next(3) == 0 ? pm.Id : staff[random.Next(staff.Count)].Id,
                    Health = healths[random.Next(healths.Length)],
                    Phase = (Portfolio.InitiativePhase)random.Next(0, 4),
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
                    StatusOverview = month == 0 ? $"{initiative.Phase} phase; {Portfolio.InitiativeLabels.Health(initiative.Health).ToLowerInvariant()}." : $"Progress report {4 - month} of the year.",
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
        pmo.ManagedBy = Portfolio.ManagedBy.Pmo;
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
            var win = new Portfolio.QuickWins.QuickWin
            {
                TaskName = tasks[random.Next(tasks.Length)],
                Description = "Requested by the agency outside the ticketing system.",
                AgencyId = agency.Id,
                RelationshipManagerPersonId = arm.Id,
                Benefit = "Staff could keep working the same day.",
                CompletedOn = today.AddDays(-random.Next(0, 365)),
            };
            win.Contributors.Add(new Portfolio.QuickWins.QuickWinContributor { PersonId = staff[random.Next(staff.Count)].Id });
            db.QuickWins.Add(win);
        }
        await db.SaveChangesAsync(ct);
        db.PortfolioSnapshots.AddRange(Enumerable.Range(1, 3).Select(m => new PortfolioSnapshot
        {
            Month = new DateOnly(today.Year, today.Month, 1).AddMonths(-m),
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
