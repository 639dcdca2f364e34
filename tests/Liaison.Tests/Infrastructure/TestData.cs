using Liaison.Web.Features.Directory.Agencies;
using Liaison.Web.Features.Directory.LinesOfService;
using Liaison.Web.Features.Directory.People;
using Liaison.Web.Features.Directory.Units;
using Liaison.Web.Features.Relationships;
using Liaison.Web.Features.Relationships.ActionItems;
using Liaison.Web.Features.Relationships.Interactions;
using Liaison.Web.Features.Relationships.Meetings;
using Liaison.Web.Platform.Auth;
using Liaison.Web.Platform.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace Liaison.Tests.Infrastructure;

/// <summary>The people and records every test app starts with: one user per role and two agencies.</summary>
public static class TestData
{
    public const string Password = "Test-Password-1";
    public const string Admin = "admin@test.gov";
    public const string Executive = "exec@test.gov";
    public const string Manager = "arm@test.gov";
    public const string Staff = "staff@test.gov";

    /// <summary>An agency user of the Department of Revenue.</summary>
    public const string RevenueUser = "revenue@test.gov";

    /// <summary>An agency user of the Department of Health.</summary>
    public const string HealthUser = "health@test.gov";

    public sealed record Ids(int Revenue, int Health, int RevenueContact, int HealthContact, int StaffPerson, int UnitOps, int UnitApps, int LineGis, int LineServiceDesk)
    {
        /// <summary>Relationship records of the Department of Health, which the manager does not look after.</summary>
        public int HealthInteraction { get; init; }
        public int HealthMeeting { get; init; }
        public int HealthAction { get; init; }
    }

    internal static async Task<Ids> SeedAsync(IServiceProvider services)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LiaisonDbContext>();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<User>>();
        var organisationToday = scope.ServiceProvider.GetRequiredService<Liaison.Web.Platform.Time.OrganisationClock>().Today;

        var ops = new OperationalUnit { Name = "End User Computing", Description = "Devices and the service desk." };
        var apps = new OperationalUnit { Name = "Applications & Data Management", Description = "Applications, websites and data." };
        var gis = new LineOfService { Name = "GIS", Description = "Maps and spatial data.", OperationalUnit = apps };
        var desk = new LineOfService { Name = "Service Desk", Description = "Single point of contact.", OperationalUnit = ops };
        var revenue = new Agency { Name = "Department of Revenue", Acronym = "LDR", InternalNotes = "Revenue internal note" };
        var health = new Agency { Name = "Department of Health", Acronym = "LDH", InternalNotes = "Health internal note" };
        revenue.LinesOfService.Add(new AgencyLineOfService { Agency = revenue, LineOfService = desk });
        health.LinesOfService.Add(new AgencyLineOfService { Agency = health, LineOfService = gis });
        var revenueContact = new Person { FirstName = "Rita", LastName = "Revenue", Email = "rita@revenue.gov", Kind = PersonKind.AgencyContact, Agency = revenue, Title = "CIO", InternalNotes = "Prefers phone" };
        var healthContact = new Person { FirstName = "Hank", LastName = "Health", Email = "hank@health.gov", Kind = PersonKind.AgencyContact, Agency = health, Title = "IT Director" };
        var staff = new Person { FirstName = "Sam", LastName = "Staff", Email = "sam@provider.gov", Kind = PersonKind.ProviderStaff, OperationalUnit = ops };
        db.AddRange(ops, apps, gis, desk, revenue, health, revenueContact, healthContact, staff);
        await db.SaveChangesAsync();

        async Task<int> AddUser(string email, string name, string role, int? agencyId, int? personId = null)
        {
            var user = new User { UserName = email, Email = email, EmailConfirmed = true, DisplayName = name, AgencyId = agencyId, PersonId = personId, CreatedAt = DateTime.UtcNow };
            var created = await users.CreateAsync(user, Password);
            if (!created.Succeeded)
                throw new InvalidOperationException(string.Join(" ", created.Errors.Select(e => e.Description)));
            await users.AddToRoleAsync(user, role);
            return user.Id;
        }
        await AddUser(Admin, "Ada Admin", Roles.Administrator, null);
        await AddUser(Executive, "Ezra Executive", Roles.Executive, null);
        var managerId = await AddUser(Manager, "Mona Manager", Roles.RelationshipManager, null, staff.Id);
        // The manager looks after the Department of Revenue (primary); Health has nobody yet.
        db.AgencyAssignments.Add(new AgencyAssignment { AgencyId = revenue.Id, UserId = managerId, Role = AssignmentRole.Primary, StartedOn = organisationToday });
        await db.SaveChangesAsync();
        await AddUser(Staff, "Stan Staff", Roles.ProviderStaff, null);
        await AddUser(RevenueUser, "Rhea Revenue", Roles.AgencyUser, revenue.Id, revenueContact.Id);
        await AddUser(HealthUser, "Hugo Health", Roles.AgencyUser, health.Id, healthContact.Id);

        var today = organisationToday;
        var interaction = new Interaction { AgencyId = health.Id, OccurredOn = today.AddDays(-3), Kind = InteractionKind.Call, Subject = "Health budget call" };
        interaction.Attendees.Add(new InteractionAttendee { Interaction = interaction, PersonId = healthContact.Id, OccurredOn = interaction.OccurredOn });
        var meeting = new Meeting { Title = "Health program meeting", Kind = MeetingKind.MonthlyProgram, StartsAt = DateTime.UtcNow.AddDays(9), EndsAt = DateTime.UtcNow.AddDays(9).AddHours(1) };
        meeting.Agencies.Add(new MeetingAgency { AgencyId = health.Id });
        var action = new ActionItem { AgencyId = health.Id, Title = "Health follow-up", OwnerPersonId = healthContact.Id, DueOn = today.AddDays(5) };
        db.AddRange(interaction, meeting, action);
        await db.SaveChangesAsync();
        return new Ids(revenue.Id, health.Id, revenueContact.Id, healthContact.Id, staff.Id, ops.Id, apps.Id, gis.Id, desk.Id)
        {
            HealthInteraction = interaction.Id,
            HealthMeeting = meeting.Id,
            HealthAction = action.Id,
        };
    }
}
