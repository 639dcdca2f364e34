using Liaison.Web.Features.Renewals;

namespace Liaison.Tests.Features.Renewals;

/// <summary>The renewal log's date arithmetic: the last safe date, the next term, the fiscal year.</summary>
[Trait("Provider", "Independent")]
public sealed class RenewalDatesTests
{
    [Theory]
    // 31 days' notice before a term ending on 1 March: 30 January in a leap year, 29 January otherwise.
    [InlineData("2028-03-01", 31, 0, "2028-01-30")]
    [InlineData("2027-03-01", 31, 0, "2027-01-29")]
    // A term ending on 29 February, 30 days' notice and 14 days' lead time.
    [InlineData("2028-02-29", 30, 14, "2028-01-16")]
    // Across a fiscal and calendar year: 90 + 30 days before 31 January.
    [InlineData("2027-01-31", 90, 30, "2026-10-03")]
    // Month ends: 30 days before 31 March is 1 March.
    [InlineData("2027-03-31", 30, 0, "2027-03-01")]
    [InlineData("2027-06-30", 0, 0, "2027-06-30")]
    public void The_last_safe_date_is_the_term_end_less_notice_less_lead_time(string termEnd, int notice, int lead, string expected) =>
        Assert.Equal(DateOnly.Parse(expected, System.Globalization.CultureInfo.InvariantCulture),
            RenewalDates.LastSafeDate(DateOnly.Parse(termEnd, System.Globalization.CultureInfo.InvariantCulture), notice, lead));

    [Fact]
    public void The_last_safe_date_never_falls_before_the_calendar()
    {
        Assert.Equal(DateOnly.MinValue, RenewalDates.LastSafeDate(new DateOnly(1, 1, 10), RenewalDates.MaxDays, RenewalDates.MaxDays));
    }

    [Theory]
    // A fiscal year, 1 July to 30 June: the next is the same.
    [InlineData("2026-07-01", "2027-06-30", "2027-07-01", "2028-06-30")]
    // Starting 1 March in a leap year: the next ends on the last day of February, 28 or 29.
    [InlineData("2024-03-01", "2025-02-28", "2025-03-01", "2026-02-28")]
    [InlineData("2027-03-01", "2028-02-29", "2028-03-01", "2029-02-28")]
    // Whole months from the 15th, across 29 February.
    [InlineData("2028-02-15", "2029-02-14", "2029-02-15", "2030-02-14")]
    // A three-year term is followed by another three years.
    [InlineData("2025-01-01", "2027-12-31", "2028-01-01", "2030-12-31")]
    // Not whole months: as many days.
    [InlineData("2027-01-10", "2027-04-20", "2027-04-21", "2027-07-30")]
    public void The_next_term_follows_on_and_is_as_long(string start, string end, string nextStart, string nextEnd)
    {
        static DateOnly D(string s) => DateOnly.Parse(s, System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal((D(nextStart), D(nextEnd)), RenewalDates.NextTerm(D(start), D(end)));
    }

    [Fact]
    public void A_fiscal_year_is_named_by_the_year_it_ends_in()
    {
        Assert.Equal((new DateOnly(2026, 7, 1), new DateOnly(2027, 6, 30)), RenewalDates.FiscalYear(2027, 7));
        Assert.Equal((new DateOnly(2027, 1, 1), new DateOnly(2027, 12, 31)), RenewalDates.FiscalYear(2027, 1));
        Assert.Equal((new DateOnly(2026, 10, 1), new DateOnly(2027, 9, 30)), RenewalDates.FiscalYear(2027, 10));
    }

    [Fact]
    public void Only_ordered_paid_tacit_unwanted_or_cancelled_renewals_are_settled()
    {
        Assert.Equal([RenewalStatus.PoIssued, RenewalStatus.Paid, RenewalStatus.RenewingTacitly, RenewalStatus.NotRenewing, RenewalStatus.Cancelled],
            Enum.GetValues<RenewalStatus>().Where(RenewalDates.IsSettled));
        Assert.Equal([RenewalStatus.NotStarted, RenewalStatus.QuoteRequested, RenewalStatus.QuoteReceived, RenewalStatus.TicketEntered],
            Enum.GetValues<RenewalStatus>().Where(RenewalDates.IsOpen));
    }
}
