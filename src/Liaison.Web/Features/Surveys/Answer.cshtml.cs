using Liaison.Web.Platform.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace Liaison.Web.Features.Surveys;

/// <summary>
/// The public survey form behind a personal link: no sign-in, nothing else reachable from it, rate-limited per client
/// address (per app instance). Saves as the person goes; "Submit" once.
/// </summary>
[AllowAnonymous]
[EnableRateLimiting(RateLimits.SurveyForms)]
internal sealed class AnswerModel(AnswerSurvey answer) : PageModel
{
    public SurveyForm Form { get; private set; } = SurveyForm.Of(LinkState.Unknown);

    /// <summary>The answers as posted (shown again when something was refused).</summary>
    public IReadOnlyDictionary<string, string> Values { get; private set; } = new Dictionary<string, string>();

    public IReadOnlyDictionary<string, string[]> Errors { get; private set; } = new Dictionary<string, string[]>();

    public string Token { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(string token, CancellationToken ct)
    {
        Token = token;
        Form = await answer.ReadAsync(token, ct);
        Values = Form.Answers;
        if (Form.State == LinkState.Unknown)
            Response.StatusCode = StatusCodes.Status404NotFound;
        return Page();
    }

    public Task<IActionResult> OnPostSaveAsync(string token, CancellationToken ct) => SaveAsync(token, submit: false, ct);

    public Task<IActionResult> OnPostSubmitAsync(string token, CancellationToken ct) => SaveAsync(token, submit: true, ct);

    private async Task<IActionResult> SaveAsync(string token, bool submit, CancellationToken ct)
    {
        Token = token;
        var given = Request.Form.Where(f => f.Key.StartsWith("a-", StringComparison.Ordinal)).Take(AnswerSurvey.MaxFields + 1)
            .ToDictionary(f => f.Key[2..], f => (string?)f.Value.ToString());
        var result = await answer.SaveAsync(token, given, submit, ct);
        if (result.Status == ResultStatus.NotFound)
        {
            Form = SurveyForm.Of(LinkState.Unknown);
            Response.StatusCode = StatusCodes.Status404NotFound;
            return Page();
        }
        if (result.IsOk)
        {
            if (result.Value!.State == LinkState.Open)
                TempData["Status"] = "Your answers so far have been saved. You can come back to this link to finish.";
            return Redirect($"/s/{token}");
        }
        Form = await answer.ReadAsync(token, ct);
        Values = given.Where(g => g.Value is not null).ToDictionary(g => g.Key, g => g.Value!);
        Errors = result.Errors;
        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        return Page();
    }
}
