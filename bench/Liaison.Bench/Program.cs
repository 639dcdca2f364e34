using Liaison.Web;
using Liaison.Web.Platform;

namespace Liaison.Bench;

/// <summary>Liaison as the benchmark runs it: the product's modules and the benchmark's.</summary>
internal static class BenchProgram
{
    public static Task Main(string[] args) => LiaisonHost.RunAsync(args, [.. LiaisonProduct.Modules(), new BenchModule()]);
}
