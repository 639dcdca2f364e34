using System.Globalization;
using Liaison.Web.Platform.Auth;
using Liaison.Web.Platform.Data;
using Liaison.Web.Platform.Email;
using Liaison.Web.Platform.ImportExport;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata;

namespace Liaison.Web.Platform.Auditing;

/// <summary>
/// Turns the change tracker's view of a save into audit entries: which record, and each field
/// from what to what. Captured before the save (when original values are still known) and
/// completed after it (when new records have their keys).
/// </summary>
internal static class AuditCapture
{
    /// <summary>Bookkeeping, secrets and derived values that would only add noise or leak (a module marks its own with <see cref="NotAuditedAttribute"/>).</summary>
    private static readonly HashSet<string> IgnoredProperties =
    [
        nameof(IVersioned.Version), nameof(ITimestamped.CreatedAt), nameof(ITimestamped.UpdatedAt),
        nameof(User.SecurityStamp), nameof(User.ConcurrencyStamp), nameof(User.NormalizedEmail),
        nameof(User.NormalizedUserName), nameof(User.AccessFailedCount), nameof(User.LastSignInAt),
        nameof(ApiToken.TokenHash), nameof(ApiToken.LastUsedAt), nameof(ISearchable.SearchText),
    ];

    /// <summary>Values that are recorded as having changed, never with the values themselves.</summary>
    private static readonly HashSet<string> SecretProperties = [nameof(User.PasswordHash)];

    private static readonly HashSet<Type> IgnoredTypes =
    [
        typeof(AuditEntry), typeof(OutboxMessage), typeof(PendingImport), typeof(IdentityUserToken<int>),
        typeof(IdentityUserClaim<int>), typeof(IdentityUserLogin<int>), typeof(IdentityRoleClaim<int>),
        typeof(UserSession), typeof(Web.IdempotencyRecord), typeof(DataGenerationRow),
        typeof(Microsoft.AspNetCore.DataProtection.EntityFrameworkCore.DataProtectionKey),
    ];

    internal sealed class Draft(string action, Func<string> recordType, Func<string> recordId, List<FieldChange> changes)
    {
        public string Action { get; } = action;
        public Func<string> RecordType { get; } = recordType;
        public Func<string> RecordId { get; } = recordId;
        public List<FieldChange> Changes { get; } = changes;
    }

    public static async Task<List<Draft>> CaptureAsync(LiaisonDbContext db, CancellationToken ct)
    {
        var drafts = new List<Draft>();
        foreach (var entry in db.ChangeTracker.Entries().ToList())
        {
            if (entry.State is not (EntityState.Added or EntityState.Modified or EntityState.Deleted)
                || IgnoredTypes.Contains(entry.Metadata.ClrType) || entry.Metadata.ClrType.IsMarked<NotAuditedAttribute>())
                continue;

            if (entry.Entity is IAuditedAsPartOf part)
            {
                var value = await part.DescribeAsync(db, ct);
                var (_, _, field) = part.AuditTarget;
                var change = entry.State switch
                {
                    EntityState.Added => new FieldChange(field, null, "added " + value),
                    EntityState.Deleted => new FieldChange(field, "removed " + value, null),
                    _ => null,
                };
                if (change is not null)
                    drafts.Add(new Draft(AuditActions.Updated, () => part.AuditTarget.RecordType, () => part.AuditTarget.RecordId, [change]));
                continue;
            }

            var changed = entry.State switch
            {
                EntityState.Added => entry.Properties.Where(p => p.CurrentValue is not null && !p.Metadata.IsPrimaryKey())
                    .Select(p => (p, From: (object?)null, To: p.CurrentValue)),
                EntityState.Deleted => entry.Properties.Where(p => p.OriginalValue is not null && !p.Metadata.IsPrimaryKey())
                    .Select(p => (p, From: p.OriginalValue, To: (object?)null)),
                _ => entry.Properties.Where(p => p.IsModified && !Equals(p.OriginalValue, p.CurrentValue))
                    .Select(p => (p, From: p.OriginalValue, To: p.CurrentValue)),
            };
            var changes = new List<FieldChange>();
            foreach (var (property, from, to) in changed.ToList())
            {
                if (await ChangeAsync(db, property, from, to, ct) is { } change)
                    changes.Add(change);
            }
            if (changes.Count == 0 && entry.State == EntityState.Modified)
                continue;

            var action = entry.State switch
            {
                EntityState.Added => AuditActions.Created,
                EntityState.Deleted => AuditActions.Deleted,
                _ => AuditActions.Updated,
            };
            var key = entry.Metadata.FindPrimaryKey()!.Properties;
            var typeName = entry.Metadata.ClrType.Name;
            drafts.Add(new Draft(action, () => typeName, () => string.Join('/', key.Select(k => Format(entry.Property(k.Name).CurrentValue))), changes));
        }
        return drafts;
    }

    /// <summary>Builds the entries once keys are known; several changes to one record in one save become one entry.</summary>
    public static IEnumerable<AuditEntry> Complete(List<Draft> drafts, CurrentUser user, DateTime now) =>
        drafts
            .GroupBy(d => (Type: d.RecordType(), Id: d.RecordId()))
            .Select(g => new AuditEntry
            {
                Timestamp = now,
                UserId = user.Id,
                UserName = user.Name,
                Action = g.Any(d => d.Action == AuditActions.Created) ? AuditActions.Created
                    : g.Any(d => d.Action == AuditActions.Deleted) ? AuditActions.Deleted : AuditActions.Updated,
                RecordType = g.Key.Type,
                RecordId = g.Key.Id,
                Changes = AuditEntry.Serialize(g.SelectMany(d => d.Changes)),
                CorrelationId = user.CorrelationId,
            });

    private static async Task<FieldChange?> ChangeAsync(LiaisonDbContext db, PropertyEntry property, object? from, object? to, CancellationToken ct)
    {
        var name = property.Metadata.Name;
        if (IgnoredProperties.Contains(name) || property.Metadata.IsShadowProperty() || property.Metadata.PropertyInfo.IsMarked<NotAuditedAttribute>())
            return null;
        if (SecretProperties.Contains(name))
            return new FieldChange("Password", from is null ? null : "(set)", to is null ? null : "(changed)");

        var foreignKey = property.Metadata.GetContainingForeignKeys().FirstOrDefault();
        if (foreignKey?.DependentToPrincipal is { } navigation)
            return new FieldChange(navigation.Name, await DescribeAsync(db, foreignKey, from, ct), await DescribeAsync(db, foreignKey, to, ct));
        return new FieldChange(name, Format(from), Format(to));
    }

    /// <summary>A foreign key is shown by what it points to ("Department of Revenue"), not by its number.</summary>
    private static async Task<string?> DescribeAsync(LiaisonDbContext db, IForeignKey foreignKey, object? key, CancellationToken ct)
    {
        if (key is null)
            return null;
        var principal = await db.FindAsync(foreignKey.PrincipalEntityType.ClrType, [key], ct);
        if (principal is null)
            return Format(key);
        var type = principal.GetType();
        var label = (type.GetProperty("DisplayName") ?? type.GetProperty("FullName") ?? type.GetProperty("Name"))?.GetValue(principal);
        return label?.ToString() ?? Format(key);
    }

    internal static string? Format(object? value) => value switch
    {
        null => null,
        DateTime d => d.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture),
        DateTimeOffset d => d.UtcDateTime.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture),
        DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        bool b => b ? "Yes" : "No",
        byte[] => "(file)",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString(),
    };
}
