using Liaison.Web;
using Liaison.Web.Features.Administration;
using Liaison.Web.Features.Directory;
using Liaison.Web.Features.Notifications;
using Liaison.Web.Features.Portfolio;
using Liaison.Web.Features.Relationships;
using Liaison.Web.Features.Renewals;
using Liaison.Web.Features.Reporting;
using Liaison.Web.Features.SavedViews;
using Liaison.Web.Features.Search;
using Liaison.Web.Features.Surveys;
using Liaison.Web.Platform;
using Liaison.Web.Platform.Modules;

await LiaisonHost.RunAsync(args, LiaisonProduct.Modules());

/// <summary>The entry point, visible to the test host.</summary>
public partial class Program;

namespace Liaison.Web
{
    /// <summary>Liaison's modules, in order. Adding a module is one line here (see docs/architecture.md).</summary>
    internal static class LiaisonProduct
    {
        public static ILiaisonModule[] Modules() =>
        [
            new DirectoryModule(),
            new AdministrationModule(),
            new RelationshipsModule(),
            new PortfolioModule(),
            new RenewalsModule(),
            new SurveysModule(),
            new ReportingModule(),
            new SearchModule(),
            new NotificationsModule(),
            new SavedViewsModule(),
        ];
    }
}
