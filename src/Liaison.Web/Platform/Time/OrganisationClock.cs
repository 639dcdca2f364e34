using System.Globalization;

namespace Liaison.Web.Platform.Time;

/// <summary>
/// The organisation's clock: "today" is the date where the organisation is (Organisation:TimeZone, America/Chicago by
/// default), not in UTC, so a contact is not overdue and an initiative not stale a day early after 6 pm in Central time.
/// Every due date, overdue flag, staleness and cadence asks it; instants are stored in UTC.
/// </summary>
internal sealed class OrganisationClock(TimeProvider clock, IConfiguration config)
{
    public TimeZoneInfo Zone { get; } = TimeZoneInfo.FindSystemTimeZoneById(config["Organisation:TimeZone"] is { Length: > 0 } id ? id : "America/Chicago");

    /// <summary>The zone's IANA name (America/Chicago), as calendars name it, whichever form the configuration used.</summary>
    public string IanaZoneId => Zone.HasIanaId ? Zone.Id : TimeZoneInfo.TryConvertWindowsIdToIanaId(Zone.Id, out var iana) ? iana : Zone.Id;

    /// <summary>Now, as an instant in UTC.</summary>
    public DateTime UtcNow => clock.GetUtcNow().UtcDateTime;

    /// <summary>Today where the organisation is.</summary>
    public DateOnly Today => DateOnly.FromDateTime(ToLocal(UtcNow));

    public DateTime ToUtc(DateTime local) => TimeZoneInfo.ConvertTimeToUtc(DateTime.SpecifyKind(local, DateTimeKind.Unspecified), Zone);

    public DateTime ToLocal(DateTime utc) => TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), Zone);

    /// <summary>The organisation's date of an instant.</summary>
    public DateOnly DateOf(DateTime utc) => DateOnly.FromDateTime(ToLocal(utc));

    public string Format(DateTime utc) => ToLocal(utc).ToString("ddd d MMM yyyy, h:mm tt", CultureInfo.InvariantCulture);
}
