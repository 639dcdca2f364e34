using Liaison.Web.Platform.Auth;
using Liaison.Web.Platform.Web;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Liaison.Web.Features.Administration.Account;

internal sealed record MeDto(int Id, string Email, string DisplayName, IReadOnlyList<string> Roles, int? AgencyId, bool TwoFactorEnabled);

internal static class AccountApi
{
    /// <summary>POST /api/v1/auth/token: the one anonymous API route.</summary>
    public static IEndpointRouteBuilder MapAuthApi(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/v1/auth/token", IssueTokenAsync)
            .AllowAnonymous()
            .DisableAntiforgery()
            .WithTags("Account")
            .WithSummary("Exchange {email, password[, code]} for {accessToken, expiresAt}; five failures lock the account for 15 minutes");
        return app;
    }

    public static RouteGroupBuilder MapAccountApi(this RouteGroupBuilder api)
    {
        var me = api.MapGroup("/me").WithTags("Account");
        me.MapGet("/", MeAsync).WithSummary("Who the token belongs to");
        me.MapGet("/tokens", ListTokensAsync).WithSummary("Your personal access tokens (their secrets are never shown again)");
        me.MapPost("/tokens", CreateTokenAsync).WithSummary("Create a personal access token {name, expiresInDays: 7|30|90|365|0}; the answer holds its only copy");
        me.MapDelete("/tokens/{id:int}", RevokeTokenAsync).WithSummary("Revoke a personal access token");
        api.MapPost("/auth/logout", LogoutAsync).WithTags("Account").WithSummary("Revoke the session token this request carries");
        return api;
    }

    private static async Task<Results<Ok<IssuedToken>, ProblemHttpResult>> IssueTokenAsync(TokenRequest request, Tokens tokens, CancellationToken ct)
    {
        var issued = await tokens.IssueSessionTokenAsync(request, ct);
        if (issued.IsOk)
            return TypedResults.Ok(issued.Value);
        if (issued.Errors.ContainsKey("email"))
            return issued.Problem();
        return TypedResults.Problem(title: "Sign-in refused", detail: issued.Errors.SelectMany(e => e.Value).First(), statusCode: StatusCodes.Status401Unauthorized);
    }

    private static async Task<Ok<MeDto>> MeAsync(CurrentUser current, UserManager<User> users, CancellationToken ct)
    {
        var user = await users.Users.AsNoTracking().FirstAsync(u => u.Id == current.Id, ct);
        var roles = await users.GetRolesAsync(user);
        return TypedResults.Ok(new MeDto(user.Id, user.Email ?? "", user.DisplayName, roles.Order().ToList(), user.AgencyId, user.TwoFactorEnabled));
    }

    private static async Task<Ok<IReadOnlyList<PersonalTokenRow>>> ListTokensAsync(Tokens tokens, CancellationToken ct) =>
        TypedResults.Ok(await tokens.ListPersonalAsync(ct));

    private static async Task<Results<Ok<IssuedToken>, ProblemHttpResult>> CreateTokenAsync(PersonalTokenInput input, Tokens tokens, CancellationToken ct) =>
        (await tokens.CreatePersonalAsync(input, ct)).ToOk(t => t);

    private static async Task<Results<NoContent, ProblemHttpResult>> RevokeTokenAsync(int id, Tokens tokens, CancellationToken ct) =>
        (await tokens.RevokeAsync(id, ct)).ToNoContent();

    private static async Task<NoContent> LogoutAsync(HttpContext http, Tokens tokens, CancellationToken ct)
    {
        await tokens.RevokeCurrentAsync(http.Request.Headers.Authorization, ct);
        return TypedResults.NoContent();
    }
}
