using Liaison.Web.Platform.Data;
using Liaison.Web.Platform.Web;
using Microsoft.EntityFrameworkCore;

namespace Liaison.Web.Features.Directory.Agencies;

/// <summary>One agency offered to a type-ahead: its name, and its acronym and parent department to tell it apart.</summary>
internal sealed record AgencySuggestion(int Id, string Name, string? Detail);

/// <summary>
/// The agency picker's server side: active agencies whose name, acronym or parent department has a word beginning with
/// each word typed, as the user may see them (an agency user: their own), by name. At a state's ten times (200
/// agencies) a choice is a few letters, not a list to scroll.
/// </summary>
internal sealed class SuggestAgencies(LiaisonDbContext db)
{
    public const int MaxLimit = 25;

    public async Task<IReadOnlyList<AgencySuggestion>> HandleAsync(string? typed, int limit, CancellationToken ct)
    {
        var words = TypeAhead.Words(typed);
        if (words.Count == 0)
            return [];
        var agencies = db.Agencies.AsNoTracking().Where(a => a.IsActive);
        foreach (var word in words)
        {
            var (start, inside) = TypeAhead.Patterns(word);
            agencies = agencies.Where(a => EF.Functions.Like(a.SearchText, start, "\\") || EF.Functions.Like(a.SearchText, inside, "\\"));
        }
        var rows = await agencies.OrderBy(a => a.Name).ThenBy(a => a.Id).Take(Math.Clamp(limit, 1, MaxLimit))
            .Select(a => new { a.Id, a.Name, a.Acronym, a.ParentDepartment }).ToListAsync(ct);
        return rows.Select(a => new AgencySuggestion(a.Id, a.Name,
                string.Join(", ", new[] { a.Acronym, a.ParentDepartment }.Where(s => !string.IsNullOrWhiteSpace(s))) is { Length: > 0 } detail ? detail : null))
            .ToList();
    }
}
