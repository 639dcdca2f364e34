using Liaison.Web.Platform.Data;

namespace Liaison.Web.Features.Administration.Settings;

/// <summary>The deployment's own words and calendar. One row.</summary>
internal sealed class OrganisationSettings : IVersioned, ITimestamped
{
    public const int SingletonId = 1;

    public int Id { get; set; } = SingletonId;
    public string OrganisationName { get; set; } = "Central IT";

    /// <summary>What relationship managers are called here: ARM, client liaison, ...</summary>
    public string RelationshipManagerTitle { get; set; } = "Relationship manager";

    /// <summary>1 = January ... 12 = December. July by default, as most US states.</summary>
    public int FiscalYearStartMonth { get; set; } = 7;

    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
    public int Version { get; set; }

    /// <summary>The fiscal year a date falls in, named by the calendar year it ends in (FY27 = Jul 2026–Jun 2027).</summary>
    public int FiscalYearOf(DateOnly date) =>
        FiscalYearStartMonth == 1 || date.Month < FiscalYearStartMonth ? date.Year : date.Year + 1;
}
