using System.Reflection;
using Liaison.Web.Platform.Data;
using NetArchTest.Rules;

namespace Liaison.Tests.Features.Architecture;

/// <summary>
/// The module boundaries of docs/architecture.md, checked on the compiled assembly (page models, use cases, endpoints and
/// the Razor views compiled from .cshtml files alike):
/// <list type="bullet">
/// <item>Platform is what every module stands on, so it names no module, except the kernel it is given on purpose: the
/// directory's agencies, people and catalogue, and the organisation's settings, which every module and the access rule
/// read. A module contributes to Platform through Platform's contracts (Platform/Modules), never by Platform naming it.</item>
/// <item>A module names another module only through what that module exposes on purpose: its <c>Contracts</c> namespace
/// (<c>Liaison.Web.Features.&lt;Module&gt;.Contracts</c>), or the kernel.</item>
/// </list>
/// </summary>
[Trait("Provider", "Independent")]
public sealed class ModuleBoundaryTests
{
    private static readonly Assembly Web = typeof(LiaisonDbContext).Assembly;
    private const string Features = "Liaison.Web.Features.";

    /// <summary>The kernel: namespaces of the product that Platform and every module may name.</summary>
    private static readonly string[] Kernel =
    [
        "Liaison.Web.Features.Directory.Agencies", "Liaison.Web.Features.Directory.People", "Liaison.Web.Features.Directory.Units",
        "Liaison.Web.Features.Directory.LinesOfService", "Liaison.Web.Features.Administration.Settings",
    ];

    /// <summary>
    /// Not a module: the shared page furniture (layout, partials, tag helpers). The pages of the application itself
    /// (home, error, status) live in <c>Liaison.Web.Features</c> and are checked on their own.
    /// </summary>
    private static readonly string[] NotModules = ["Shared"];

    /// <summary>The modules: the first namespace segment under Liaison.Web.Features.</summary>
    private static string[] Modules() => Web.GetTypes()
        .Select(t => t.Namespace)
        .Where(n => n is not null && n.StartsWith(Features, StringComparison.Ordinal))
        .Select(n => n![Features.Length..].Split('.')[0])
        .Distinct()
        .Where(m => !NotModules.Contains(m))
        .Order(StringComparer.Ordinal)
        .ToArray();

    /// <summary>
    /// What another may not name of <paramref name="module"/>: every type outside its Contracts namespace and the kernel.
    /// NetArchTest matches names segment by segment from the left, so a sub-namespace covers its types, and the module's
    /// own namespace (which holds its module class and its core) is given type by type, lest "Directory" cover the
    /// kernel's "Directory.Agencies".
    /// </summary>
    private static string[] Internals(string module)
    {
        var root = Features + module;
        return Web.GetTypes()
            .Where(t => t.Namespace is { } n && (n == root || n.StartsWith(root + ".", StringComparison.Ordinal)))
            .Where(t => !Kernel.Contains(t.Namespace) && t.Namespace != root + ".Contracts")
            .Select(t => t.Namespace == root ? t.FullName!.Split('`', '+')[0] : t.Namespace!)
            .Distinct()
            .ToArray();
    }

    /// <summary>The types of <paramref name="module"/>: its classes, and the views compiled from its folder.</summary>
    private static PredicateList TypesOf(string module) => Types.InAssembly(Web).That()
        .ResideInNamespace(Features + module).Or().ResideInNamespaceStartingWith(Features + module + ".")
        .Or().HaveNameStartingWith("Features_" + module + "_");

    [Fact]
    public void The_modules_are_the_ones_program_lists()
    {
        Assert.Equal(["Administration", "Directory", "Notifications", "Portfolio", "Relationships", "Renewals", "Reporting", "SavedViews", "Search", "Surveys"], Modules());
    }

    [Fact]
    public void Platform_names_no_module_beyond_the_kernel()
    {
        var forbidden = Modules().SelectMany(Internals).ToArray();
        Assert.Contains("Liaison.Web.Features.Portfolio.QuickWins", forbidden);
        Assert.Contains("Liaison.Web.Features.Portfolio.PortfolioDemo", forbidden);
        Assert.Contains("Liaison.Web.Features.Directory.DirectoryModule", forbidden); // only Program.cs lists the modules
        var result = Types.InAssembly(Web).That().ResideInNamespaceStartingWith("Liaison.Web.Platform")
            .ShouldNot().HaveDependencyOnAny(forbidden).GetResult();
        Assert.True(result.IsSuccessful, "Platform types that name a module: " + string.Join(", ", result.FailingTypeNames ?? []));
    }

    [Fact]
    public void A_module_names_another_only_through_its_contracts()
    {
        var failures = new List<string>();
        foreach (var module in Modules())
        {
            var others = Modules().Where(m => m != module).SelectMany(Internals).ToArray();
            var result = TypesOf(module).ShouldNot().HaveDependencyOnAny(others).GetResult();
            if (!result.IsSuccessful)
                failures.AddRange(result.FailingTypeNames.Select(t => $"{module}: {t}"));
        }
        Assert.True(failures.Count == 0, "Types that name another module's internals:\n" + string.Join("\n", failures));
    }

    [Fact]
    public void The_application_pages_name_modules_only_through_their_contracts()
    {
        // The home, error and status pages (and the shared layout and partials) compose what modules contribute.
        var internals = Modules().SelectMany(Internals).ToArray();
        var result = Types.InAssembly(Web).That().ResideInNamespaceMatching(@"^Liaison\.Web\.Features(\.Shared)?$")
            .ShouldNot().HaveDependencyOnAny(internals).GetResult();
        Assert.True(result.IsSuccessful, "Application pages that name a module's internals: " + string.Join(", ", result.FailingTypeNames ?? []));
    }

    [Fact]
    public void The_rule_can_fail()
    {
        // The Relationships module's agency page section names its own internals, so checking it against itself fails.
        var own = Internals("Relationships");
        Assert.False(TypesOf("Relationships").ShouldNot().HaveDependencyOnAny(own).GetResult().IsSuccessful);
    }
}
