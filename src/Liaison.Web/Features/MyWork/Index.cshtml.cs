using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Liaison.Web.Features.MyWork;

internal sealed class IndexModel(GetMyWork work) : PageModel
{
    public IReadOnlyList<MyWorkSection> Sections { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => Sections = await work.HandleAsync(ct);
}
