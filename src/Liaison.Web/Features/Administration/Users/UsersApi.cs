using Liaison.Web.Platform.Auth;
using Liaison.Web.Platform.ImportExport;
using Liaison.Web.Platform.Web;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Liaison.Web.Features.Administration.Users;

internal sealed record UserDto(int Id, string Email, string DisplayName, IReadOnlyList<string> Roles, int? AgencyId, string? AgencyName,
    int? PersonId, bool IsDisabled, bool IsLockedOut, bool TwoFactorEnabled, DateTime? LastSignInAt, DateTime CreatedAt, int Version)
{
    public static UserDto From(UserDetails d) => new(d.User.Id, d.User.Email ?? "", d.User.DisplayName, d.Roles, d.User.AgencyId, d.AgencyName,
        d.User.PersonId, d.User.IsDisabled, d.IsLockedOut, d.User.TwoFactorEnabled, d.User.LastSignInAt, d.User.CreatedAt, d.User.Version);
}

internal static class UsersApi
{
    public static RouteGroupBuilder MapUsersApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/users").WithTags("Users").RequireAuthorization(Policies.Administrator);
        group.MapGet("/", ListAsync).WithSummary("List users (administrators)");
        group.MapGet("/export", ExportAsync).WithSummary("Export users as filtered");
        group.MapGet("/{id:int}", GetAsync).WithSummary("Get one user");
        group.MapPost("/", CreateAsync).WithSummary("Create a user with an initial password, or without one to email an invitation");
        group.MapPut("/{id:int}", UpdateAsync).WithSummary("Update a user's email, name, roles and agency; a stale version is answered 409");
        group.MapPost("/{id:int}/disable", DisableAsync).WithSummary("Disable a user: their sessions and tokens stop working within a minute");
        group.MapPost("/{id:int}/enable", EnableAsync).WithSummary("Enable a disabled user");
        group.MapPost("/{id:int}/unlock", UnlockAsync).WithSummary("Clear a lockout after failed sign-ins");
        group.MapPost("/{id:int}/invite", InviteAsync).WithSummary("Email the user a link to choose a password");
        return api;
    }

    private static async Task<Results<Ok<PagedResult<UserRow>>, ProblemHttpResult>> ListAsync([AsParameters] UserListQuery query, ListUsers users,
        CancellationToken ct) =>
        (await users.ListAsync(query, ct)).ToOk(page => page);

    private static Task<Results<Download, ProblemHttpResult>> ExportAsync([AsParameters] UserListQuery query, string? format, ListUsers users, CancellationToken ct) =>
        TableExport.AnswerAsync(format, f => users.ExportAsync(query, f, ct));

    private static async Task<Results<VersionedOk<UserDto>, ProblemHttpResult>> GetAsync(int id, ManageUsers users, CancellationToken ct) =>
        (await users.GetAsync(id, ct)).ToVersioned(UserDto.From, u => u.Version);

    private static async Task<Results<VersionedCreated<UserDto>, ProblemHttpResult>> CreateAsync(UserInput input, ManageUsers users, CancellationToken ct)
    {
        var created = await users.CreateAsync(input, ct);
        return created.IsOk
            ? (await users.GetAsync(created.Value!.Id, ct)).ToCreated(UserDto.From, u => $"/api/v1/users/{u.Id}", u => u.Version)
            : created.Problem();
    }

    private static async Task<Results<VersionedOk<UserDto>, ProblemHttpResult>> UpdateAsync(int id, UserInput input, HttpContext http, ManageUsers users,
        CancellationToken ct)
    {
        if (ResultTranslation.RequireVersion(http, input) is { } missing)
            return missing;
        return await AnswerAsync(users, id, await users.UpdateAsync(id, input, ct), ct);
    }

    private static async Task<Results<VersionedOk<UserDto>, ProblemHttpResult>> DisableAsync(int id, ManageUsers users, CancellationToken ct) =>
        await AnswerAsync(users, id, await users.SetDisabledAsync(id, true, ct), ct);

    private static async Task<Results<VersionedOk<UserDto>, ProblemHttpResult>> EnableAsync(int id, ManageUsers users, CancellationToken ct) =>
        await AnswerAsync(users, id, await users.SetDisabledAsync(id, false, ct), ct);

    private static async Task<Results<VersionedOk<UserDto>, ProblemHttpResult>> UnlockAsync(int id, ManageUsers users, CancellationToken ct) =>
        await AnswerAsync(users, id, await users.UnlockAsync(id, ct), ct);

    private static async Task<Results<VersionedOk<UserDto>, ProblemHttpResult>> InviteAsync(int id, ManageUsers users, CancellationToken ct) =>
        await AnswerAsync(users, id, await users.InviteAsync(id, ct), ct);

    private static async Task<Results<VersionedOk<UserDto>, ProblemHttpResult>> AnswerAsync(ManageUsers users, int id, Result<Platform.Auth.User> result,
        CancellationToken ct) =>
        result.IsOk ? (await users.GetAsync(id, ct)).ToVersioned(UserDto.From, u => u.Version) : result.Problem();
}
