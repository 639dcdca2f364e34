using Liaison.Web.Platform.Auth;

namespace Liaison.Web.Features.Portfolio;

/// <summary>Who holds an initiative: what deciding who may change it needs to know of it.</summary>
internal sealed record InitiativeHolders(int AgencyId, int? OwnerPersonId, int? RelationshipManagerPersonId, int? HandedToPmoPersonId)
{
    public static InitiativeHolders Of(Initiative i) => new(i.AgencyId, i.OwnerPersonId, i.RelationshipManagerPersonId, i.HandedToPmoPersonId);
}

/// <summary>Why a write of an initiative is refused.</summary>
internal enum InitiativeRefusal
{
    /// <summary>Agency users read their initiatives; they never write the portfolio.</summary>
    NotProviderStaff,

    /// <summary>The initiative as it is: not one of the user's agencies, and the user neither owns nor manages it.</summary>
    NotTheirs,

    /// <summary>The initiative as it will be: it would belong to an agency whose records the user may not write.</summary>
    AgencyNotTheirs,
}

/// <summary>
/// Who may write an initiative, asked the same way by the form, the API and the import. Administrators and the agency's
/// relationship managers may write any of its initiatives; the initiative's own project manager, relationship manager
/// or PMO lead may write that one; staff may add an initiative they will own. Moving an initiative to another agency
/// needs the right to write that agency's records, since its users will see it.
/// </summary>
internal sealed class InitiativePolicy(AccessRule access)
{
    public bool IsProviderUser => access.CanSeeProviderRecords;

    /// <summary>Whether the user may change the initiative as it is.</summary>
    public async Task<bool> MayEditAsync(InitiativeHolders current, CancellationToken ct)
    {
        if (!IsProviderUser)
            return false;
        var me = access.User.PersonId;
        return (me is not null && (current.OwnerPersonId == me || current.RelationshipManagerPersonId == me || current.HandedToPmoPersonId == me))
            || await access.CanEditAgencyRecordsAsync(current.AgencyId, ct);
    }

    /// <summary>
    /// Why the user may not write the initiative as it is (<paramref name="current"/>, null for a new one) and as it will
    /// be (its agency and owner afterwards); null when they may.
    /// </summary>
    public async Task<InitiativeRefusal?> RefusalAsync(InitiativeHolders? current, int targetAgencyId, int? targetOwnerPersonId, CancellationToken ct)
    {
        if (!IsProviderUser)
            return InitiativeRefusal.NotProviderStaff;
        if (current is null)
        {
            var me = access.User.PersonId;
            return await access.CanEditAgencyRecordsAsync(targetAgencyId, ct) || (me is not null && targetOwnerPersonId == me)
                ? null
                : InitiativeRefusal.AgencyNotTheirs;
        }
        if (!await MayEditAsync(current, ct))
            return InitiativeRefusal.NotTheirs;
        return targetAgencyId == current.AgencyId || await access.CanEditAgencyRecordsAsync(targetAgencyId, ct)
            ? null
            : InitiativeRefusal.AgencyNotTheirs;
    }
}
