using Liaison.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Liaison.Web.Features.Directory.People;

/// <summary>
/// The provider's staff as an import names them: by email, or by full name when only one person has it. Read once per
/// file and looked up by dictionary, so a large file does not scan the staff for every cell.
/// </summary>
internal sealed class StaffNames
{
    private readonly Dictionary<string, int> _byEmail;
    private readonly Dictionary<string, List<int>> _byName;

    private StaffNames(IReadOnlyList<(int Id, string Name, string? Email)> staff)
    {
        _byEmail = staff.Where(p => p.Email != null).GroupBy(p => p.Email!, StringComparer.OrdinalIgnoreCase)
            .ToDictionary(g => g.Key, g => g.First().Id, StringComparer.OrdinalIgnoreCase);
        _byName = staff.GroupBy(p => p.Name, StringComparer.OrdinalIgnoreCase).ToDictionary(g => g.Key, g => g.Select(p => p.Id).ToList(), StringComparer.OrdinalIgnoreCase);
    }

    public static async Task<StaffNames> LoadAsync(LiaisonDbContext db, CancellationToken ct)
    {
        var staff = await db.People.AsNoTracking().Where(p => p.Kind == PersonKind.ProviderStaff)
            .Select(p => new { p.Id, Name = p.FirstName + " " + p.LastName, p.Email }).ToListAsync(ct);
        return new StaffNames(staff.Select(p => (p.Id, p.Name, p.Email)).ToList());
    }

    /// <summary>The member of staff <paramref name="text"/> names, or null with the reason added to <paramref name="errors"/>.</summary>
    public int? Find(string text, string what, List<string> errors)
    {
        if (_byEmail.TryGetValue(text, out var byEmail))
            return byEmail;
        if (_byName.TryGetValue(text, out var matches) && matches.Count == 1)
            return matches[0];
        errors.Add(matches is { Count: > 1 } ? $"{what} \"{text}\" matches several staff; use their email." : $"{what} \"{text}\" is not a member of staff in the directory.");
        return null;
    }
}
