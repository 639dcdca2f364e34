namespace Liaison.Web.Platform.ImportExport;

/// <summary>
/// An uploaded file between its preview and the user's confirmation. Kept in the database so
/// the confirmation works whichever server instance answers it.
/// </summary>
internal sealed class PendingImport
{
    public Guid Id { get; set; }
    public int UserId { get; set; }
    public string Kind { get; set; } = "";
    public string FileName { get; set; } = "";
    public byte[] Content { get; set; } = [];
    public DateTime CreatedAt { get; set; }
}
