namespace Liaison.Web.Platform.Data;

/// <summary>
/// The one row of the DataGeneration table: a number every save advances in its own transaction. Caches of derived
/// figures put it in their keys (see <see cref="LiaisonDbContext.DataGenerationAsync"/>), and each request reads it once,
/// so a save on one app instance retires every cached figure on every other at their next request.
/// </summary>
internal sealed class DataGenerationRow
{
    public const int SingletonId = 1;

    public int Id { get; set; } = SingletonId;
    public long Value { get; set; }
}
