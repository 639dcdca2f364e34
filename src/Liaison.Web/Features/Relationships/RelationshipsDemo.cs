using Liaison.Web.Features.Directory.People;
using Liaison.Web.Features.Relationships.ActionItems;
using Liaison.Web.Features.Relationships.Interactions;
using Liaison.Web.Features.Relationships.Meetings;
using Liaison.Web.Platform.Auth;
using Liaison.Web.Platform.Data;
using Liaison.Web.Platform.Modules;
using Liaison.Web.Platform.Time;
using Microsoft.EntityFrameworkCore;

namespace Liaison.Web.Features.Relationships;

/// <summary>
/// The relationships' demo data, after the directory's: assignments (with agencies left uncovered for the coverage
/// page), the stakeholder matrix, and interactions, meetings and action items over the last months.
/// </summary>
internal sealed class RelationshipsDemo(LiaisonDbContext db, OrganisationClock clock) : IDemoSeeder
{
    public int Order => 10;

    public async Task SeedAsync(DemoRun run, CancellationToken ct)
    {
        var random = run.Random;
        var agencies = await db.Agencies.ToDictionaryAsync(a => a.Acronym!, ct);
        var accountPeople = await DemoAccounts.PeopleAsync(db, ct);
        var today = clock.Today;
        var arm = await db.Users.FirstAsync(u => u.Email == "arm@demo.test", ct);
        var arm2 = await db.Users.FirstAsync(u => u.Email == "arm2@demo.test", ct);
        var arm3 = await db.Users.FirstAsync(u => u.Email == "arm3@demo.test", ct);
        var list = agencies.Values.OrderBy(a => a.Name).ToList();
        // Three ARMs, each with agencies of their own and backing up some of the others'; the administrator manages none.
        // The demo ARM (Jordan Ellis) has eight, Revenue among them; three agencies are left without a manager and several
        // without a backup, so the coverage page has something to flag.
        foreach (var (agency, index) in list.Select((a, i) => (a, i)))
        {
            var (primary, backup) = index < 8 || agency.Acronym == DemoAccounts.AgencyAcronym ? (arm, index < 5 ? (index % 2 == 0 ? arm2 : arm3) : null)
                : index < 13 ? (arm2, index < 11 ? arm : null)
                : index < 17 ? (arm3, index < 15 ? arm2 : null)
                : ((User?)null, (User?)null);
            if (primary is not null)
                db.AgencyAssignments.Add(new AgencyAssignment { AgencyId = agency.Id, UserId = primary.Id, Role = AssignmentRole.Primary, StartedOn = today.AddDays(-400 + index * 15) });
            if (backup is not null)
                db.AgencyAssignments.Add(new AgencyAssignment { AgencyId = agency.Id, UserId = backup.Id, Role = AssignmentRole.Backup, StartedOn = today.AddDays(-100 - index * 5) });
        }

        var contacts = await db.People.Where(p => p.Kind == PersonKind.AgencyContact && p.AgencyId != null).ToListAsync(ct);
        var staff = await db.People.Where(p => p.Kind == PersonKind.ProviderStaff).ToListAsync(ct);
        var armPerson = accountPeople["arm@demo.test"];
        Frequency[] frequencies = [Frequency.W, Frequency.S, Frequency.M, Frequency.M, Frequency.Q, Frequency.AN];
        foreach (var contact in contacts)
        {
            var title = contact.Title ?? "";
            db.StakeholderProfiles.Add(new StakeholderProfile
            {
                PersonId = contact.Id,
                Priority = title.Contains("Secretary") || title.Contains("Chief") ? Priority.H : random.Next(2) == 0 ? Priority.M : Priority.L,
                Impact = title.Contains("Secretary") ? Impact.B : (Impact)random.Next(3),
                Frequency = title.Contains("Coordinator") ? Frequency.W : frequencies[random.Next(frequencies.Length)],
                Methods = Methods.E | (random.Next(2) == 0 ? Methods.F : Methods.C) | (random.Next(3) == 0 ? Methods.R : Methods.None),
                IsAgencyExecutive = title.Contains("Secretary"),
                IsKeyStakeholder = title.Contains("Secretary") || title.Contains("Chief") || title.Contains("Director"),
                IsImplementationCoordinator = title.Contains("Coordinator"),
            });
        }
        await db.SaveChangesAsync(ct);

        string[] subjects = ["Quarterly service review", "Network upgrade schedule", "Help desk ticket backlog", "Budget planning for next fiscal year",
            "Application modernization roadmap", "Security awareness training", "Data centre move readiness", "Satisfaction survey follow-up", "Printing contract renewal"];
        var interactionKinds = new[] { Interactions.InteractionKind.Meeting, Interactions.InteractionKind.Call, Interactions.InteractionKind.Email, Interactions.InteractionKind.SiteVisit };
        foreach (var agency in list)
        {
            var agencyContacts = contacts.Where(c => c.AgencyId == agency.Id).ToList();
            for (var i = 0; i < random.Next(2, 7); i++)
            {
                var date = today.AddDays(-random.Next(1, 120));
                var interaction = new Interactions.Interaction
                {
                    AgencyId = agency.Id,
                    OccurredOn = date,
                    Kind = interactionKinds[random.Next(interactionKinds.Length)],
                    Subject = subjects[random.Next(subjects.Length)],
                    Summary = "Discussed current priorities and open requests; agreed next steps.",
                    FollowUp = random.Next(2) == 0 ? "Send the summary and the updated timeline." : null,
                };
                foreach (var person in agencyContacts.OrderBy(_ => random.Next()).Take(random.Next(1, 4)).Append(armPerson))
                    interaction.Attendees.Add(new Interactions.InteractionAttendee { Interaction = interaction, PersonId = person.Id, OccurredOn = date });
                db.Interactions.Add(interaction);
            }
        }
        await db.SaveChangesAsync(ct);
        var lastTouch = await db.InteractionAttendees.GroupBy(a => a.PersonId).Select(g => new { g.Key, Last = g.Max(a => a.OccurredOn) }).ToListAsync(ct);
        var profiles = await db.StakeholderProfiles.ToDictionaryAsync(p => p.PersonId, ct);
        foreach (var touch in lastTouch.Where(t => profiles.ContainsKey(t.Key)))
            profiles[touch.Key].LastTouchOn = touch.Last;

        var now = clock.UtcNow;
        var revenue = agencies[DemoAccounts.AgencyAcronym];
        var steering = new Meetings.Meeting
        {
            Title = "Interagency IT steering committee",
            Kind = Meetings.MeetingKind.SteeringCommittee,
            Status = Meetings.MeetingStatus.Held,
            StartsAt = now.Date.AddDays(-20).AddHours(15),
            EndsAt = now.Date.AddDays(-20).AddHours(16.5),
            Location = "Claiborne Building, room 1-100",
            Minutes = "Reviewed the service catalogue changes and the network upgrade plan.",
            Decisions = "Adopt the new change-freeze calendar.",
        };
        var helpDesk = new Meetings.Meeting
        {
            Title = "Help desk live: password resets and MFA",
            Kind = Meetings.MeetingKind.HelpDeskLive,
            Status = Meetings.MeetingStatus.Held,
            StartsAt = now.Date.AddDays(-10).AddHours(14),
            EndsAt = now.Date.AddDays(-10).AddHours(15),
            Location = "Online",
        };
        var program = new Meetings.Meeting
        {
            Title = "Monthly program meeting — Department of Revenue",
            Kind = Meetings.MeetingKind.MonthlyProgram,
            Status = Meetings.MeetingStatus.Planned,
            StartsAt = now.Date.AddDays(5).AddHours(15),
            EndsAt = now.Date.AddDays(5).AddHours(16),
            Location = "LaSalle Building, room 4-200",
        };
        foreach (var (meeting, agencyList) in new[] { (steering, list.Take(8).ToList()), (helpDesk, list.Skip(4).Take(10).ToList()), (program, [revenue]) })
        {
            foreach (var agency in agencyList)
            {
                meeting.Agencies.Add(new Meetings.MeetingAgency { AgencyId = agency.Id });
                foreach (var person in contacts.Where(c => c.AgencyId == agency.Id).Take(meeting.Kind == Meetings.MeetingKind.HelpDeskLive ? 3 : 1))
                    meeting.Attendees.Add(new Meetings.MeetingAttendee { PersonId = person.Id, Attended = meeting.Status == Meetings.MeetingStatus.Held });
            }
            meeting.Attendees.Add(new Meetings.MeetingAttendee { PersonId = armPerson.Id, Attended = meeting.Status == Meetings.MeetingStatus.Held });
            if (meeting == program)
                meeting.Attendees.Add(new Meetings.MeetingAttendee { PersonId = accountPeople["agency@demo.test"].Id });
            var position = 1;
            foreach (var item in new[] { "Welcome and introductions", "Status of open requests", "Upcoming changes", "Action items review" })
                meeting.AgendaItems.Add(new Meetings.MeetingAgendaItem { Position = position++, Text = item });
            db.Meetings.Add(meeting);
        }
        await db.SaveChangesAsync(ct);

        var casey = accountPeople["agency@demo.test"];
        db.ActionItems.AddRange(
            new ActionItems.ActionItem { AgencyId = revenue.Id, Title = "Send the list of applications moving to the new data centre", OwnerPersonId = casey.Id, DueOn = today.AddDays(3), Status = ActionItems.ActionStatus.Open, MeetingId = program.Id },
            new ActionItems.ActionItem { AgencyId = revenue.Id, Title = "Share the draft cutover calendar", OwnerPersonId = armPerson.Id, DueOn = today.AddDays(-2), Status = ActionItems.ActionStatus.Open },
            new ActionItems.ActionItem { AgencyId = list[0].Id, Title = "Confirm attendees for the steering committee", OwnerPersonId = armPerson.Id, DueOn = today.AddDays(6), Status = ActionItems.ActionStatus.InProgress, MeetingId = steering.Id },
            new ActionItems.ActionItem { AgencyId = list[1].Id, Title = "Publish the change-freeze calendar", OwnerPersonId = staff[0].Id, DueOn = today.AddDays(-9), Status = ActionItems.ActionStatus.Done, CompletedOn = today.AddDays(-11), MeetingId = steering.Id });
        await db.SaveChangesAsync(ct);
    }
}
