using Liaison.Web.Platform.Auth;
using Liaison.Web.Platform.ImportExport;
using Liaison.Web.Platform.Web;

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

        group.MapGet("/", async ([AsParameters] UserListQuery query, ManageUsers users, CancellationToken ct) =>
            (await users.ListAsync(query, ct)).ToApi(p => p)).WithSummary("List users (administrators)");
        group.MapGet("/export", ([AsParameters] UserListQuery query, string? format, ManageUsers users, CancellationToken ct) =>
                TableExport.AnswerAsync(format, f => users.ExportAsync(query, f, ct)))
            .WithSummary("Export users as filtered");
        group.MapGet("/{id:int}", async (int id, ManageUsers users, CancellationToken ct) =>
            (await users.GetAsync(id, ct)).ToApi(UserDto.From, version: u => u.Version)).WithSummary("Get one user");
        group.MapPost("/", async (UserInput input, ManageUsers users, CancellationToken ct) =>
            {
                var created = await users.CreateAsync(input, ct);
                return created.IsOk
                    ? (await users.GetAsync(created.Value!.Id, ct)).ToApi(UserDto.From, u => $"/api/v1/users/{u.Id}", u => u.Version)
                    : created.Problem();
            })
            .WithSummary("Create a user with an initial password, or without one to email an invitation");
        group.MapPut("/{id:int}", async (int id, UserInput input, HttpContext http, ManageUsers users, CancellationToken ct) =>
        {
            if (ResultTranslation.RequireVersion(http, input) is { } missing)
                return missing;
            var updated = await users.UpdateAsync(id, input, ct);
            return updated.IsOk ? (await users.GetAsync(id, ct)).ToApi(UserDto.From, version: u => u.Version) : updated.Problem();
        }).WithSummary("Update a user's email, name, roles and agency; a stale version is answered 409");
        group.MapPost("/{id:int}/disable", async (int id, ManageUsers users, CancellationToken ct) => await AnswerAsync(users, id, await users.SetDisabledAsync(id, true, ct), ct))
            .WithSummary("Disable a user: their sessions and tokens stop working within a minute");
        group.MapPost("/{id:int}/enable", async (int id, ManageUsers users, CancellationToken ct) => await AnswerAsync(users, id, await users.SetDisabledAsync(id, false, ct), ct))
            .WithSummary("Enable a disabled user");
        group.MapPost("/{id:int}/unlock", async (int id, ManageUsers users, CancellationToken ct) => await AnswerAsync(users, id, await users.UnlockAsync(id, ct), ct))
            .WithSummary("Clear a lockout after failed sign-ins");
        group.MapPost("/{id:int}/invite", async (int id, ManageUsers users, CancellationToken ct) => await AnswerAsync(users, id, await users.InviteAsync(id, ct), ct))
            .WithSummary("Email the user a link to choose a password");
        return api;
    }

    private static async Task<IResult> AnswerAsync(ManageUsers users, int id, Result<Platform.Auth.User> result, CancellationToken ct) =>
        result.IsOk ? (await users.GetAsync(id, ct)).ToApi(UserDto.From) : result.Problem();
}
