using Liaison.Web.Platform.Web;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Liaison.Web.Features.SavedViews;

internal static class SavedViewsApi
{
    public static RouteGroupBuilder MapSavedViewsApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/me/saved-views").WithTags("Saved views");
        group.MapGet("/", ListAsync).WithSummary("Your saved views of lists (list=/ActionItems for one list's), each with the link that opens it");
        group.MapPost("/", SaveAsync)
            .WithSummary("Save a list's filters and sort under a name ({list: \"/ActionItems\", name, query: \"status=open&due=late\"}); the same name on the same list replaces it");
        group.MapDelete("/{id:int}", DeleteAsync).WithSummary("Delete one of your saved views");
        return api;
    }

    private static async Task<Ok<List<SavedViewDto>>> ListAsync(string? list, ManageSavedViews views, CancellationToken ct) =>
        TypedResults.Ok((list is null ? await views.AllAsync(ct) : await views.ForListAsync(list, ct)).Select(SavedViewDto.From).ToList());

    private static async Task<Results<Created<SavedViewDto>, ProblemHttpResult>> SaveAsync(SavedViewInput input, ManageSavedViews views, CancellationToken ct)
    {
        var saved = await views.SaveAsync(input, ct);
        return saved.IsOk ? TypedResults.Created($"/api/v1/me/saved-views/{saved.Value!.Id}", SavedViewDto.From(saved.Value)) : saved.Problem();
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> DeleteAsync(int id, ManageSavedViews views, CancellationToken ct) =>
        (await views.DeleteAsync(id, ct)).ToNoContent();
}
