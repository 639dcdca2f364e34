using Liaison.Web.Platform.Modules;

namespace Liaison.Web.Features.Renewals.Procurement;

/// <summary>The agency's open procurement requests on its page, for whoever may see the agency (its own users included).</summary>
internal sealed record AgencyProcurementModel(AgencyPageContext Page, IReadOnlyList<ProcurementCard> Requests, int Count, bool MayRaise);

/// <summary>The procurement section of the agency page: what the agency has asked to buy and where each request stands.</summary>
internal sealed class AgencyProcurementSection(ManageProcurement procurement) : IAgencySection
{
    public const int Shown = 10;

    public int Order => 55;

    public string View => "/Features/Renewals/Procurement/_AgencyProcurement.cshtml";

    public async Task<object?> LoadAsync(AgencyPageContext page, CancellationToken ct)
    {
        if (!procurement.MaySee)
            return null;
        var (requests, count) = await procurement.OpenForAgencyAsync(page.AgencyId, Shown, ct);
        return new AgencyProcurementModel(page, requests, count, page.IsActive && await procurement.MayRaiseAsync(ct));
    }
}
