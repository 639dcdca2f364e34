using Liaison.Web.Features.Directory.Agencies;
using Liaison.Web.Platform.Auth;
using Liaison.Web.Platform.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Liaison.Web.Features.Relationships.Stakeholders;

/// <summary>An agency's stakeholder matrix in the engagement plan's layout: printable and exportable.</summary>
internal sealed class MatrixModel(ReadStakeholderMatrix matrix, GetAgency get, AccessRule access, TimeProvider clock) : PageModel
{
    public Agency Agency { get; private set; } = null!;
    public IReadOnlyList<MatrixRow> Rows { get; private set; } = [];
    public bool CanEdit { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        var agency = await get.HandleAsync(id, ct);
        if (!agency.IsOk)
            return NotFound();
        if (!access.CanSeeProviderRecords)
            return Forbid();
        Agency = agency.Value!.Agency;
        Rows = (await matrix.ForAgencyAsync(id, ct)).Value!;
        CanEdit = await access.CanEditAgencyRecordsAsync(id, ct);
        return Page();
    }

    public async Task<IActionResult> OnGetExportAsync(int id, string? format, CancellationToken ct)
    {
        var agency = await get.HandleAsync(id, ct);
        if (!agency.IsOk)
            return NotFound();
        var rows = (await matrix.ForAgencyAsync(id, ct)).Value!;
        return await this.ExportAsync(format, f => Task.FromResult(ReadStakeholderMatrix.Export(rows, agency.Value!.Agency.Name, f, clock.GetUtcNow().UtcDateTime)));
    }
}
