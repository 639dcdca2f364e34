using System.Text.RegularExpressions;
using Liaison.Web.Platform.Auth;
using Liaison.Web.Platform.Data;
using Liaison.Web.Platform.Web;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;

namespace Liaison.Web.Features.SavedViews;

internal sealed record SavedViewInput(string? List, string? Name, string? Query);

internal sealed record SavedViewDto(int Id, string List, string Name, string Query, string Link, DateTime CreatedAt)
{
    public static SavedViewDto From(SavedView v) => new(v.Id, v.List, v.Name, v.Query, v.Link, v.CreatedAt);
}

/// <summary>
/// The signed-in user's saved views of lists: save the filters and sort in front of them under a name (the same name on
/// the same list replaces the old one), list them for a list's menu, delete one. A view keeps a local path and a query
/// string only: it can lead nowhere but one of Liaison's own pages, and it shows whatever the user may see there then.
/// </summary>
internal sealed partial class ManageSavedViews(LiaisonDbContext db, CurrentUser user, TimeProvider clock)
{
    public const int MaxPerList = 50;

    /// <summary>Parameters that are not part of a view: where in the list one was, and what the request was for.</summary>
    private static readonly HashSet<string> NotKept = new(StringComparer.OrdinalIgnoreCase) { "page", "handler", "format" };

    [GeneratedRegex("^/[A-Za-z][A-Za-z0-9/-]{0,99}$")]
    private static partial Regex ListPath();

    public async Task<IReadOnlyList<SavedView>> ForListAsync(string list, CancellationToken ct) =>
        user.Id is { } me
            ? await db.SavedViews.AsNoTracking().Where(v => v.UserId == me && v.List == list).OrderBy(v => v.Name).ToListAsync(ct)
            : [];

    public async Task<IReadOnlyList<SavedView>> AllAsync(CancellationToken ct) =>
        user.Id is { } me
            ? await db.SavedViews.AsNoTracking().Where(v => v.UserId == me).OrderBy(v => v.List).ThenBy(v => v.Name).ToListAsync(ct)
            : [];

    /// <summary>The query string a view keeps of a request's: every filter and the sort, in their order, less page, handler and format.</summary>
    public static string Kept(string? query) =>
        QueryString.Create(QueryHelpers.ParseQuery(query ?? "")
            .Where(p => !NotKept.Contains(p.Key))
            .SelectMany(p => p.Value.Where(v => !string.IsNullOrEmpty(v)).Select(v => new KeyValuePair<string, string?>(p.Key, v))))
            .Value?.TrimStart('?') ?? "";

    public async Task<Result<SavedView>> SaveAsync(SavedViewInput input, CancellationToken ct)
    {
        if (user.Id is not { } me)
            return Result<SavedView>.Forbidden();
        var errors = new Dictionary<string, string[]>();
        var list = (input.List ?? "").Trim();
        if (!ListPath().IsMatch(list) || list.Contains("//", StringComparison.Ordinal))
            errors[nameof(SavedViewInput.List)] = ["Save a view from a list's page."];
        var name = Validation.Clean(input.Name);
        if (name is null)
            errors[nameof(SavedViewInput.Name)] = ["Give the view a name, for example “Late items of my agencies”."];
        else if (name.Length > SavedView.MaxName)
            errors[nameof(SavedViewInput.Name)] = [$"A view's name is at most {SavedView.MaxName} characters."];
        var query = Kept(input.Query);
        if (query.Length > SavedView.MaxQuery)
            errors[nameof(SavedViewInput.Query)] = ["These filters are too long to save as a view."];
        if (errors.Count > 0)
            return Result<SavedView>.Invalid(errors);

        var existing = await db.SavedViews.FirstOrDefaultAsync(v => v.UserId == me && v.List == list && v.Name == name, ct);
        if (existing is null)
        {
            if (await db.SavedViews.CountAsync(v => v.UserId == me && v.List == list, ct) >= MaxPerList)
                return Result<SavedView>.Invalid(nameof(SavedViewInput.Name), $"A list keeps at most {MaxPerList} saved views; delete one first.");
            existing = new SavedView { UserId = me, List = list, Name = name!, CreatedAt = clock.GetUtcNow().UtcDateTime };
            db.SavedViews.Add(existing);
        }
        existing.Query = query;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // The same name saved at the same moment from another tab: the other one is kept.
            return Result<SavedView>.Invalid(nameof(SavedViewInput.Name), "A view of this name was saved at the same moment; try again.");
        }
        return Result<SavedView>.Ok(existing);
    }

    public async Task<Result<SavedView>> DeleteAsync(int id, CancellationToken ct)
    {
        var view = user.Id is { } me ? await db.SavedViews.FirstOrDefaultAsync(v => v.Id == id && v.UserId == me, ct) : null;
        if (view is null)
            return Result<SavedView>.NotFound();
        db.SavedViews.Remove(view);
        await db.SaveChangesAsync(ct);
        return Result<SavedView>.Ok(view);
    }
}
