using Liaison.Web.Features.Administration.Account;
using Liaison.Web.Features.Administration.Audit;
using Liaison.Web.Features.Administration.Settings;
using Liaison.Web.Features.Administration.Users;
using Liaison.Web.Platform.Auditing;
using Liaison.Web.Platform.Auth;
using Liaison.Web.Platform.Email;
using Liaison.Web.Platform.Modules;
using Liaison.Web.Platform.Web;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Liaison.Web.Features.Administration;

/// <summary>Accounts, users, settings and the audit trail.</summary>
internal sealed class AdministrationModule : ILiaisonModule
{
    public void AddServices(WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddPageAlias("/Administration/Users/Edit", "Users/Create");
        services.AddScoped<Tokens>();
        services.AddScoped<ManageUsers>();
        services.AddScoped<SendPasswordResetLink>();
        services.AddScoped<ListUsers>();
        services.AddScoped<UserOptions>();
        services.AddScoped<SiteSettings>();
        services.AddScoped<UpdateSettings>();
        services.AddScoped<SearchAudit>();
        services.AddScoped<RecordHistory>();
    }

    public IEnumerable<MenuEntry> Menu(CurrentUser user)
    {
        if (user.IsAdministrator)
            yield return MenuEntry.Group(90, "Administration", new("Users", "/Users"), new("Settings", "/Settings"), new("Audit trail", "/Audit"), new("Outgoing mail", "/Mail"));
    }

    public void MapRoutes(IEndpointRouteBuilder app) => app.MapAuthApi();

    public void MapApi(RouteGroupBuilder api) =>
        MapOutboxApi(api.MapAccountApi().MapUsersApi().MapSettingsApi().MapAuditApi());

    private static RouteGroupBuilder MapOutboxApi(RouteGroupBuilder api)
    {
        var group = api.MapGroup("/outbox").WithTags("Administration").RequireAuthorization(Policies.Administrator);
        group.MapGet("/", ListOutboxAsync).WithSummary("Outgoing mail by state (failed: every attempt spent, with the last error; pending; sent), newest first");
        group.MapGet("/summary", OutboxSummaryAsync).WithSummary("How many messages wait, failed, and went out in the last day");
        group.MapPost("/{id:long}/retry", RetryAsync).WithSummary("Give a failed message a fresh budget of attempts, starting now");
        return api;
    }

    private static async Task<Results<Ok<PagedResult<OutboxRow>>, ProblemHttpResult>> ListOutboxAsync(OutboxState? state, int? page, int? pageSize,
        ReviewOutbox outbox, CancellationToken ct) =>
        (await outbox.ListAsync(state ?? OutboxState.Failed, page ?? 1, pageSize ?? Paging.DefaultPageSize, ct)).ToOk(p => p);

    private static async Task<Results<Ok<OutboxSummary>, ProblemHttpResult>> OutboxSummaryAsync(ReviewOutbox outbox, CancellationToken ct) =>
        (await outbox.SummaryAsync(ct)).ToOk(s => s);

    private static async Task<Results<NoContent, ProblemHttpResult>> RetryAsync(long id, ReviewOutbox outbox, CancellationToken ct) =>
        (await outbox.RetryAsync(id, ct)).ToNoContent();
}
