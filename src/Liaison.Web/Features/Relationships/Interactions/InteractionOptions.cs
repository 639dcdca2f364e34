using Liaison.Web.Features.Directory.People;
using Liaison.Web.Platform.Data;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;

namespace Liaison.Web.Features.Relationships.Interactions;

/// <summary>Choices for the interaction and meeting forms: kinds, and who can attend (an agency's contacts, then staff).</summary>
internal sealed class InteractionOptions(LiaisonDbContext db)
{
    public static List<SelectListItem> Kinds =>
        Enum.GetValues<InteractionKind>().Select(k => new SelectListItem(InteractionKinds.Label(k), k.ToString())).ToList();

    /// <summary>The agencies' active contacts (grouped by agency), then the provider's active staff.</summary>
    public async Task<List<SelectListItem>> AttendeesAsync(IReadOnlyCollection<int> agencyIds, CancellationToken ct)
    {
        var people = await db.People.AsNoTracking()
            .Where(p => p.IsActive && ((p.AgencyId != null && agencyIds.Contains(p.AgencyId.Value)) || p.Kind == PersonKind.ProviderStaff))
            .OrderBy(p => p.Kind).ThenBy(p => p.Agency!.Name).ThenBy(p => p.LastName).ThenBy(p => p.FirstName)
            .Select(p => new { p.Id, p.FirstName, p.LastName, p.Title, p.Kind, Agency = p.Agency!.Name })
            .ToListAsync(ct);
        var groups = new Dictionary<string, SelectListGroup>();
        return people.Select(p =>
        {
            var name = p.Kind == PersonKind.ProviderStaff ? "Provider staff" : $"{p.Agency} contacts";
            if (!groups.TryGetValue(name, out var group))
                groups[name] = group = new SelectListGroup { Name = name };
            var label = $"{p.FirstName} {p.LastName}" + (p.Title is null ? "" : $", {p.Title}");
            return new SelectListItem(label, p.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)) { Group = group };
        }).ToList();
    }
}
