using Liaison.Web.Features.Administration.Settings;
using Liaison.Web.Features.Directory.Agencies;
using Liaison.Web.Features.Directory.LinesOfService;
using Liaison.Web.Features.Directory.People;
using Liaison.Web.Features.Directory.Units;
using Liaison.Web.Platform.Auditing;
using Liaison.Web.Platform.Auth;
using Liaison.Web.Platform.Email;
using Liaison.Web.Platform.ImportExport;
using Liaison.Web.Platform.Modules;
using Liaison.Web.Platform.Notifications;
using Liaison.Web.Platform.Web;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace Liaison.Web.Platform.Data;

/// <summary>
/// The one database of Liaison. Saving does three things every module relies on: it stamps
/// timestamps and versions, it writes an audit entry for each change, and it refuses to change
/// the audit trail itself.
/// </summary>
internal sealed class LiaisonDbContext(
    DbContextOptions<LiaisonDbContext> options,
    CurrentUser currentUser,
    TimeProvider clock,
    IEnumerable<ISaveHook> saveHooks)
    : IdentityDbContext<User, Role, int, IdentityUserClaim<int>, UserRole, IdentityUserLogin<int>,
        IdentityRoleClaim<int>, IdentityUserToken<int>>(options), IDataProtectionKeyContext
{
    public DbSet<Agency> Agencies => Set<Agency>();
    public DbSet<AgencyLineOfService> AgencyLinesOfService => Set<AgencyLineOfService>();
    public DbSet<Person> People => Set<Person>();
    public DbSet<OperationalUnit> OperationalUnits => Set<OperationalUnit>();
    public DbSet<LineOfService> LinesOfService => Set<LineOfService>();
    public DbSet<OrganisationSettings> OrganisationSettings => Set<OrganisationSettings>();
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();
    public DbSet<ApiToken> ApiTokens => Set<ApiToken>();
    public DbSet<OutboxMessage> OutboxMessages => Set<OutboxMessage>();
    public DbSet<PendingImport> PendingImports => Set<PendingImport>();
    public DbSet<UserSession> UserSessions => Set<UserSession>();
    public DbSet<DataGenerationRow> DataGenerations => Set<DataGenerationRow>();
    public DbSet<IdempotencyRecord> IdempotencyRecords => Set<IdempotencyRecord>();
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();
    public DbSet<Notification> Notifications => Set<Notification>();
    public DbSet<AgencyFigures> AgencyFigures => Set<AgencyFigures>();
    public DbSet<NotificationPreference> NotificationPreferences => Set<NotificationPreference>();

    /// <summary>Notifications the save hooks asked for (<see cref="Notifier.Notify"/>), written by the next save.</summary>
    internal List<NotificationDraft> PendingNotifications { get; } = [];

    internal CurrentUser CurrentUser => currentUser;

    internal TimeProvider Clock => clock;

    /// <summary>The agency the current user is confined to, or null. Read by the query filters.</summary>
    internal int? AgencyScope => currentUser.AgencyScope;

    /// <summary>
    /// The scope as a plain number (-1 for none), for filters that compare with it: EF fails when a
    /// filter coalesces or casts a null context member itself.
    /// </summary>
    internal int AgencyScopeOrNone => currentUser.AgencyScope ?? -1;

    /// <summary>The agency user's own entry in the directory (-1 when there is none). Read by the query filters.</summary>
    internal int? PersonScope => currentUser.PersonScope;

    /// <summary>Set while a <see cref="WriteScope"/> holds the write lock for this context.</summary>
    internal bool HoldsWriteLock { get; set; }

    /// <summary>Begins a transaction that holds the write lock, for a use case that saves more than once.</summary>
    public Task<WriteScope> BeginWriteAsync(CancellationToken ct) => WriteScope.EnterAsync(this, ct);

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
        configurationBuilder.Properties<decimal>().HavePrecision(18, 2);
    }

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(LiaisonDbContext).Assembly);
        AccessRule.ApplyVisibilityFilters(builder, this);
        if (Database.IsNpgsql())
            IndexSearchTextByTrigram(builder);
    }

    /// <summary>
    /// On PostgreSQL, every searchable record's SearchText has a trigram index (pg_trgm), so a search's "contains" is an
    /// index lookup instead of a read of every row (docs/benchmark.md). SQLite reads its covering indexes instead.
    /// </summary>
    private static void IndexSearchTextByTrigram(ModelBuilder builder)
    {
        builder.HasPostgresExtension("pg_trgm");
        foreach (var type in builder.Model.GetEntityTypes().Where(t => typeof(ISearchable).IsAssignableFrom(t.ClrType)).ToList())
        {
            builder.Entity(type.ClrType).HasIndex([nameof(ISearchable.SearchText)], $"IX_{type.GetTableName()}_SearchText_Trigram")
                .HasMethod("gin").HasOperators("gin_trgm_ops");
        }
    }

    /// <summary>
    /// Liaison saves asynchronously, through <see cref="SaveChangesAsync(bool, CancellationToken)"/>. The one synchronous
    /// writer is ASP.NET's data-protection key repository, which adds a key now and then; its keys are not records anyone
    /// edits, so they carry no audit entry and change no derived figure.
    /// </summary>
    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        if (ChangeTracker.Entries().Any(e => e.State != EntityState.Unchanged && e.Entity is not DataProtectionKey))
            throw new NotSupportedException("Liaison saves asynchronously only; use SaveChangesAsync.");
        return base.SaveChanges(acceptAllChangesOnSuccess);
    }

    // ---- The data generation ------------------------------------------------------------------------------------

    private static readonly Func<LiaisonDbContext, CancellationToken, Task<long>> ReadGeneration =
        EF.CompileAsyncQuery((LiaisonDbContext db, CancellationToken ct) =>
            db.DataGenerations.Where(g => g.Id == DataGenerationRow.SingletonId).Select(g => g.Value).First());

    /// <summary>
    /// Changes to these never change a derived figure: they leave the generation where it is. An audit entry saved on
    /// its own records a refused access (the changes it describes come with their records, which do advance it): an
    /// agency user probing ids must not retire everyone's cached figures at each try.
    /// </summary>
    private static readonly HashSet<Type> GenerationNeutral =
        [typeof(IdempotencyRecord), typeof(PendingImport), typeof(OutboxMessage), typeof(DataProtectionKey), typeof(UserSession), typeof(AuditEntry),
         typeof(Notification), typeof(NotificationPreference)];

    private long? _generation;

    /// <summary>
    /// The data generation as this request sees it: read from the database once per request (one primary-key read) and
    /// again after this context saves. Caches of derived figures put it in their keys, so a save on any app instance
    /// retires them on every instance at its next request (docs/adr/0010).
    /// </summary>
    public async ValueTask<long> DataGenerationAsync(CancellationToken ct)
    {
        _generation ??= await ReadGeneration(this, ct);
        return _generation.Value;
    }

    /// <summary>The generation, when a query that ran anyway (the session's) brought it along.</summary>
    internal void KnowDataGeneration(long generation) => _generation = generation;

    /// <summary>
    /// Advances the generation, in the current transaction. Saves do it themselves; a write that bypasses SaveChanges
    /// (ExecuteUpdate, ExecuteDelete) and changes what anyone may see or what a figure counts calls it.
    /// </summary>
    public async Task AdvanceDataGenerationAsync(CancellationToken ct)
    {
        await AdvanceGenerationAsync(ct);
        // Whatever it changed, it did not say which agencies: every agency's kept figures are counted again.
        await MarkAgencyFiguresAsync(new TouchedAgencies { All = true }, ct);
    }

    private async Task AdvanceGenerationAsync(CancellationToken ct)
    {
        await Database.ExecuteSqlRawAsync("""UPDATE "DataGeneration" SET "Value" = "Value" + 1 WHERE "Id" = 1""", ct);
        _generation = null;
    }

    /// <summary>
    /// Raises the version of the kept figures (<see cref="AgencyFigures"/>) of each agency this save touched, in its
    /// transaction: they are counted live until counted again.
    /// </summary>
    private async Task MarkAgencyFiguresAsync(TouchedAgencies touched, CancellationToken ct)
    {
        if (touched.All)
            await Database.ExecuteSqlRawAsync("""UPDATE "AgencyFigures" SET "Version" = "Version" + 1""", ct);
        else
        {
            foreach (var chunk in touched.Ids.Order().Chunk(500))
            {
                // Numbers only: nothing of anyone's text reaches this statement.
                var ids = string.Join(',', chunk.Select(id => id.ToString(System.Globalization.CultureInfo.InvariantCulture)));
                var sql = """UPDATE "AgencyFigures" SET "Version" = "Version" + 1 WHERE "AgencyId" IN (""" + ids + ")";
                await Database.ExecuteSqlRawAsync(sql, ct);
            }
        }
    }

    /// <summary>The columns by which a record names the agency it belongs to, for <see cref="TouchedBy"/>.</summary>
    private static readonly string[] AgencyColumns = ["AgencyId", "TrackedAgencyId"];

    /// <summary>
    /// The agencies whose health signals this save may move: those its records name (before and after the change); all of
    /// them for a record that names none (a setting, a user's name), unless its kind is known to move none.
    /// </summary>
    private TouchedAgencies TouchedBy()
    {
        var touched = new TouchedAgencies();
        foreach (var entry in ChangeTracker.Entries())
        {
            if (entry.State is not (EntityState.Added or EntityState.Modified or EntityState.Deleted))
                continue;
            var type = entry.Metadata.ClrType;
            if (GenerationNeutral.Contains(type) || type == typeof(AgencyFigures) || type.IsDefined(typeof(AgencyHealthNeutralAttribute), inherit: false))
                continue;
            if (entry.State == EntityState.Modified && entry.Properties.Where(p => p.IsModified).All(IsVersionNeutral))
                continue;
            if (entry.Entity is Agency agency)
            {
                touched.Ids.Add(agency.Id);
                continue;
            }
            if (entry.Entity is User)
            {
                // A user's name shows as an agency's manager; a sign-in's bookkeeping or a new password moves nothing.
                if (entry.State == EntityState.Deleted || entry.Property(nameof(User.DisplayName)).IsModified)
                {
                    touched.All = true;
                    break;
                }
                continue;
            }
            var named = false;
            foreach (var column in AgencyColumns)
            {
                if (entry.Metadata.FindProperty(column) is null)
                    continue;
                named = true;
                var property = entry.Property(column);
                if (property.CurrentValue is int current)
                    touched.Ids.Add(current);
                if (entry.State == EntityState.Modified && property.OriginalValue is int original)
                    touched.Ids.Add(original);
            }
            if (!named)
            {
                touched.All = true;
                break;
            }
        }
        return touched;
    }

    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        var now = AuditChain.Truncate(clock.GetUtcNow().UtcDateTime);
        List<AuditCapture.Draft> drafts;
        List<AuditEntry> directEntries;
        bool advances;
        List<NotificationDraft> notices;
        TouchedAgencies touched;
        // Changes are detected once here and once more after the derived values are set, not on every look at the
        // change tracker below (each would walk every tracked entity: seconds for an import of 10,000 rows).
        var autoDetect = ChangeTracker.AutoDetectChangesEnabled;
        ChangeTracker.DetectChanges();
        ChangeTracker.AutoDetectChangesEnabled = false;
        try
        {
            // Taken now: a save that fails and is tried again asks the hooks again.
            PendingNotifications.Clear();
            var derived = false;
            foreach (var hook in saveHooks)
                derived |= await hook.BeforeSaveAsync(this, cancellationToken);
            if (derived)
                ChangeTracker.DetectChanges();
            StampTimestampsAndVersions(now);
            ChangeTracker.DetectChanges();
            AuditChain.RefuseChangesToTrail(ChangeTracker);
            drafts = saveHooks.All(h => h.Audits(this)) ? await AuditCapture.CaptureAsync(this, cancellationToken) : [];
            directEntries = ChangeTracker.Entries<AuditEntry>().Where(e => e.State == EntityState.Added).Select(e => e.Entity).ToList();
            touched = TouchedBy();
            notices = [.. PendingNotifications];
            PendingNotifications.Clear();
            advances = ChangeTracker.Entries().Any(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted
                && !GenerationNeutral.Contains(e.Metadata.ClrType));
        }
        finally
        {
            ChangeTracker.AutoDetectChangesEnabled = autoDetect;
        }

        if (drafts.Count == 0 && directEntries.Count == 0 && notices.Count == 0)
        {
            if (!advances)
                return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
            // The change and the generation commit together: a reader on any instance sees both or neither.
            await using var transaction = Database.CurrentTransaction is null ? await Database.BeginTransactionAsync(cancellationToken) : null;
            var count = await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
            await AdvanceGenerationAsync(cancellationToken);
            await MarkAgencyFiguresAsync(touched, cancellationToken);
            if (transaction is not null)
                await transaction.CommitAsync(cancellationToken);
            return count;
        }

        // Entries join the chain only once the records they describe have their keys.
        foreach (var entry in directEntries)
            Entry(entry).State = EntityState.Detached;

        await using var write = await WriteScope.EnterAsync(this, cancellationToken);
        var saved = await base.SaveChangesAsync(acceptAllChangesOnSuccess: true, cancellationToken);
        var entries = directEntries.Concat(AuditCapture.Complete(drafts, currentUser, now)).ToList();
        if (entries.Count > 0)
        {
            await AuditChain.LinkAsync(this, entries, cancellationToken);
            AuditEntries.AddRange(entries);
        }
        Notifications.AddRange(Notifier.Complete(notices, currentUser.IsSystem ? null : currentUser.DisplayName, now));
        saved += await base.SaveChangesAsync(acceptAllChangesOnSuccess: true, cancellationToken);
        if (entries.Count > 0 || advances)
            await AdvanceGenerationAsync(cancellationToken);
        await MarkAgencyFiguresAsync(touched, cancellationToken);
        await write.CommitAsync(cancellationToken);
        return saved;
    }

    /// <summary>Bookkeeping a sign-in writes; it must not make an administrator's open edit of the user stale.</summary>
    /// <remarks>A module marks its own such columns with <see cref="VersionNeutralAttribute"/>.</remarks>
    private static readonly HashSet<string> VersionNeutral =
        [nameof(User.LastSignInAt), nameof(User.AccessFailedCount), nameof(User.LockoutEnd), nameof(User.ConcurrencyStamp)];

    private static bool IsVersionNeutral(Microsoft.EntityFrameworkCore.ChangeTracking.PropertyEntry property) =>
        VersionNeutral.Contains(property.Metadata.Name)
        || property.Metadata.PropertyInfo.IsMarked<VersionNeutralAttribute>();

    /// <summary>
    /// The last line of defence behind <see cref="InputRules"/>: text that PostgreSQL cannot store (U+0000) or XML cannot
    /// carry never reaches the database from any path, whichever provider is behind it.
    /// </summary>
    private static void RefuseUnstorableText(Microsoft.EntityFrameworkCore.ChangeTracking.EntityEntry entry)
    {
        foreach (var property in entry.Properties)
        {
            if (property.Metadata.ClrType == typeof(string) && (entry.State == EntityState.Added || property.IsModified)
                && InputRules.HasForbiddenCharacters(property.CurrentValue as string))
                throw new UnstorableTextException(entry.Metadata.ClrType.Name, property.Metadata.Name);
        }
    }

    private void StampTimestampsAndVersions(DateTime now)
    {
        foreach (var entry in ChangeTracker.Entries())
        {
            if (entry.State is EntityState.Added or EntityState.Modified)
                RefuseUnstorableText(entry);
            if (entry.Entity is IDerivedOnSave derived && entry.State is EntityState.Added or EntityState.Modified)
                derived.DeriveOnSave();
            if (entry.Entity is ISearchable searchable && entry.State is EntityState.Added or EntityState.Modified)
                searchable.SearchText = string.Join(' ', searchable.SearchWords().Where(w => !string.IsNullOrWhiteSpace(w))).ToLowerInvariant();
            if (entry.State == EntityState.Added)
            {
                if (entry.Entity is ITimestamped added)
                {
                    added.CreatedAt = now;
                    added.UpdatedAt = now;
                }
                if (entry.Entity is IVersioned versioned)
                    versioned.Version = 1;
            }
            else if (entry.State == EntityState.Modified)
            {
                if (entry.Entity is ITimestamped modified)
                    modified.UpdatedAt = now;
                if (entry.Entity is IVersioned && entry.Properties.Any(p => p.IsModified && !IsVersionNeutral(p)))
                {
                    // The original value is the version the editor saw (set by the use case), so the
                    // UPDATE only matches if nobody saved in between.
                    var version = entry.Property(nameof(IVersioned.Version));
                    version.CurrentValue = (int)version.OriginalValue! + 1;
                }
            }
        }
    }
}

/// <summary>A save was asked to store text with a control character that no input rule let through: a defect, refused whole.</summary>
internal sealed class UnstorableTextException(string recordType, string field)
    : Exception($"{recordType}.{field} holds a control character that cannot be stored; the input that carried it should have been refused.");
