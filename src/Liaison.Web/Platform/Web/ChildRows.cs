namespace Liaison.Web.Platform.Web;

/// <summary>How a form's rows (a vendor's contacts, a request's quotes) are written over a record's children.</summary>
internal static class ChildRows
{
    /// <summary>
    /// Matches <paramref name="rows"/> to <paramref name="children"/> by id: a child no row names is removed, a row that
    /// names a child is written over it, and a row without an id becomes a new child. The use case has checked that
    /// every id a row names is one of this record's.
    /// </summary>
    public static void Apply<TChild, TRow>(List<TChild> children, IReadOnlyList<TRow> rows, Func<TChild, int> childId, Func<TRow, int?> rowId,
        Func<TChild> create, Action<TChild, TRow> write)
    {
        children.RemoveAll(existing => rows.All(row => rowId(row) != childId(existing)));
        foreach (var row in rows)
        {
            var child = children.FirstOrDefault(c => rowId(row) is { } id && childId(c) == id);
            if (child is null)
                children.Add(child = create());
            write(child, row);
        }
    }
}
