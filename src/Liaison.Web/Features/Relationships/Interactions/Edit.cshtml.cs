using Liaison.Web.Features.Directory.People;
using Liaison.Web.Platform.Auth;
using Liaison.Web.Platform.Time;
using Liaison.Web.Platform.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace Liaison.Web.Features.Relationships.Interactions;

/// <summary>Records an interaction (no id; choose the agency first) or edits one.</summary>
internal sealed class EditModel(RecordInteraction record, InteractionOptions options, PeopleOptions people, AccessRule access, OrganisationClock clock) : PageModel
{
    [BindProperty]
    public InteractionInput Input { get; set; } = new();

    public int? Id { get; private set; }
    public string? AgencyName { get; private set; }
    public List<SelectListItem> AgencyOptions { get; private set; } = [];
    public List<SelectListItem> AttendeeOptions { get; private set; } = [];
    public ConflictInfo? Conflict { get; private set; }

    /// <summary>Where to go after saving (the agency page the quick form was on); local addresses only.</summary>
    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public string Heading => Id is null ? "Record an interaction" : "Edit interaction";

    public async Task<IActionResult> OnGetAsync(int? id, int? agencyId, CancellationToken ct)
    {
        Id = id;
        // The "which agency" step submits its choice under the form's own field name.
        agencyId ??= int.TryParse(Request.Query["Input.AgencyId"], out var chosen) ? chosen : null;
        if (id is { } existing)
        {
            var interaction = await record.GetAsync(existing, ct);
            if (this.Refusal(interaction) is { } refusal)
                return refusal;
            if (!await access.CanEditAgencyRecordsAsync(interaction.Value!.AgencyId, ct))
                return Forbid();
            Input = InteractionInput.From(interaction.Value);
        }
        else
        {
            if (!access.CanStartEngagementRecords)
                return Forbid();
            Input.AgencyId = agencyId;
            Input.OccurredOn = clock.Today;
            // Whoever records an interaction was usually part of it.
            if (access.StaffPersonId is { } me)
                Input.AttendeeIds = [me];
        }
        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int? id, CancellationToken ct)
    {
        Id = id;
        var result = id is { } existing ? await record.UpdateAsync(existing, Input, ct) : await record.CreateAsync(Input, ct);
        if (result.IsOk)
        {
            TempData["Status"] = id is null ? $"The interaction “{result.Value!.Subject}” has been recorded." : "Your changes to the interaction have been saved.";
            return ReturnUrl is { Length: > 0 } back && Url.IsLocalUrl(back) ? LocalRedirect(back) : RedirectToPage("/Relationships/Interactions/Details", new { id = result.Value!.Id });
        }
        if (this.Refusal(result) is { } refusal)
            return refusal;
        Conflict = this.ShowProblems(result, Input);
        await LoadAsync(ct);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        AgencyOptions = await people.AgenciesAsync(ct);
        AgencyName = AgencyOptions.FirstOrDefault(a => a.Value == Input.AgencyId?.ToString(System.Globalization.CultureInfo.InvariantCulture))?.Text;
        AttendeeOptions = Input.AgencyId is { } agencyId ? await options.AttendeesAsync([agencyId], ct) : [];
    }
}
