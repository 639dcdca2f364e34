using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Liaison.Web.Platform.Auditing;

internal static class AuditActions
{
    public const string Created = "Created";
    public const string Updated = "Updated";
    public const string Deleted = "Deleted";
    public const string AccessDenied = "AccessDenied";

    /// <summary>A file was read (an attachment downloaded): who read what is as much the auditor's business as who changed it.</summary>
    public const string Downloaded = "Downloaded";
}

/// <summary>One field of a record, from what to what.</summary>
internal sealed record FieldChange(string Field, string? From, string? To);

/// <summary>
/// An entry of the append-only audit trail. Each entry carries the hash of the one before it, so
/// an edited or deleted entry breaks the chain at that point (see <see cref="AuditChain"/>).
/// </summary>
internal sealed class AuditEntry
{
    public long Id { get; set; }
    public DateTime Timestamp { get; set; }
    public int? UserId { get; set; }
    public string UserName { get; set; } = "";
    public string Action { get; set; } = "";
    public string RecordType { get; set; } = "";
    public string RecordId { get; set; } = "";
    public string Changes { get; set; } = "[]";
    public string? CorrelationId { get; set; }
    public string PreviousHash { get; set; } = "";
    public string Hash { get; set; } = "";

    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web);

    public IReadOnlyList<FieldChange> FieldChanges =>
        JsonSerializer.Deserialize<List<FieldChange>>(Changes, JsonOptions) ?? [];

    public static string Serialize(IEnumerable<FieldChange> changes) => JsonSerializer.Serialize(changes, JsonOptions);

    /// <summary>The hash over everything the entry says and the hash before it.</summary>
    public string ComputeHash()
    {
        var text = string.Join('\u001f',
            PreviousHash,
            Timestamp.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture),
            UserId?.ToString(CultureInfo.InvariantCulture) ?? "",
            UserName, Action, RecordType, RecordId, Changes, CorrelationId ?? "");
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
    }
}
