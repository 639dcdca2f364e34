namespace Liaison.Web.Platform.Modules;

/// <summary>
/// Demo data a module adds when Liaison starts with --demo on an empty database. Seeders run in <see cref="Order"/>, so
/// a module's demo can use what an earlier one seeded (the directory's agencies and people come first).
/// </summary>
internal interface IDemoSeeder
{
    int Order { get; }

    Task SeedAsync(string password, CancellationToken ct);
}

/// <summary>A command a module adds to the command line (<c>dotnet run -- name --option value</c>).</summary>
internal interface ICommandLineTool
{
    string Name { get; }

    /// <summary>One line for <c>help</c>.</summary>
    string Help { get; }

    /// <summary>Runs the command; the process's exit code.</summary>
    Task<int> RunAsync(IReadOnlyDictionary<string, string> options, TextWriter output, CancellationToken ct);
}
