using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Liaison.Web.Features.Renewals;

/// <summary>Spend per agency and fiscal year: renewals and procurement, beside the year before, as a table and a chart.</summary>
internal sealed class SpendModel(RenewalSpend spend) : PageModel
{
    public SpendReport Report { get; private set; } = null!;
    public string? Problem { get; private set; }

    public async Task<IActionResult> OnGetAsync(int? fiscalYear, CancellationToken ct)
    {
        if (!spend.MaySee)
            return Forbid();
        if (fiscalYear is not null && await spend.FiscalYearAsync(fiscalYear, ct) is null)
        {
            Problem = ListRenewals.FiscalYearMessage;
            fiscalYear = null;
        }
        Report = (await spend.ReportAsync(fiscalYear, ct)).Value!;
        return Page();
    }

    /// <summary>A change as it reads: +$1,200 or −$300, or "—" when nothing was spent either year.</summary>
    public static string Change(decimal now, decimal before) =>
        now == 0 && before == 0 ? "—" : (now - before) switch
        {
            > 0 => "+" + RenewalText.Money(now - before, 0),
            < 0 => "−" + RenewalText.Money(before - now, 0),
            _ => "no change",
        };
}
