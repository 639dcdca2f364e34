using System.Globalization;
using System.Linq.Expressions;
using System.Reflection;
using Liaison.Web.Features.Directory.People;
using Liaison.Web.Platform.Auditing;
using Liaison.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Liaison.Web.Platform.Auth;

/// <summary>
/// Who may see and change what. The one place the access rule lives:
/// <list type="bullet">
/// <item>visibility: every query of an agency-owned record is filtered to the user's agency (agency
/// users) or not at all (provider people), for pages, API and exports alike;</item>
/// <item>lookups by id go through <see cref="FindAsync{T}"/>, which answers "not found" for a record
/// outside what the user may see and writes the denial to the audit trail;</item>
/// <item>write permissions by role and assignment.</item>
/// </list>
/// </summary>
internal sealed class AccessRule(LiaisonDbContext db, CurrentUser user, IServiceScopeFactory scopes, IEnumerable<IAgencyAssignments> assignments)
{
    public CurrentUser User => user;

    // ---- Write permissions ------------------------------------------------------------------

    /// <summary>Agencies themselves, operational units, lines of service and settings: reference data.</summary>
    public bool CanManageReferenceData => user.IsAdministrator;

    private HashSet<int>? _assignedAgencies;

    /// <summary>The agencies the current user holds as primary or backup relationship manager today.</summary>
    public async Task<IReadOnlySet<int>> AssignedAgenciesAsync(CancellationToken ct)
    {
        if (_assignedAgencies is null)
        {
            var userId = user.Id ?? -1;
            _assignedAgencies = user.IsInRole(Roles.RelationshipManager)
                ? (await AssignedAgencyIds.ToListAsync(ct)).ToHashSet()
                : [];
        }
        return _assignedAgencies;
    }

    /// <summary>The same agencies as a query, for use inside other queries (a subquery EF translates once, unlike a list of ids).</summary>
    public IQueryable<int> AssignedAgencyIds
    {
        get
        {
            var userId = user.IsInRole(Roles.RelationshipManager) ? user.Id ?? -1 : -1;
            return assignments.FirstOrDefault()?.HeldBy(db, userId) ?? Enumerable.Empty<int>().AsQueryable();
        }
    }

    /// <summary>Survey templates and waves (creating, sending, closing, publishing): administrators and executives.</summary>
    public bool CanManageSurveys => user.IsProviderUser && (user.IsAdministrator || user.IsInRole(Roles.Executive));

    /// <summary>A wave's results before they are published: those who manage surveys, and relationship managers.</summary>
    public bool CanSeeUnpublishedSurveyResults => CanManageSurveys || (user.IsProviderUser && user.IsInRole(Roles.RelationshipManager));

    /// <summary>
    /// Who answered what for one agency (a survey is confidential, not anonymous): its relationship managers, executives and
    /// administrators, so that they can follow up. Everyone else sees aggregated results only.
    /// </summary>
    public async Task<bool> CanSeeNamedAnswersAsync(int agencyId, CancellationToken ct) =>
        CanManageSurveys || (user.IsProviderUser && (await AssignedAgenciesAsync(ct)).Contains(agencyId));

    /// <summary>The records of one agency (its details, contacts, interactions, meetings, action items): administrators, and its relationship managers.</summary>
    public async Task<bool> CanEditAgencyRecordsAsync(int agencyId, CancellationToken ct) =>
        user.IsAdministrator || (await AssignedAgenciesAsync(ct)).Contains(agencyId);

    /// <summary>
    /// Whether the user may write a record of one agency as it is (<paramref name="currentAgencyId"/>, null for a new
    /// record) and as it will be (<paramref name="targetAgencyId"/>): both agencies' records must be theirs to write. The
    /// one check the form, the API and the import ask for a record that belongs to an agency.
    /// </summary>
    public async Task<bool> CanWriteAgencyRecordAsync(int? currentAgencyId, int targetAgencyId, CancellationToken ct) =>
        (currentAgencyId is not { } current || await CanEditAgencyRecordsAsync(current, ct))
        && (targetAgencyId == currentAgencyId || await CanEditAgencyRecordsAsync(targetAgencyId, ct));

    /// <summary>
    /// A record several agencies share (a meeting often gathers several): administrators, and relationship managers of at
    /// least one of them.
    /// </summary>
    public async Task<bool> CanEditSharedRecordAsync(IEnumerable<int> agencyIds, CancellationToken ct)
    {
        if (user.IsAdministrator)
            return true;
        var mine = await AssignedAgenciesAsync(ct);
        return agencyIds.Any(mine.Contains);
    }

