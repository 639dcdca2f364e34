using Liaison.Web.Platform.Auth;
using Liaison.Web.Platform.Modules;

namespace Liaison.Web.Features.Portfolio;

/// <summary>The agency's initiatives on its page (the fields shared with the agency, for every user who may see it).</summary>
internal sealed record AgencyInitiativesModel(AgencyPageContext Page, IReadOnlyList<SharedInitiative> Initiatives, bool IsProvider);

/// <summary>The portfolio's section of the agency page.</summary>
internal sealed class AgencyInitiativesSection(ListInitiatives initiatives, AccessRule access) : IAgencySection
{
    public int Order => 50;

    public string View => "/Features/Portfolio/_AgencyInitiatives.cshtml";

    public async Task<object?> LoadAsync(AgencyPageContext page, CancellationToken ct) =>
        new AgencyInitiativesModel(page, await initiatives.SharedForAgencyAsync(page.AgencyId, ct), access.CanSeeProviderRecords);
}
