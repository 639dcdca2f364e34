namespace Liaison.Web.Platform.Web;

/// <summary>
/// What the API answered to a POST sent with an Idempotency-Key, kept for a day so that a retry with the same key (by the
/// same user, for the same request) is answered the same without being carried out again, on whichever instance.
/// </summary>
internal sealed class IdempotencyRecord
{
    public int UserId { get; set; }
    public string Key { get; set; } = "";

    /// <summary>SHA-256 of the method, the path with its query, and the body: the same key for another request is refused.</summary>
    public string RequestHash { get; set; } = "";

    /// <summary>Null while the first request is being carried out.</summary>
    public int? StatusCode { get; set; }
    public string? ContentType { get; set; }
    public string? Location { get; set; }
    public byte[]? Body { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime? CompletedAt { get; set; }
}
