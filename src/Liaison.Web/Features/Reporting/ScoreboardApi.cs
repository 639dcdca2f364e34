using Liaison.Web.Platform.ImportExport;
using Liaison.Web.Platform.Time;
using Liaison.Web.Platform.Web;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Liaison.Web.Features.Reporting;

internal static class ScoreboardApi
{
    public static RouteGroupBuilder MapScoreboardApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/scoreboard").WithTags("Reporting");
        group.MapGet("/", ReadAsync)
            .WithSummary("The agency scoreboard: a row per active agency, a column per health signal (managerUserId, department, sort=name|department|<column key>, desc)");
        group.MapGet("/export", ExportAsync).WithSummary("The scoreboard as filtered and sorted (format=csv, the default, or xlsx)");
        return api;
    }

    private static async Task<Results<Ok<Scoreboard>, ProblemHttpResult>> ReadAsync([AsParameters] ScoreboardQuery query, ReadScoreboard scoreboard,
        CancellationToken ct) =>
        (await scoreboard.HandleAsync(query, ct)).ToOk(board => board);

    private static Task<Results<Download, ProblemHttpResult>> ExportAsync([AsParameters] ScoreboardQuery query, string? format, ReadScoreboard scoreboard,
        OrganisationClock clock, CancellationToken ct) =>
        TableExport.AnswerAsync(format, async f => (await scoreboard.HandleAsync(query, ct)).Map(board => ReadScoreboard.Export(board, f, clock.UtcNow)));
}
