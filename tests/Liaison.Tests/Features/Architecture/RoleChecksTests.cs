using System.Text.RegularExpressions;

namespace Liaison.Tests.Features.Architecture;

/// <summary>
/// Who may do what is decided in one place, the access rule (Platform/Auth/AccessRule.cs): no page, endpoint or use case
/// reads the signed-in user's roles itself. A module's menu (its <c>Module.cs</c>) may, since what a role is offered is
/// what the menu is for.
/// </summary>
[Trait("Provider", "Independent")]
public sealed partial class RoleChecksTests
{
    [GeneratedRegex(@"\b(User|user|current|Me)\.(IsAgencyUser|IsProviderUser|IsAdministrator|IsInRole)\b")]
    private static partial Regex RoleRead();

    [Fact]
    public void No_page_endpoint_or_use_case_reads_roles_itself()
    {
        var features = Path.Combine(RepositoryRoot(), "src", "Liaison.Web", "Features");
        var files = System.IO.Directory.EnumerateFiles(features, "*.*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".cs", StringComparison.Ordinal) || f.EndsWith(".cshtml", StringComparison.Ordinal))
            .ToList();
        Assert.True(files.Count > 100, $"Only {files.Count} source files found under {features}.");
        var reads = files
            .Where(f => !f.EndsWith("Module.cs", StringComparison.Ordinal))
            .SelectMany(f => File.ReadLines(f).Select((line, i) => (File: Path.GetRelativePath(features, f), Line: i + 1, Text: line.Trim())))
            .Where(l => RoleRead().IsMatch(l.Text))
            .Select(l => $"{l.File}:{l.Line}: {l.Text}")
            .ToList();
        Assert.True(reads.Count == 0, "Ask the access rule instead (CanSeeProviderRecords, CanImport, CanAdminister, ...):\n" + string.Join("\n", reads));
    }

    [Fact]
    public void The_rule_can_fail()
    {
        Assert.Matches(RoleRead(), "if (!access.User.IsProviderUser)");
        Assert.Matches(RoleRead(), "@if (Me.IsAdministrator)");
        Assert.DoesNotMatch(RoleRead(), "public bool IsAgencyUser => !access.CanSeeProviderRecords;");
    }

    private static string RepositoryRoot()
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "Liaison.slnx")))
            folder = folder.Parent;
        return folder?.FullName ?? throw new InvalidOperationException("Liaison.slnx not found above " + AppContext.BaseDirectory);
    }
}
