using Liaison.Web.Features.Administration.Settings;
using Liaison.Web.Features.Surveys;

namespace Liaison.Tests.Features.Surveys;

/// <summary>The arithmetic behind every score, against figures worked out by hand.</summary>
[Trait("Provider", "Independent")]
public sealed class SurveyScoresTests
{
    [Fact]
    public void Satisfaction_is_the_mean_of_the_ratings_with_their_count()
    {
        Assert.Null(Satisfaction.Of([]).Average);
        Assert.Null(Satisfaction.Of([]).MeetsTarget);
        Assert.Equal(3.0, Satisfaction.Of([3]).Average);
        Assert.Equal(1, Satisfaction.Of([3]).Count);
        Assert.Equal(3.5, Satisfaction.Of([3, 4]).Average); // a tie between two ratings
        Assert.Equal(4.0, Satisfaction.Of([5, 4, 3]).Average);
        Assert.True(Satisfaction.Of([5, 4, 3]).MeetsTarget); // 4.0 meets "at least 4.0"
        Assert.Equal(3.67, Satisfaction.Of([5, 4, 2]).Average); // 11 / 3 = 3.666…
        Assert.False(Satisfaction.Of([5, 4, 2]).MeetsTarget);
    }

    [Fact]
    public void The_net_promoter_score_is_promoters_less_detractors_in_points_of_all_answers()
    {
        Assert.Null(NetPromoter.Of([]).Score); // no answers: no score, not zero
        Assert.Equal(100, NetPromoter.Of([9]).Score); // a single answer
        Assert.Equal(-100, NetPromoter.Of([6]).Score);
        Assert.Equal(0, NetPromoter.Of([7]).Score); // a passive counts in the whole, not either side
        Assert.Equal(100, NetPromoter.Of([9, 10, 10, 9]).Score); // all promoters
        var mixed = NetPromoter.Of([10, 9, 8, 7, 7, 6, 0]); // 2 promoters, 3 passive, 2 detractors of 7
        Assert.Equal((2, 3, 2, 7), (mixed.Promoters, mixed.Passives, mixed.Detractors, mixed.Count));
        Assert.Equal(0, mixed.Score);
        Assert.Equal(14, NetPromoter.Of([10, 9, 8, 8, 7, 7, 0]).Score); // (2 − 1) / 7 = 14.3
        Assert.Equal(17, NetPromoter.Of([10, 8, 8, 8, 8, 8]).Score); // 1 / 6 = 16.7, rounded
        Assert.Equal(-25, NetPromoter.Of([9, 6, 5, 8]).Score); // (1 − 2) / 4
        Assert.False(NetPromoter.Of([9, 9, 9, 8, 8, 8, 8, 6, 6, 9]).MeetsTarget); // (4 − 2) / 10 = 20
        Assert.False(new NetPromoter(13, 0, 7).MeetsTarget); // exactly 30 is not above 30
        Assert.True(new NetPromoter(14, 0, 6).MeetsTarget); // 40
    }

    [Fact]
    public void Two_business_days_skip_weekends_and_the_states_holidays()
    {
        var settings = new OrganisationSettings { Holidays = "2027-01-18\n2026-12-25" };
        // Friday 15 January 2027, Monday the 18th is Martin Luther King Jr. Day: Tuesday is the first business day, Wednesday the second.
        Assert.Equal(new DateOnly(2027, 1, 20), settings.AddBusinessDays(new DateOnly(2027, 1, 15), 2));
        // A Wednesday: Thursday and Friday.
        Assert.Equal(new DateOnly(2027, 1, 8), settings.AddBusinessDays(new DateOnly(2027, 1, 6), 2));
        // Thursday 24 December 2026: Christmas Friday and the weekend do not count; Monday and Tuesday.
        Assert.Equal(new DateOnly(2026, 12, 29), settings.AddBusinessDays(new DateOnly(2026, 12, 24), 2));
        // A Saturday: Monday and Tuesday.
        Assert.Equal(new DateOnly(2027, 1, 12), settings.AddBusinessDays(new DateOnly(2027, 1, 9), 2));
        Assert.Null(OrganisationSettings.ParseHolidays("2027-02-30"));
        Assert.Equal([1, 7], OrganisationSettings.ParseMonths("7, 1"));
        Assert.Null(OrganisationSettings.ParseMonths("13"));
    }

    [Fact]
    public void Links_carry_256_random_bits_and_only_their_hash_is_kept()
    {
        var tokens = Enumerable.Range(0, 1000).Select(_ => SurveyTokens.NewToken()).ToList();
        Assert.Equal(1000, tokens.Distinct().Count());
        Assert.All(tokens, t => Assert.True(SurveyTokens.LooksLikeToken(t), t));
        Assert.Equal(64, SurveyTokens.Hash(tokens[0]).Length);
        Assert.NotEqual(SurveyTokens.Hash(tokens[0]), SurveyTokens.Hash(tokens[1]));
        Assert.False(SurveyTokens.LooksLikeToken("../../etc/passwd"));
        Assert.False(SurveyTokens.LooksLikeToken(tokens[0][..42]));
    }
}
