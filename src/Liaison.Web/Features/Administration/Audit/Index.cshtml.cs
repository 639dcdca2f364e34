using Liaison.Web.Platform.Auditing;
using Liaison.Web.Platform.Auth;
using Liaison.Web.Platform.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace Liaison.Web.Features.Administration.Audit;

[Authorize(Policy = Policies.Administrator)]
internal sealed class IndexModel(SearchAudit audit, TimeProvider clock) : PageModel
{
    public AuditQuery Query { get; private set; } = new();
    public PagedResult<AuditRow> Results { get; private set; } = null!;
    public List<SelectListItem> TypeOptions { get; private set; } = [];
    public List<SelectListItem> ActionOptions { get; private set; } = [];
    public ChainVerification? Verification { get; private set; }

    public async Task OnGetAsync([FromQuery] AuditQuery query, CancellationToken ct)
    {
        Query = query;
        Results = (await audit.HandleAsync(query, ct)).Value!;
        var types = await audit.RecordTypesAsync(ct);
        TypeOptions = types.Select(t => new SelectListItem(Conflicts.Humanize(t), t, t == query.RecordType)).ToList();
        ActionOptions = new[] { AuditActions.Created, AuditActions.Updated, AuditActions.Deleted, AuditActions.AccessDenied }
            .Select(a => new SelectListItem(Conflicts.Humanize(a), a, a == query.Action)).ToList();
    }

    public async Task<IActionResult> OnPostVerifyAsync(CancellationToken ct)
    {
        Verification = (await audit.VerifyAsync(ct)).Value;
        await OnGetAsync(new AuditQuery(), ct);
        return Page();
    }

    public Task<IActionResult> OnGetExportAsync([FromQuery] AuditQuery query, string? format, CancellationToken ct) =>
        this.ExportAsync(format, async f => (await audit.ExportAsync(query, f, clock.GetUtcNow().UtcDateTime, ct)).Value!);
}
