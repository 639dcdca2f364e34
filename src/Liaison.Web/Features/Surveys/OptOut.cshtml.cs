using Liaison.Web.Platform.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace Liaison.Web.Features.Surveys;

/// <summary>One link to receive no more service assessments: asked to confirm (a link scanner's GET changes nothing), then done.</summary>
[AllowAnonymous]
[EnableRateLimiting(RateLimits.SurveyForms)]
internal sealed class OptOutModel(AnswerSurvey answer) : PageModel
{
    public bool Done { get; private set; }
    public bool Known { get; private set; } = true;

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(string token, CancellationToken ct)
    {
        Known = await answer.OptOutAsync(token, ct);
        Done = Known;
        if (!Known)
            Response.StatusCode = StatusCodes.Status404NotFound;
        return Page();
    }
}
