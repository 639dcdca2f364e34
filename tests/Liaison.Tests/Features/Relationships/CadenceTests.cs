using Liaison.Web.Features.Relationships;

namespace Liaison.Tests.Features.Relationships;

/// <summary>The engagement plan's cadence at its edges: due on the day the interval ends, overdue the day after.</summary>
[Trait("Provider", "Independent")]
public sealed class CadenceTests
{
    private static readonly DateOnly Today = new(2026, 11, 22);

    [Theory]
    [InlineData("W", 7, "DueSoon")]
    [InlineData("W", 8, "Overdue")]
    [InlineData("S", 15, "DueSoon")]
    [InlineData("S", 16, "Overdue")]
    [InlineData("M", 31, "DueSoon")]
    [InlineData("M", 32, "Overdue")]
    [InlineData("Q", 92, "DueSoon")]
    [InlineData("Q", 93, "Overdue")]
    [InlineData("Q", 85, "DueSoon")]
    [InlineData("Q", 84, "OnTrack")]
    [InlineData("M", 0, "OnTrack")]
    [InlineData("AN", 400, "NotTracked")]
    [InlineData("AR", 400, "NotTracked")]
    internal void The_state_follows_the_frequency_and_the_last_touch(string frequency, int daysSinceTouch, string expected)
    {
        var state = Cadence.State(Enum.Parse<Frequency>(frequency), Today.AddDays(-daysSinceTouch), Today);
        Assert.Equal(Enum.Parse<CadenceState>(expected), state);
    }

    [Theory]
    [InlineData("W", 7)]
    [InlineData("S", 15)]
    [InlineData("M", 31)]
    [InlineData("Q", 92)]
    internal void The_next_touch_is_due_one_interval_after_the_last(string frequency, int days)
    {
        var last = new DateOnly(2026, 1, 31);
        Assert.Equal(last.AddDays(days), Cadence.NextDue(Enum.Parse<Frequency>(frequency), last, Today));
    }

    [Fact]
    internal void A_contact_never_touched_is_due_now_and_overdue()
    {
        Assert.Equal(Today, Cadence.NextDue(Frequency.M, null, Today));
        Assert.Equal(CadenceState.Overdue, Cadence.State(Frequency.M, null, Today));
        Assert.Equal(CadenceState.NotTracked, Cadence.State(null, null, Today));
    }
}
