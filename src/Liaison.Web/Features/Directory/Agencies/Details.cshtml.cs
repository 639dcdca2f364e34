using System.Globalization;
using Liaison.Web.Platform.Auditing;
using Liaison.Web.Platform.Auth;
using Liaison.Web.Platform.Modules;
using Liaison.Web.Platform.Time;
using Liaison.Web.Platform.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Liaison.Web.Features.Directory.Agencies;

/// <summary>A section of the agency page, as a module contributed it, with its model for this agency.</summary>
internal sealed record LoadedSection(string View, object Model);

/// <summary>
/// The agency page: everything about one agency in one place. The directory shows the agency's own details and its
/// history; every module adds its sections (the relationship, its initiatives, its meetings), its buttons and its part of
/// the relationship health summary through the contracts of Platform/Modules, so no module edits this page.
/// </summary>
internal sealed class DetailsModel(GetAgency get, SaveAgency save, IEnumerable<IAgencySection> sections, AgencyHealth health,
    RecordHistory history, AccessRule access, OrganisationClock clock) : PageModel
{
    public AgencyDetails Details { get; private set; } = null!;
    public IReadOnlyList<LoadedSection> Sections { get; private set; } = [];
    public IReadOnlyList<AgencyPageAction> Actions { get; private set; } = [];
    public IReadOnlyList<HealthSignal> Health { get; private set; } = [];
    public IReadOnlyList<HistoryEntry>? History { get; private set; }
    public bool CanManage => access.CanManageReferenceData;
    public bool ShowInternal => access.CanSeeInternalNotes;
    public bool IsProvider => access.CanSeeProviderRecords;

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        var result = await get.HandleAsync(id, ct);
        if (!result.IsOk)
            return NotFound();
        Details = result.Value!;
        var agency = Details.Agency;
        var page = new AgencyPageContext(id, agency.Name, agency.Acronym, agency.IsActive, await access.CanEditAgencyRecordsAsync(id, ct), clock.Today);
        var loaded = new List<LoadedSection>();
        var actions = new List<AgencyPageAction>();
        if (page.CanEdit)
            actions.Add(new AgencyPageAction(20, "Edit agency", $"/Agencies/Edit/{id}"));
        foreach (var section in sections.OrderBy(s => s.Order))
        {
            if (await section.LoadAsync(page, ct) is { } model)
                loaded.Add(new LoadedSection(section.View, model));
            actions.AddRange(section.Actions(page));
        }
        Sections = loaded;
        Actions = actions.OrderBy(a => a.Order).ToList();
        if (IsProvider)
            Health = await health.ForAgencyAsync(id, ct);
        if (access.CanSeeHistory)
            History = await history.ForAsync(nameof(Agency), id.ToString(CultureInfo.InvariantCulture), ct);
        return Page();
    }

    public Task<IActionResult> OnPostDeactivateAsync(int id, CancellationToken ct) => ToggleAsync(id, false, ct);

    public Task<IActionResult> OnPostReactivateAsync(int id, CancellationToken ct) => ToggleAsync(id, true, ct);

    private Task<IActionResult> ToggleAsync(int id, bool active, CancellationToken ct) =>
        this.SetActiveAsync(id, save.SetActiveAsync(id, active, ct),
            r => active ? $"{r.Name} is active again." : $"{r.Name} is now inactive. Its records are kept.");
}
