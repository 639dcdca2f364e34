using Liaison.Web.Features.Directory.Units;
using Liaison.Web.Platform.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Liaison.Bench.Features.Bench;

/// <summary>
/// The benchmark's yardstick (bench/run.sh): the same stack's smallest page — one query of one small
/// table, rendered by Razor, behind the same sign-in. Only the benchmark's host (bench/Liaison.Bench) has it.
/// </summary>
internal sealed class MinimalModel(LiaisonDbContext db) : PageModel
{
    public List<OperationalUnit> Units { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        Units = await db.OperationalUnits.AsNoTracking().OrderBy(u => u.Name).ToListAsync(ct);
        return Page();
    }
}
