using Liaison.Web.Platform.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace Liaison.Web.Features.Surveys.FollowUps;

/// <summary>One follow-up: the response behind it, and moving it through contacted, action planned and closed.</summary>
internal sealed class DetailsModel(ManageFollowUps followUps) : PageModel
{
    [BindProperty]
    public FollowUpInput Input { get; set; } = new();

    public SurveyFollowUp FollowUp { get; private set; } = null!;
    public string Wave { get; private set; } = "";
    public IReadOnlyList<(string Question, string Answer)> Answers { get; private set; } = [];
    public ConflictInfo? Conflict { get; private set; }

    public static List<SelectListItem> Statuses => Enum.GetValues<FollowUpStatus>().Select(s => new SelectListItem(FollowUpText.Status(s), s.ToString())).ToList();

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } refusal)
            return refusal;
        Input = FollowUpInput.From(FollowUp);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken ct)
    {
        var result = await followUps.UpdateAsync(id, Input, ct);
        if (result.IsOk)
        {
            TempData["Status"] = "The follow-up has been saved.";
            return Redirect($"/Surveys/FollowUps/{id}");
        }
        if (this.Refusal(result) is { } refusal)
            return refusal;
        Conflict = this.ShowProblems(result, Input);
        return await LoadAsync(id, ct) ?? Page();
    }

    private async Task<IActionResult?> LoadAsync(int id, CancellationToken ct)
    {
        var found = await followUps.GetAsync(id, ct);
        if (this.Refusal(found) is { } refusal)
            return refusal;
        (FollowUp, Wave, Answers) = found.Value;
        return null;
    }
}
