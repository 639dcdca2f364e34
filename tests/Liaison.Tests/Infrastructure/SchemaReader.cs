using System.Data.Common;

namespace Liaison.Tests.Infrastructure;

/// <summary>
/// Reads a database's schema back as sorted lines: tables, columns, keys, indexes, foreign keys. The full-text search
/// index (SearchIndex and SQLite's FTS5 shadow tables) is left out: only migrations build it, as the EF model cannot
/// describe it; the search tests prove it.
/// </summary>
public static class SchemaReader
{
    public static async Task<List<string>> ReadAsync(DbConnection connection, string provider)
    {
        if (connection.State != System.Data.ConnectionState.Open)
            await connection.OpenAsync();
        var lines = provider == "Postgres" ? await ReadPostgresAsync(connection) : await ReadSqliteAsync(connection);
        lines.Sort(StringComparer.Ordinal);
        return lines;
    }

    private static async Task<List<string>> ReadSqliteAsync(DbConnection connection)
    {
        var lines = new List<string>();
        var tables = await QueryAsync(connection,
            "SELECT name, sql FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '__EFMigrations%' AND name NOT LIKE 'SearchIndex%'");
        foreach (var table in tables)
        {
            var name = table[0]!;
            lines.Add($"table {name}{(table[1]!.Contains("AUTOINCREMENT", StringComparison.Ordinal) ? " autoincrement" : "")}");
            foreach (var c in await QueryAsync(connection, $"SELECT name, type, \"notnull\", dflt_value, pk FROM pragma_table_info('{name}')"))
                lines.Add($"column {name}.{c[0]} {c[1]} notnull={c[2]} default={c[3]} pk={c[4]}");
            foreach (var i in await QueryAsync(connection, $"SELECT name, \"unique\", origin, partial FROM pragma_index_list('{name}')"))
            {
                var columns = await QueryAsync(connection, $"SELECT name FROM pragma_index_info('{i[0]}') ORDER BY seqno");
                var filter = (await QueryAsync(connection, $"SELECT sql FROM sqlite_master WHERE type = 'index' AND name = '{i[0]}'")).FirstOrDefault()?[0] is { } sql
                    && sql.Contains(" WHERE ", StringComparison.Ordinal) ? sql[(sql.IndexOf(" WHERE ", StringComparison.Ordinal) + 7)..] : "";
                lines.Add($"index {name}.{i[0]} unique={i[1]} origin={i[2]} partial={i[3]} ({string.Join(",", columns.Select(r => r[0]))}) {filter}");
            }
            foreach (var f in await QueryAsync(connection, $"SELECT \"table\", \"from\", \"to\", on_delete FROM pragma_foreign_key_list('{name}')"))
                lines.Add($"foreign key {name}.{f[1]} -> {f[0]}.{f[2]} on delete {f[3]}");
        }
        return lines;
    }

    private static async Task<List<string>> ReadPostgresAsync(DbConnection connection)
    {
        var lines = new List<string>();
        foreach (var c in await QueryAsync(connection, """
            SELECT table_name, column_name, data_type, character_maximum_length, is_nullable, column_default, is_identity, identity_generation
            FROM information_schema.columns WHERE table_schema = 'public' AND table_name NOT LIKE '__EFMigrations%' AND table_name NOT LIKE 'SearchIndex%'
            """))
            lines.Add($"column {c[0]}.{c[1]} {c[2]}({c[3]}) nullable={c[4]} default={c[5]} identity={c[6]}/{c[7]}");
        foreach (var i in await QueryAsync(connection,
            "SELECT tablename, indexname, indexdef FROM pg_indexes WHERE schemaname = 'public' AND tablename NOT LIKE '__EFMigrations%' AND tablename NOT LIKE 'SearchIndex%'"))
            lines.Add($"index {i[0]}.{i[1]} {i[2]}");
        foreach (var k in await QueryAsync(connection, """
            SELECT conrelid::regclass::text, conname, pg_get_constraintdef(oid) FROM pg_constraint
            WHERE connamespace = 'public'::regnamespace AND conrelid::regclass::text NOT LIKE '%EFMigrations%' AND conrelid::regclass::text NOT LIKE '%SearchIndex%'
            """))
            lines.Add($"constraint {k[0]}.{k[1]} {k[2]}");
        return lines;
    }

    private static async Task<List<string?[]>> QueryAsync(DbConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<string?[]>();
        while (await reader.ReadAsync())
        {
            var row = new string?[reader.FieldCount];
            for (var i = 0; i < reader.FieldCount; i++)
                row[i] = reader.IsDBNull(i) ? null : Convert.ToString(reader.GetValue(i), System.Globalization.CultureInfo.InvariantCulture);
            rows.Add(row);
        }
        return rows;
    }
}
