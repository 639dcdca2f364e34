using Liaison.Web.Platform.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Liaison.Web.Features.SavedViews;

/// <summary>The forms of a list's "Saved views" menu post here, and come back to the list (or to the view just saved).</summary>
internal sealed class IndexModel(ManageSavedViews views) : PageModel
{
    public IReadOnlyList<SavedView> Views { get; private set; } = [];

    [BindProperty]
    public string? List { get; set; }

    [BindProperty]
    public string? ViewName { get; set; }

    [BindProperty]
    public string? Query { get; set; }

    /// <summary>Every view of the user's, by list: where to delete them all from one place.</summary>
    public async Task OnGetAsync(CancellationToken ct) => Views = await views.AllAsync(ct);

    public async Task<IActionResult> OnPostSaveAsync(CancellationToken ct)
    {
        var saved = await views.SaveAsync(new SavedViewInput(List, ViewName, Query), ct);
        if (saved.IsOk)
        {
            TempData["Status"] = $"Saved as “{saved.Value!.Name}”. Find it again under “Saved views” on the list.";
            return LocalRedirect(saved.Value.Link);
        }
        if (this.Refusal(saved) is { } refusal)
            return refusal;
        TempData["Status"] = "The view was not saved: " + string.Join(" ", saved.Errors.SelectMany(e => e.Value));
        return LocalRedirect(BackTo());
    }

    public async Task<IActionResult> OnPostDeleteAsync(int id, CancellationToken ct)
    {
        var deleted = await views.DeleteAsync(id, ct);
        if (this.Refusal(deleted) is { } refusal)
            return refusal;
        TempData["Status"] = $"The view “{deleted.Value!.Name}” has been deleted.";
        return LocalRedirect(List is { } list && Url.IsLocalUrl(list) ? list : "/SavedViews");
    }

    /// <summary>The list the form came from, as it was filtered; this page when that is not a local path.</summary>
    private string BackTo()
    {
        var back = (List ?? "") + (string.IsNullOrEmpty(Query) ? "" : "?" + ManageSavedViews.Kept(Query));
        return Url.IsLocalUrl(back) && back.Length < 2000 ? back : "/SavedViews";
    }
}
