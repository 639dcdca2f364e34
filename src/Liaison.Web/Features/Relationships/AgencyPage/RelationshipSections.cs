using System.Globalization;
using Liaison.Web.Platform.Auth;
using Liaison.Web.Platform.Modules;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace Liaison.Web.Features.Relationships.AgencyPage;

/// <summary>The relationship on the agency page: managers, contacts and their cadence, recent interactions, open action items.</summary>
internal sealed record RelationshipsSectionModel(AgencyPageContext Page, AgencyRelationships Relationship, bool IsProvider, bool CanManage,
    IReadOnlyList<SelectListItem> ManagerOptions, AssignmentInput Managers, IReadOnlyList<SelectListItem> QuickAttendees);

/// <summary>The Relationships module's sections of the agency page and its buttons there.</summary>
internal sealed class RelationshipsSection(GetAgencyRelationships relationships, ManageAssignments assignments, AccessRule access) : IAgencySection
{
    public int Order => 10;

    public string View => "/Features/Relationships/AgencyPage/_Relationships.cshtml";

    public async Task<object?> LoadAsync(AgencyPageContext page, CancellationToken ct)
    {
        if (await relationships.HandleAsync(page.AgencyId, ct) is not { } relationship)
            return null;
        var canManage = access.CanManageReferenceData;
        var options = canManage ? Shared.Options.Of(await assignments.RelationshipManagersAsync(ct)).ToList() : [];
        // The quick form offers the agency's active contacts: the matrix has just read them.
        var attendees = page.CanEdit
            ? relationship.Contacts.Select(c => new SelectListItem(c.Name + (c.Title is null ? "" : $", {c.Title}"), c.PersonId.ToString(CultureInfo.InvariantCulture))).ToList()
            : [];
        var managers = new AssignmentInput { PrimaryUserId = relationship.Managers.Primary?.Id, BackupUserId = relationship.Managers.Backup?.Id };
        return new RelationshipsSectionModel(page, relationship, access.CanSeeProviderRecords, canManage, options, managers, attendees);
    }

    public IEnumerable<AgencyPageAction> Actions(AgencyPageContext page)
    {
        if (page.CanEdit)
        {
            yield return new(10, "Record an interaction", $"/Interactions/Create?agencyId={page.AgencyId}", Primary: true);
            yield return new(11, "Plan a meeting", $"/Meetings/Create?agencyId={page.AgencyId}");
            yield return new(12, "Add an action item", $"/ActionItems/Create?agencyId={page.AgencyId}");
        }
        if (access.CanSeeProviderRecords)
            yield return new(30, "Stakeholder matrix", $"/Agencies/Matrix/{page.AgencyId}");
    }
}

/// <summary>The agency's upcoming meetings, after its initiatives.</summary>
internal sealed class MeetingsSection(GetAgencyRelationships relationships) : IAgencySection
{
    public int Order => 60;

    public string View => "/Features/Relationships/AgencyPage/_Meetings.cshtml";

    public async Task<object?> LoadAsync(AgencyPageContext page, CancellationToken ct) =>
        (await relationships.HandleAsync(page.AgencyId, ct))?.Meetings;
}
