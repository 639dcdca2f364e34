using Liaison.Web.Features.Administration.Settings;
using Liaison.Web.Features.Directory.Agencies;
using Liaison.Web.Features.Directory.LinesOfService;
using Liaison.Web.Features.Directory.People;
using Liaison.Web.Features.Directory.Units;
using Liaison.Web.Platform.Auth;
using Liaison.Web.Platform.Data;
using Liaison.Web.Platform.Modules;
using Liaison.Web.Platform.Time;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Liaison.Web.Features.Directory;

/// <summary>
/// The directory's demo data, seeded first: the principal customer agencies of the strategic plan, the organisational
/// overview's units and key functions as the service catalogue, fictional people, and one account per role
/// (<see cref="DemoAccounts"/>). Deterministic, so screenshots and tests agree.
/// </summary>
internal sealed class DirectoryDemo(LiaisonDbContext db, UserManager<User> users, OrganisationClock clock) : IDemoSeeder
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


    public int Order => 0;

    public async Task SeedAsync(DemoRun run, CancellationToken ct)
    {
        var random = run.Random;
        var password = run.Password;
        var settings = await db.OrganisationSettings.FirstAsync(s => s.Id == OrganisationSettings.SingletonId, ct);
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
        foreach (var (email, name, role, title) in DemoAccounts.All)
        {
            usedNames.Add(name);
            var agency = role == Roles.AgencyUser ? agencies[DemoAccounts.AgencyAcronym] : null;
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
        foreach (var (email, name, role, _) in DemoAccounts.All)
        {
            var user = new User
            {
                UserName = email,
                Email = email,
                EmailConfirmed = true,
                DisplayName = name,
                AgencyId = role == Roles.AgencyUser ? agencies[DemoAccounts.AgencyAcronym].Id : null,
                PersonId = accountPeople[email].Id,
                CreatedAt = now,
            };
            var created = await users.CreateAsync(user, password);
            if (!created.Succeeded)
                throw new InvalidOperationException("Demo:Password does not meet the password policy: " + string.Join(" ", created.Errors.Select(e => e.Description)));
            await users.AddToRoleAsync(user, role);
        }
    }
}
