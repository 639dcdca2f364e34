using System.Reflection;
using Liaison.Web.Platform.Data;
using NetArchTest.Rules;

namespace Liaison.Tests.Features.Architecture;

/// <summary>
/// Platform is what every module stands on, so it depends on no module, except the kernel it is given on purpose: the
/// directory's agencies, people and catalogue, and the organisation's settings, which every module and the access rule
/// read. A module contributes to Platform through its contracts (Platform/Modules), never by Platform naming it.
/// </summary>
[Trait("Provider", "Independent")]
public sealed class ModuleBoundaryTests
{
    private static readonly Assembly Web = typeof(LiaisonDbContext).Assembly;

    /// <summary>The kernel: namespaces of the product Platform may name.</summary>
    private static readonly string[] Kernel =
    [
        "Liaison.Web.Features.Agencies", "Liaison.Web.Features.People", "Liaison.Web.Features.Units",
        "Liaison.Web.Features.LinesOfService", "Liaison.Web.Features.Settings",
    ];

    private static string[] ModuleNamespaces() => Web.GetTypes()
        .Select(t => t.Namespace)
        .Where(n => n is not null && n.StartsWith("Liaison.Web.Features.", StringComparison.Ordinal))
        .Select(n => string.Join('.', n!.Split('.').Take(4)))
        .Distinct()
        .Where(n => !Kernel.Contains(n))
        .Order(StringComparer.Ordinal)
        .ToArray();

    [Fact]
    public void Platform_names_no_module_beyond_the_kernel()
    {
        var modules = ModuleNamespaces();
        Assert.Contains("Liaison.Web.Features.Portfolio", modules);
        Assert.Contains("Liaison.Web.Features.Demo", modules);
        var result = Types.InAssembly(Web).That().ResideInNamespaceStartingWith("Liaison.Web.Platform")
            .ShouldNot().HaveDependencyOnAny(modules).GetResult();
        Assert.True(result.IsSuccessful, "Platform types that name a module: " + string.Join(", ", result.FailingTypeNames ?? []));
    }

    [Fact]
    public void Platform_does_not_list_the_modules_program_does()
    {
        // The module classes live in Liaison.Web.Features itself; only Program.cs names them.
        var result = Types.InAssembly(Web).That().ResideInNamespaceStartingWith("Liaison.Web.Platform")
            .ShouldNot().HaveDependencyOnAny("Liaison.Web.Features.DirectoryModule", "Liaison.Web.Features.AdministrationModule",
                "Liaison.Web.Features.RelationshipsModule", "Liaison.Web.Features.PortfolioModule")
            .GetResult();
        Assert.True(result.IsSuccessful, "Platform types that name a module class: " + string.Join(", ", result.FailingTypeNames ?? []));
    }
}
