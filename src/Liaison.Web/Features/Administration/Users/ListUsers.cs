using Liaison.Web.Features.Administration.Settings;
using Liaison.Web.Platform.Auth;
using Liaison.Web.Platform.Data;
using Liaison.Web.Platform.ImportExport;
using Liaison.Web.Platform.Web;
using Microsoft.EntityFrameworkCore;

namespace Liaison.Web.Features.Administration.Users;

internal sealed record UserListQuery(
    string? Search = null,
    string? Role = null,
    int? AgencyId = null,
    string? Status = null,
    string? Sort = null,
    bool Desc = false,
    int Page = 1,
    int PageSize = Paging.DefaultPageSize) : IListQuery;

internal sealed record UserRow(int Id, string Email, string DisplayName, IReadOnlyList<string> Roles, int? AgencyId, string? AgencyName,
    bool IsDisabled, bool TwoFactorEnabled, bool IsLockedOut, DateTime? LastSignInAt, DateTime CreatedAt);

/// <summary>The users list for administrators: filtered, sorted, a page at a time or whole for export.</summary>
internal sealed class ListUsers(LiaisonDbContext db, AccessRule access, SiteSettings settings, TimeProvider clock)
{
    private static readonly IReadOnlyDictionary<string, SortOrder<User>> Sorts = new Dictionary<string, SortOrder<User>>
    {
        ["name"] = SortOrder<User>.By(u => u.DisplayName),
        ["email"] = SortOrder<User>.By(u => u.Email),
        ["agency"] = SortOrder<User>.By(u => u.Agency!.Name).ThenBy(u => u.DisplayName),
        ["lastSignIn"] = SortOrder<User>.By(u => u.LastSignInAt),
        ["created"] = SortOrder<User>.By(u => u.CreatedAt),
    };

    public async Task<Result<PagedResult<UserRow>>> ListAsync(UserListQuery query, CancellationToken ct)
    {
        if (!access.CanAdminister)
            return Result<PagedResult<UserRow>>.Forbidden();
        var page = await Filtered(query).ToPageAsync(query, ct);
        return Result<PagedResult<UserRow>>.Ok(await ToRowsAsync(page, ct));
    }

    public async Task<Result<ExportFile>> ExportAsync(UserListQuery query, ExportFormat format, CancellationToken ct)
    {
        if (!access.CanAdminister)
            return Result<ExportFile>.Forbidden();
        var all = await Filtered(query).ToListAsync(ct);
        var rows = (await ToRowsAsync(new PagedResult<User>(all, 1, Math.Max(1, all.Count), all.Count), ct)).Items;
        var title = (await settings.GetAsync(ct)).RelationshipManagerTitle;
        return Result<ExportFile>.Ok(TableExport.ToFile(rows,
        [
            new ExportColumn<UserRow>("Id", r => r.Id),
            new("Email", r => r.Email),
            new("Name", r => r.DisplayName),
            new("Roles", r => string.Join("; ", r.Roles.Select(role => Roles.DisplayName(role, title)))),
            new("Agency", r => r.AgencyName),
            new("Two-factor", r => r.TwoFactorEnabled),
            new("Status", r => r.IsDisabled ? "Disabled" : r.IsLockedOut ? "Locked out" : "Active"),
            new("Last sign-in", r => r.LastSignInAt),
            new("Created", r => r.CreatedAt),
        ], format, "users", clock.GetUtcNow().UtcDateTime));
    }

    private IQueryable<User> Filtered(UserListQuery query)
    {
        var list = db.Users.AsNoTracking().Include(u => u.Agency).AsQueryable();
        list = (query.Status ?? "active").ToLowerInvariant() switch
        {
            "disabled" => list.Where(u => u.IsDisabled),
            "all" => list,
            _ => list.Where(u => !u.IsDisabled),
        };
        if (Paging.SearchPattern(query.Search) is { } term)
            list = list.Where(u => u.DisplayName.ToLower().Contains(term) || u.NormalizedEmail!.Contains(term.ToUpperInvariant()));
        if (query.AgencyId is { } agencyId)
            list = list.Where(u => u.AgencyId == agencyId);
        if (query.Role is { Length: > 0 } role)
            list = list.Where(u => u.UserRoles.Any(ur => db.Roles.Any(r => r.Id == ur.RoleId && r.Name == role)));
        return list.Sorted(query, Sorts, "name", u => u.Id);
    }

    private async Task<PagedResult<UserRow>> ToRowsAsync(PagedResult<User> page, CancellationToken ct)
    {
        var ids = page.Items.Select(u => u.Id).ToList();
        var roles = await db.UserRoles.AsNoTracking().Where(ur => ids.Contains(ur.UserId))
            .Join(db.Roles, ur => ur.RoleId, r => r.Id, (ur, r) => new { ur.UserId, r.Name }).ToListAsync(ct);
        var now = clock.GetUtcNow();
        var rows = page.Items.Select(u => new UserRow(u.Id, u.Email ?? "", u.DisplayName,
            roles.Where(r => r.UserId == u.Id).Select(r => r.Name!).Order().ToList(), u.AgencyId, u.Agency?.Name,
            u.IsDisabled, u.TwoFactorEnabled, u.LockoutEnd > now, u.LastSignInAt, u.CreatedAt)).ToList();
        return new PagedResult<UserRow>(rows, page.Page, page.PageSize, page.TotalCount);
    }
}
