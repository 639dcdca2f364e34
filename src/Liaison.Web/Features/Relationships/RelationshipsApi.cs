using Liaison.Web.Features.Directory.Agencies;
using Liaison.Web.Platform.ImportExport;
using Liaison.Web.Platform.Modules;
using Liaison.Web.Platform.Time;
using Liaison.Web.Platform.Web;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Liaison.Web.Features.Relationships;

internal sealed record StakeholderDto(int PersonId, Priority? Priority, Impact? Impact, Frequency? Frequency, IReadOnlyList<Methods> Methods,
    bool IsAgencyExecutive, bool IsKeyStakeholder, bool IsImplementationCoordinator, DateOnly? LastTouchOn, DateOnly? NextDue, CadenceState Cadence, int Version);

internal static class RelationshipsApi
{
    public static RouteGroupBuilder MapAssignmentsApi(this RouteGroupBuilder api)
    {
        var agencies = api.MapGroup("/agencies/{id:int}").WithTags("Relationships");
        agencies.MapGet("/managers", ManagersAsync).WithSummary("The agency's primary and backup relationship managers, and who held them when");
        agencies.MapPut("/managers", AssignAsync).WithSummary("Set the primary and backup (administrators); a change ends the old assignment today");
        agencies.MapGet("/matrix", MatrixAsync).WithSummary("The agency's stakeholder matrix; format=csv or xlsx for the engagement plan's layout");
        agencies.MapGet("/relationships", OverviewAsync)
            .WithSummary("The agency page's data: managers, contacts with cadence, recent interactions, open actions, meetings, health");
        api.MapGet("/coverage", CoverageAsync).WithTags("Relationships")
            .WithSummary("Each relationship manager's agencies and load; agencies without a manager or a backup");

        var people = api.MapGroup("/people/{id:int}/stakeholder").WithTags("Relationships");
        people.MapGet("/", StakeholderAsync).WithSummary("A contact's line of the stakeholder matrix");
        people.MapPut("/", SaveStakeholderAsync).WithSummary("Set a contact's priority, impact, frequency, methods and role flags (version 0 for a first entry)");
        api.MapGroup("/stakeholders").WithTags("Relationships").MapImport<ImportStakeholderCodes>("/import")
            .WithSummary("Import matrix codes from CSV/XLSX (Person Id or Email, Priority, Impact, Frequency, Methods, flags); dryRun=true previews");

        api.MapGet("/me/work", MyWorkAsync)
            .WithTags("Relationships").WithSummary("My work: contacts due, action items due, upcoming meetings (and what later modules add)")
            .WithDescription($"Each section lists its {GetMyWork.SectionLimit} most urgent items and its total; ?section=<key> lists that one in full (up to {GetMyWork.FullLimit}).");
        return api;
    }

    private static async Task<Results<Ok<AgencyManagers>, ProblemHttpResult>> ManagersAsync(int id, ManageAssignments assignments, CancellationToken ct) =>
        (await assignments.ForAgencyAsync(id, ct)).ToOk(m => m);

    private static async Task<Results<Ok<AgencyManagers>, ProblemHttpResult>> AssignAsync(int id, AssignmentInput input, ManageAssignments assignments,
        CancellationToken ct) =>
        (await assignments.AssignAsync(id, input, ct)).ToOk(m => m);

    private static async Task<Results<Ok<IReadOnlyList<MatrixRow>>, Download, ProblemHttpResult>> MatrixAsync(int id, string? format, ReadStakeholderMatrix matrix,
        OrganisationClock clock, GetAgency get, CancellationToken ct)
    {
        var rows = await matrix.ForAgencyAsync(id, ct);
        if (!rows.IsOk)
            return rows.Problem();
        if (format is null)
            return TypedResults.Ok(rows.Value);
        if (!TableExport.TryParseFormat(format, out var parsed))
            return TableExport.UnknownFormat();
        var name = (await get.HandleAsync(id, ct)).Value!.Agency.Name;
        return new Download(ReadStakeholderMatrix.Export(rows.Value!, name, parsed, clock.UtcNow));
    }

    private static async Task<Results<Ok<AgencyOverviewDto>, ProblemHttpResult>> OverviewAsync(int id, GetAgencyRelationships get, AgencyHealth health,
        CancellationToken ct) =>
        await get.HandleAsync(id, ct) is { } overview
            ? TypedResults.Ok(new AgencyOverviewDto(overview.Managers, overview.Contacts, overview.Interactions, overview.OpenActions, overview.Meetings,
                await health.ForAgencyAsync(id, ct)))
            : ResultTranslation.NotFound();

    private static async Task<Results<Ok<CoverageReport>, ProblemHttpResult>> CoverageAsync(ManageAssignments assignments, CancellationToken ct) =>
        (await assignments.CoverageAsync(ct)).ToOk(c => c);

    private static async Task<Results<VersionedOk<StakeholderDto>, ProblemHttpResult>> StakeholderAsync(int id, EditStakeholderProfile matrix, OrganisationClock clock,
        CancellationToken ct) =>
        (await matrix.GetAsync(id, ct)).ToVersioned(p => ToDto(p, clock.Today), p => p.Version);

    private static async Task<Results<VersionedOk<StakeholderDto>, ProblemHttpResult>> SaveStakeholderAsync(int id, StakeholderInput input, HttpContext http,
        EditStakeholderProfile matrix, OrganisationClock clock, CancellationToken ct)
    {
        input.Version = ResultTranslation.RequestedVersion(http, input.Version) ?? 0;
        return (await matrix.SaveAsync(id, input, ct)).ToVersioned(p => ToDto(p, clock.Today), p => p.Version);
    }

    private static async Task<Ok<IReadOnlyList<MyWorkSection>>> MyWorkAsync(string? section, GetMyWork work, CancellationToken ct) =>
        TypedResults.Ok(await work.HandleAsync(section, ct));

    private static StakeholderDto ToDto(StakeholderProfile p, DateOnly today) => new(p.PersonId, p.Priority, p.Impact, p.Frequency, StakeholderCodes.Split(p.Methods),
        p.IsAgencyExecutive, p.IsKeyStakeholder, p.IsImplementationCoordinator, p.LastTouchOn, Cadence.NextDue(p.Frequency, p.LastTouchOn, today),
        Cadence.State(p.Frequency, p.LastTouchOn, today), p.Version);

}

/// <summary>The agency page's data as the API gives it: the relationship, and every module's health signals.</summary>
internal sealed record AgencyOverviewDto(AgencyManagers Managers, IReadOnlyList<MatrixRow> Contacts, IReadOnlyList<RecentInteraction> Interactions,
    IReadOnlyList<OpenAction> OpenActions, IReadOnlyList<UpcomingMeeting> Meetings, IReadOnlyList<HealthSignal> Health);
