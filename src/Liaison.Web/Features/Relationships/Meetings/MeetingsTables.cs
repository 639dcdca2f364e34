using Liaison.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Liaison.Web.Features.Relationships.Meetings;

/// <summary>
/// The module's tables on the one database. The DbContext itself names only the directory's (the kernel every module
/// shares); a module declares its own sets here, so adding one does not edit Platform.
/// </summary>
internal static class MeetingsTables
{
    extension(LiaisonDbContext db)
    {
        public DbSet<Meeting> Meetings => db.Set<Meeting>();
        public DbSet<MeetingAgency> MeetingAgencies => db.Set<MeetingAgency>();
        public DbSet<MeetingAgendaItem> MeetingAgendaItems => db.Set<MeetingAgendaItem>();
        public DbSet<MeetingAttendee> MeetingAttendees => db.Set<MeetingAttendee>();
    }
}