    public async Task<bool> CanEditPersonAsync(Person person, CancellationToken ct) => person.Kind == PersonKind.AgencyContact && person.AgencyId is { } agencyId
        ? await CanEditAgencyRecordsAsync(agencyId, ct)
        : user.IsAdministrator;

    public bool CanCreatePeople => user.IsAdministrator || user.IsInRole(Roles.RelationshipManager);

    /// <summary>The agency an agency's user speaks for (their own), or null for everyone else.</summary>
    public int? OwnAgencyId => user.IsAgencyUser ? user.AgencyId : null;

    /// <summary>
    /// Who may raise a procurement request: an agency's user (for their agency), administrators, and relationship
    /// managers (for the agencies they manage, which the request's own check then asks).
    /// </summary>
    public async Task<bool> CanRaiseRequestsAsync(CancellationToken ct) =>
        user.IsAgencyUser ? user.AgencyId is not null : user.IsAdministrator || (await AssignedAgenciesAsync(ct)).Count > 0;

    /// <summary>The provider's shared reference records that no one agency owns (the renewal log's vendors): administrators and relationship managers.</summary>
    public bool CanManageVendors => user.IsProviderUser && (user.IsAdministrator || user.IsInRole(Roles.RelationshipManager));

    /// <summary>The signed-in member of staff's directory entry: the usual attendee or owner of what they start. Null for others.</summary>
    public int? StaffPersonId => user.IsProviderUser ? user.PersonId : null;

    public bool CanSeeInternalNotes => user.IsProviderUser || user.IsSystem;

    public bool CanSeeHistory => user.IsProviderUser;

    // ---- What a role may use: the one place pages, endpoints and use cases ask ------------------------------

    /// <summary>
    /// The provider's own working records and views: the stakeholder matrix, the quick wins log, the whole portfolio and
    /// its health, the relationship health summary. Agency users see only what is shared with their agency.
    /// </summary>
    public bool CanSeeProviderRecords => user.IsProviderUser;

    /// <summary>Whether what the user writes (a comment) is the agency's word rather than the provider's: an agency user.</summary>
    public bool SpeaksForAgency => user.IsAgencyUser;

    /// <summary>The import pages and endpoints (each row then asks the form's own permission, as the form does).</summary>
    public bool CanImport => user.IsProviderUser;

    /// <summary>Starting a new interaction, meeting or action item (which agency's, the form then checks).</summary>
    public bool CanStartEngagementRecords => user.IsProviderUser;

    /// <summary>Users, their roles and invitations; the audit trail and its verification; outgoing mail.</summary>
    public bool CanAdminister => user.IsAdministrator;

    /// <summary>Saving and reviewing the monthly portfolio health (administrators, executives, relationship managers).</summary>
    public bool CanReviewPortfolioHealth => user.IsProviderUser
        && (user.IsAdministrator || user.IsInRole(Roles.Executive) || user.IsInRole(Roles.RelationshipManager));

    /// <summary>The state-wide agency scoreboard: the provider's users (an agency user sees their own agency's page).</summary>
    public bool CanSeeScoreboard => user.IsProviderUser || user.IsSystem;

    /// <summary>Who starts on the scoreboard rather than on My work: executives and administrators, who oversee every agency.</summary>
    public bool StartsOnScoreboard => user.IsProviderUser && (user.IsAdministrator || user.IsInRole(Roles.Executive));

    // ---- Lookups ----------------------------------------------------------------------------

    /// <summary>
    /// Loads a record by id through the visibility filters. A record that exists but is outside
    /// what the user may see is reported as not found, and the attempt is audited.
    /// </summary>
    public async Task<T?> FindAsync<T>(IQueryable<T> query, int id, CancellationToken ct) where T : class
    {
        var found = await query.FirstOrDefaultAsync(e => EF.Property<int>(e, "Id") == id, ct);
        if (found is not null)
            _visible[(typeof(T), id)] = true;
        if (found is null && user.AgencyScope is not null
            && await db.Set<T>().IgnoreQueryFilters().AnyAsync(e => EF.Property<int>(e, "Id") == id, ct))
        {
            await RecordDenialAsync(typeof(T).Name, id.ToString(CultureInfo.InvariantCulture), "outside the user's agency", ct);
        }
        return found;
    }

    /// <summary>Records found (or refused) by id during this request: each is looked up, and a denial audited, once.</summary>
    private readonly Dictionary<(Type, int), bool> _visible = [];

    /// <summary>
    /// Whether the user may see the record (denials audited as by <see cref="FindAsync{T}"/>); asked once per request
    /// however many parts of a page want to know.
    /// </summary>
    public async Task<bool> CanSeeAsync<T>(int id, CancellationToken ct) where T : class
    {
        if (!_visible.TryGetValue((typeof(T), id), out var visible))
            _visible[(typeof(T), id)] = visible = await FindAsync(db.Set<T>().AsNoTracking(), id, ct) is not null;
        return visible;
    }

