using Liaison.Web.Platform.Data;
using Liaison.Web.Platform.Web;
using Microsoft.EntityFrameworkCore;

namespace Liaison.Web.Features.Directory.People;

/// <summary>
/// What a type-ahead asks for: the words typed; the provider's staff, and/or the contacts of some agencies (none: of any
/// agency the user may see); at most <see cref="Limit"/> answers.
/// </summary>
internal sealed record PeopleSuggestionQuery(string? Q, bool Staff = false, int[]? AgencyId = null, int Limit = 10);

/// <summary>One person offered: their name, and what tells two of that name apart (title, agency or unit).</summary>
internal sealed record PersonSuggestion(int Id, string Name, string? Detail);

/// <summary>
/// The people picker's server side: active people whose names, email or title begin with each word typed, as the user may
/// see them (the directory's query filters apply), surname first. A choice among 20,000 people costs one indexed query,
/// not a 134-name select.
/// </summary>
internal sealed class SuggestPeople(LiaisonDbContext db)
{
    public const int MaxLimit = 25;

    public async Task<IReadOnlyList<PersonSuggestion>> HandleAsync(PeopleSuggestionQuery query, CancellationToken ct)
    {
        var words = TypeAhead.Words(query.Q);
        if (words.Count == 0)
            return [];
        var agencies = (query.AgencyId ?? []).Distinct().Take(50).ToList();
        var people = db.People.AsNoTracking().Where(p => p.IsActive);
        people = (query.Staff, agencies.Count) switch
        {
            (true, 0) => people.Where(p => p.Kind == PersonKind.ProviderStaff),
            (true, _) => people.Where(p => p.Kind == PersonKind.ProviderStaff || (p.AgencyId != null && agencies.Contains(p.AgencyId.Value))),
            (false, 0) => people,
            (false, _) => people.Where(p => p.AgencyId != null && agencies.Contains(p.AgencyId.Value)),
        };
        foreach (var word in words)
        {
            var (start, inside) = TypeAhead.Patterns(word);
            people = people.Where(p => EF.Functions.Like(p.SearchText, start, "\\") || EF.Functions.Like(p.SearchText, inside, "\\"));
        }
        var rows = await people.OrderBy(p => p.LastName).ThenBy(p => p.FirstName).ThenBy(p => p.Id)
            .Take(Math.Clamp(query.Limit, 1, MaxLimit))
            .Select(p => new
            {
                p.Id,
                p.FirstName,
                p.LastName,
                p.Title,
                Agency = p.Agency == null ? null : p.Agency.Acronym ?? p.Agency.Name,
                Unit = p.OperationalUnit == null ? null : p.OperationalUnit.Name,
            })
            .ToListAsync(ct);
        return rows.Select(r => new PersonSuggestion(r.Id, $"{r.FirstName} {r.LastName}",
                string.Join(", ", new[] { r.Title, r.Agency ?? r.Unit }.Where(s => !string.IsNullOrWhiteSpace(s)))))
            .Select(s => s with { Detail = s.Detail is { Length: > 0 } ? s.Detail : null })
            .ToList();
    }
}
