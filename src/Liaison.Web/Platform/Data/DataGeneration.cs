namespace Liaison.Web.Platform.Data;

/// <summary>
/// A number that moves on whenever Liaison saves anything. Caches of derived figures (a list's
/// count, the names in a filter) put it in their keys, so nothing cached outlives a change.
/// </summary>
internal static class DataGeneration
{
    private static long _current;

    public static long Current => Interlocked.Read(ref _current);

    public static void Advance() => Interlocked.Increment(ref _current);
}
