using Liaison.Web.Platform.Modules;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Liaison.Web.Features.Relationships.MyWork;

internal sealed class IndexModel(GetMyWork work) : PageModel
{
    public IReadOnlyList<MyWorkSection> Sections { get; private set; } = [];

    /// <summary>The section shown in full (its key), or none.</summary>
    [BindProperty(SupportsGet = true, Name = "all")]
    public string? All { get; set; }

    public async Task OnGetAsync(CancellationToken ct) => Sections = await work.HandleAsync(All, ct);
}
