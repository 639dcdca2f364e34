using Liaison.Web.Platform.Auth;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Liaison.Web.Features.Relationships.Meetings;

[Authorize(Policy = Policies.ProviderUser)]
internal sealed class EngagementModel(CountEngagement counts) : PageModel
{
    public IReadOnlyList<EngagementQuarter> Quarters { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => Quarters = await counts.LastQuartersAsync(4, ct);
}
