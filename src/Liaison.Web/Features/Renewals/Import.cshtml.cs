using Liaison.Web.Features.Shared;
using Liaison.Web.Platform.Auth;
using Liaison.Web.Platform.ImportExport;
using Liaison.Web.Platform.Web;
using Microsoft.AspNetCore.Mvc;

namespace Liaison.Web.Features.Renewals;

internal sealed class ImportModel(ImportRenewals import, PendingImports pending, AccessRule access) : ImportPage(pending)
{
    public override IReadOnlyList<ImportField> Fields => ImportRenewals.Fields;

    protected override string Kind => ImportRenewals.Kind;

    public IActionResult OnGet() => access.CanImport && access.CanSeeProviderRecords ? Page() : Forbid();

    protected override Task<Result<ImportPreview>> PreviewAsync(byte[] content, string fileName, IReadOnlyDictionary<string, string>? columns, CancellationToken ct) =>
        import.PreviewAsync(content, fileName, columns, ct);

    protected override Task<Result<ImportOutcome>> CommitAsync(byte[] content, string fileName, IReadOnlyDictionary<string, string>? columns, CancellationToken ct) =>
        import.CommitAsync(content, fileName, columns, ct);

    protected override IActionResult Done(string fileName, ImportOutcome outcome)
    {
        TempData["Status"] = $"Imported {fileName}: {outcome.Created} renewals added, {outcome.Updated} updated.";
        return RedirectToPage("/Renewals/Index", new { status = "all" });
    }
}
