using Liaison.Web.Platform.Time;
using Liaison.Web.Platform.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace Liaison.Web.Features.Surveys.Waves;

/// <summary>A wave by hand: name, template, dates; recipients default to the key stakeholders and are changed on the next page.</summary>
internal sealed class CreateModel(ManageWaves waves, ManageTemplates templates, OrganisationClock clock) : PageModel
{
    [BindProperty]
    public WaveInput Input { get; set; } = new();

    public List<SelectListItem> Templates { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!waves.MayManage)
            return Forbid();
        var list = await templates.ListAsync(ct);
        var assessment = list.Value!.FirstOrDefault(t => t.IsScheduledAssessment);
        var today = clock.Today;
        Input = new WaveInput
        {
            Name = $"Service assessment, {today.ToString("MMMM yyyy", System.Globalization.CultureInfo.InvariantCulture)}",
            TemplateId = assessment?.Id,
            OpensOn = today,
            ClosesOn = today.AddDays(20),
        };
        Templates = list.Value!.Select(t => new SelectListItem(t.Name, t.Id.ToString(System.Globalization.CultureInfo.InvariantCulture))).ToList();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var result = await waves.CreateAsync(Input, ct);
        if (result.IsOk)
        {
            TempData["Status"] = "The wave has been created with every active agency's key stakeholders. Check the recipients, then send it.";
            return Redirect($"/Surveys/Waves/{result.Value!.Id}");
        }
        if (this.Refusal(result) is { } refusal)
            return refusal;
        this.ShowProblems(result, Input);
        var list = await templates.ListAsync(ct);
        Templates = list.Value!.Select(t => new SelectListItem(t.Name, t.Id.ToString(System.Globalization.CultureInfo.InvariantCulture))).ToList();
        return Page();
    }
}
