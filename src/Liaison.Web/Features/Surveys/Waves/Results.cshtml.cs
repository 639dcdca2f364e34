using Liaison.Web.Features.Directory.LinesOfService;
using Liaison.Web.Features.Directory.People;
using Liaison.Web.Features.Directory.Units;
using Liaison.Web.Platform.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;

namespace Liaison.Web.Features.Surveys.Waves;

/// <summary>A wave's results, filtered by agency, unit and line of service, with the trend across waves; printable for the CIO.</summary>
internal sealed class ResultsModel(SurveyResults results, PeopleOptions people, Liaison.Web.Platform.Data.LiaisonDbContext db) : PageModel
{
    public WaveResults Results { get; private set; } = null!;
    public List<SelectListItem> Agencies { get; private set; } = [];
    public List<SelectListItem> Units { get; private set; } = [];
    public List<SelectListItem> Lines { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int id, int? agencyId, int? unitId, int? lineOfServiceId, bool allComments, CancellationToken ct)
    {
        var found = await results.HandleAsync(id, new ResultsQuery(agencyId, unitId, lineOfServiceId, allComments), ct);
        if (this.Refusal(found) is { } refusal)
            return refusal;
        Results = found.Value!;
        if (!Results.Aggregated || Results.Filter.AgencyId is null)
            Agencies = await people.AgenciesAsync(ct);
        Units = (await db.Set<OperationalUnit>().AsNoTracking().OrderBy(u => u.Name).Select(u => new { u.Id, u.Name }).ToListAsync(ct))
            .Select(u => new SelectListItem(u.Name, u.Id.ToString(System.Globalization.CultureInfo.InvariantCulture))).ToList();
        Lines = (await db.Set<LineOfService>().AsNoTracking().OrderBy(l => l.Name).Select(l => new { l.Id, l.Name }).ToListAsync(ct))
            .Select(l => new SelectListItem(l.Name, l.Id.ToString(System.Globalization.CultureInfo.InvariantCulture))).ToList();
        return Page();
    }

    public static string Score(Satisfaction s, bool hidden) => hidden ? "Fewer than 3 answers" : s.Average is { } a ? a.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture) : "No answers";

    /// <summary>The filters as a query string, for the report's link.</summary>
    public string FilterQuery
    {
        get
        {
            var parts = new List<string>();
            if (Results.Filter.AgencyId is { } a && !Results.Aggregated)
                parts.Add($"agencyId={a}");
            if (Results.Filter.UnitId is { } u)
                parts.Add($"unitId={u}");
            if (Results.Filter.LineOfServiceId is { } l)
                parts.Add($"lineOfServiceId={l}");
            return parts.Count == 0 ? "" : "?" + string.Join('&', parts);
        }
    }

    public static string Moved(double? change, string format) => change is { } c
        ? (c > 0 ? "up " : c < 0 ? "down " : "unchanged ") + (c == 0 ? "" : Math.Abs(c).ToString(format, System.Globalization.CultureInfo.InvariantCulture))
        : "not comparable";

    public static string Nps(NetPromoter n, bool hidden) => hidden ? "Fewer than 3 answers" : n.Score is { } s ? s.ToString(System.Globalization.CultureInfo.InvariantCulture) : "No answers";
}
