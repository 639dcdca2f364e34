using Liaison.Web.Platform.Auth;
using Liaison.Web.Platform.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace Liaison.Web.Features.Administration.Settings;

[Authorize(Policy = Policies.Administrator)]
internal sealed class IndexModel(SiteSettings settings, UpdateSettings update) : PageModel
{
    [BindProperty]
    public SettingsInput Input { get; set; } = new();

    public ConflictInfo? Conflict { get; private set; }

    public static List<SelectListItem> Months =>
        Enumerable.Range(1, 12).Select(m => new SelectListItem(
            System.Globalization.CultureInfo.InvariantCulture.DateTimeFormat.GetMonthName(m), m.ToString(System.Globalization.CultureInfo.InvariantCulture))).ToList();

    public async Task OnGetAsync(CancellationToken ct) => Input = SettingsInput.From(await settings.GetAsync(ct));

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var result = await update.HandleAsync(Input, ct);
        if (result.IsOk)
        {
            TempData["Status"] = "The settings have been saved.";
            return RedirectToPage();
        }
        if (this.Refusal(result) is { } refusal)
            return refusal;
        Conflict = this.ShowProblems(result, Input);
        return Page();
    }
}
