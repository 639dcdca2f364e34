using Liaison.Web.Features.Directory.People;
using Liaison.Web.Platform.Auth;
using Liaison.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Liaison.Web.Platform.Modules;

/// <summary>
/// Demo data a module adds when Liaison starts with --demo on an empty database (register with
/// <c>services.AddScoped&lt;IDemoSeeder, ...&gt;()</c>). Seeders run in <see cref="Order"/> (0 the directory, 10
/// relationships, 20 portfolio; a new module picks a number after what it builds on), so a module's demo can read what an
/// earlier one seeded.
/// </summary>
internal interface IDemoSeeder
{
    int Order { get; }

    Task SeedAsync(DemoRun run, CancellationToken ct);
}

/// <summary>
/// One demo seeding: the accounts' password, and one random sequence that every seeder draws from in turn, so the demo
/// is the same on every machine (screenshots and tests agree).
/// </summary>
internal sealed record DemoRun(string Password, Random Random);

/// <summary>The demo's accounts, one per role, which every module's demo data refers to.</summary>
internal static class DemoAccounts
{
    /// <summary>(email, name, role, title) of each account; the directory's seeder creates them.</summary>
    public static readonly (string Email, string Name, string Role, string Title)[] All =
    [
        ("admin@demo.test", "Alex Morgan", Roles.Administrator, "Systems Administrator"),
        ("cio@demo.test", "Dana Whitfield", Roles.Executive, "Chief Information Officer"),
        ("arm@demo.test", "Jordan Ellis", Roles.RelationshipManager, "Agency Relationship Manager"),
        ("arm2@demo.test", "Renée Broussard", Roles.RelationshipManager, "Agency Relationship Manager"),
        ("arm3@demo.test", "Marcus Guidry", Roles.RelationshipManager, "Senior Agency Relationship Manager"),
        ("pm@demo.test", "Priya Raman", Roles.ProviderStaff, "Project Manager"),
        ("agency@demo.test", "Casey Thibodeaux", Roles.AgencyUser, "IT Director"),
    ];

    /// <summary>The acronym of the agency the agency account belongs to.</summary>
    public const string AgencyAcronym = "LDR";

    /// <summary>The accounts' directory entries, by email.</summary>
    public static async Task<Dictionary<string, Person>> PeopleAsync(LiaisonDbContext db, CancellationToken ct)
    {
        var emails = All.Select(a => a.Email).ToList();
        return await db.People.Where(p => p.Email != null && emails.Contains(p.Email)).ToDictionaryAsync(p => p.Email!, ct);
    }
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