    /// <summary>Writes an access denial to the audit trail, in a context of its own so no pending change rides along.</summary>
    public Task RecordDenialAsync(string recordType, string recordId, string reason, CancellationToken ct) =>
        RecordEventAsync(AuditActions.AccessDenied, recordType, recordId, reason, ct, "Reason");

    /// <summary>
    /// Writes something the user did that changes nothing (<see cref="AuditActions.Downloaded"/>) to the audit trail, in a
    /// context of its own so no pending change rides along.
    /// </summary>
    public async Task RecordEventAsync(string action, string recordType, string recordId, string detail, CancellationToken ct, string field = "Detail")
    {
        await using var scope = scopes.CreateAsyncScope();
        var auditDb = scope.ServiceProvider.GetRequiredService<LiaisonDbContext>();
        auditDb.AuditEntries.Add(new AuditEntry
        {
            Timestamp = db.Clock.GetUtcNow().UtcDateTime,
            UserId = user.Id,
            UserName = user.Name,
            Action = action,
            RecordType = recordType,
            RecordId = recordId,
            Changes = AuditEntry.Serialize([new FieldChange(field, null, detail)]),
            CorrelationId = user.CorrelationId,
        });
        await auditDb.SaveChangesAsync(ct);
    }

    // ---- Visibility filters (model building) ------------------------------------------------

    private static readonly MethodInfo ApplyFilterMethod =
        typeof(AccessRule).GetMethod(nameof(ApplyFilter), BindingFlags.NonPublic | BindingFlags.Static)!;

    private static readonly MethodInfo ApplySharedFilterMethod =
        typeof(AccessRule).GetMethod(nameof(ApplySharedFilter), BindingFlags.NonPublic | BindingFlags.Static)!;

    /// <summary>Adds "AgencyScope is null or the record's agency is AgencyScope" to every agency-owned entity.</summary>
    public static void ApplyVisibilityFilters(ModelBuilder builder, LiaisonDbContext context)
    {
        var owned = builder.Model.GetEntityTypes().Select(t => t.ClrType).Distinct()
            .Where(t => t.GetInterfaces().Any(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IAgencyOwned<>)));
        foreach (var type in owned)
            ApplyFilterMethod.MakeGenericMethod(type).Invoke(null, [builder, context]);
        var shared = builder.Model.GetEntityTypes().Select(t => t.ClrType).Distinct()
            .Where(t => t.GetInterfaces().Any(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IAgencyShared<>)));
        foreach (var type in shared)
            ApplySharedFilterMethod.MakeGenericMethod(type).Invoke(null, [builder, context]);
    }

    /// <summary>"AgencyScope is null or the record is visible to an agency user of AgencyScope with directory entry PersonScope".</summary>
    private static void ApplySharedFilter<T>(ModelBuilder builder, LiaisonDbContext context) where T : class, IAgencyShared<T>
    {
        var visible = T.VisibleToAgencyUser;
        var entity = visible.Parameters[0];
        var scope = Expression.Property(Expression.Constant(context), nameof(LiaisonDbContext.AgencyScope));
        var person = Expression.Property(Expression.Constant(context), nameof(LiaisonDbContext.PersonScope));
        var body = new ParameterReplacer(new Dictionary<ParameterExpression, Expression>
        {
            [visible.Parameters[1]] = Expression.Property(Expression.Constant(context), nameof(LiaisonDbContext.AgencyScopeOrNone)),
            [visible.Parameters[2]] = person,
        }).Visit(visible.Body);
        var filter = Expression.OrElse(Expression.Equal(scope, Expression.Constant(null, typeof(int?))), body);
        builder.Entity<T>().HasQueryFilter(Expression.Lambda<Func<T, bool>>(filter, entity));
    }

    private sealed class ParameterReplacer(Dictionary<ParameterExpression, Expression> replacements) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) =>
            replacements.TryGetValue(node, out var replacement) ? replacement : base.VisitParameter(node);
    }

    private static void ApplyFilter<T>(ModelBuilder builder, LiaisonDbContext context) where T : class, IAgencyOwned<T>
    {
        var owningAgency = T.OwningAgency;
        var scope = Expression.Property(Expression.Constant(context), nameof(LiaisonDbContext.AgencyScope));
        var body = Expression.OrElse(
            Expression.Equal(scope, Expression.Constant(null, typeof(int?))),
            Expression.Equal(owningAgency.Body, scope));
        builder.Entity<T>().HasQueryFilter(Expression.Lambda<Func<T, bool>>(body, owningAgency.Parameters));
    }
}
