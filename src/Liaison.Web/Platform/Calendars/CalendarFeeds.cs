using Liaison.Web.Platform.Auditing;
using Liaison.Web.Platform.Auth;
using Liaison.Web.Platform.Data;
using Liaison.Web.Platform.Time;
using Liaison.Web.Platform.Web;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Liaison.Web.Platform.Calendars;

/// <summary>
/// What a module adds to each user's calendar feed (register with <c>services.AddScoped&lt;ICalendarSource, ...&gt;()</c>):
/// meetings and action items' due dates today; renewal dates and project milestones later.
/// </summary>
internal interface ICalendarSource
{
    /// <summary>The events of the person behind the feed. Anonymous: the feed's secret is the credential, so no signed-in user filters them.</summary>
    Task<IReadOnlyList<CalendarEvent>> EventsAsync(int personId, CancellationToken ct);
}

/// <summary>A user's private calendar feed; only the secret's hash is kept, so the URL can be revoked but never read back.</summary>
[NotAudited]
[Liaison.Web.Platform.Modules.AgencyHealthNeutral]
internal sealed class CalendarFeed
{
    public int UserId { get; set; }
    public User? User { get; set; }
    public string TokenHash { get; set; } = "";
    public DateTime CreatedAt { get; set; }
}

internal sealed class CalendarFeedConfiguration : IEntityTypeConfiguration<CalendarFeed>
{
    public void Configure(EntityTypeBuilder<CalendarFeed> builder)
    {
        builder.ToTable("CalendarFeeds");
        builder.HasKey(f => f.UserId);
        builder.Property(f => f.UserId).ValueGeneratedNever();
        builder.Property(f => f.TokenHash).HasMaxLength(64).IsRequired();
        builder.HasOne(f => f.User).WithOne().HasForeignKey<CalendarFeed>(f => f.UserId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(f => f.TokenHash).IsUnique();
    }
}

/// <summary>
/// Each user's private calendar feed (whatever the modules' calendar sources give their directory entry), at a secret
/// URL that Outlook or Google Calendar subscribe to. Only the secret's hash is stored: a new URL replaces the old one,
/// which stops working.
/// </summary>
internal sealed class CalendarFeeds(LiaisonDbContext db, CurrentUser user, OrganisationClock clock, IEnumerable<ICalendarSource> sources)
{
    private DbSet<CalendarFeed> Feeds => db.Set<CalendarFeed>();

    public Task<bool> ExistsAsync(CancellationToken ct) => Feeds.AnyAsync(f => f.UserId == user.Id, ct);

    /// <summary>Creates (or replaces) the user's feed; answers the secret, shown to them once.</summary>
    public async Task<string> CreateAsync(CancellationToken ct)
    {
        var secret = ApiToken.NewSecret();
        var feed = await Feeds.FirstOrDefaultAsync(f => f.UserId == user.Id, ct);
        if (feed is null)
            Feeds.Add(feed = new CalendarFeed { UserId = user.Id!.Value });
        feed.TokenHash = ApiToken.Hash(secret);
        feed.CreatedAt = clock.UtcNow;
        await db.SaveChangesAsync(ct);
        return secret;
    }

    public async Task RevokeAsync(CancellationToken ct) =>
        await Feeds.Where(f => f.UserId == user.Id).ExecuteDeleteAsync(ct);

    /// <summary>The feed for a secret, or null. Anonymous: the secret is the credential, so nothing is filtered by a signed-in user.</summary>
    public async Task<string?> RenderAsync(string secret, CancellationToken ct)
    {
        var hash = ApiToken.Hash(secret);
        var owner = await Feeds.AsNoTracking().IgnoreQueryFilters().Where(f => f.TokenHash == hash && !f.User!.IsDisabled)
            .Select(f => new { f.User!.DisplayName, f.User.PersonId }).FirstOrDefaultAsync(ct);
        if (owner is null)
            return null;
        var events = new List<CalendarEvent>();
        if (owner.PersonId is { } personId)
            foreach (var source in sources)
                events.AddRange(await source.EventsAsync(personId, ct));
        return CalendarFile.Write($"Liaison — {owner.DisplayName}", events, clock.IanaZoneId);
    }
}

/// <summary>A private calendar feed's address: whoever has it can read the feed.</summary>
internal sealed record CalendarFeedUrl(string Url);

internal static class CalendarEndpoints
{
    /// <summary>The private feed (anonymous: the secret in the URL is the credential) and the API to create or revoke one's own.</summary>
    public static void MapCalendarFeeds(this IEndpointRouteBuilder app, RouteGroupBuilder api)
    {
        app.MapGet("/calendar/{secret}.ics", FeedAsync).AllowAnonymous().ExcludeFromDescription();
        api.MapPost("/me/calendar-feed", CreateAsync).WithTags("Meetings").WithSummary("Create (or replace) your private calendar feed URL; the old one stops working");
        api.MapDelete("/me/calendar-feed", RevokeAsync).WithTags("Meetings").WithSummary("Revoke your calendar feed URL");
    }

    private static async Task<Results<CalendarDownload, NotFound>> FeedAsync(string secret, CalendarFeeds feeds, CancellationToken ct) =>
        await feeds.RenderAsync(secret, ct) is { } ics ? new CalendarDownload(ics, "liaison.ics") : TypedResults.NotFound();

    private static async Task<Ok<CalendarFeedUrl>> CreateAsync(PublicUrls urls, CalendarFeeds feeds, CancellationToken ct)
    {
        var secret = await feeds.CreateAsync(ct);
        return TypedResults.Ok(new CalendarFeedUrl(urls.Link($"calendar/{secret}.ics")));
    }

    private static async Task<NoContent> RevokeAsync(CalendarFeeds feeds, CancellationToken ct)
    {
        await feeds.RevokeAsync(ct);
        return TypedResults.NoContent();
    }
}
