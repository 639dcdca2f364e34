using Liaison.Web.Platform.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Liaison.Web.Features.Surveys;

/// <summary>The signed-in person's surveys: open ones to answer, past answers.</summary>
internal sealed class MineModel(MySurveys mine) : PageModel
{
    public IReadOnlyList<MySurvey> Surveys { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => Surveys = await mine.ListAsync(ct);

    public async Task<IActionResult> OnPostOpenAsync(int recipientId, CancellationToken ct)
    {
        var link = await mine.OpenAsync(recipientId, ct);
        if (this.Refusal(link) is { } refusal)
            return refusal;
        return Redirect($"/s/{link.Value}");
    }
}
