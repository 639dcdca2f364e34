using Liaison.Web.Platform.Auth;
using Liaison.Web.Platform.Time;
using Liaison.Web.Platform.Web;

namespace Liaison.Web.Platform.Modules;

internal enum Urgency
{
    Late,
    Due,
    Upcoming,
}

/// <summary>One thing on someone's plate, as a section of "My work" lists it.</summary>
internal sealed record MyWorkItem(string Title, string Detail, string Link, Urgency Urgency, DateOnly? When, string? Agency);

/// <summary>A section of "My work". Each module contributes its own (register with AddScoped&lt;IMyWorkSource, ...&gt;).</summary>
internal interface IMyWorkSource
{
    /// <summary>A short stable name for the section, used in links ("show all") and the API.</summary>
    string Key { get; }

    string Section { get; }

    /// <summary>Sections appear in this order.</summary>
    int Order { get; }

    /// <summary>Shown when the section has nothing: the reassurance that nothing is waiting.</summary>
    string Empty { get; }

    /// <summary>The most urgent <paramref name="limit"/> items, and how many there are in all.</summary>
    Task<MyWorkPart> ItemsAsync(MyWorkScope scope, int limit, CancellationToken ct);
}

internal sealed record MyWorkPart(IReadOnlyList<MyWorkItem> Items, int Total)
{
    public static readonly MyWorkPart None = new([], 0);
}

/// <summary>
/// Whose work: the user, their directory entry, the agencies they manage (as a set, and as a subquery for SQL, which
/// EF translates once rather than as a list of ids it must translate anew for every request), and today.
/// </summary>
internal sealed record MyWorkScope(int UserId, int? PersonId, IReadOnlySet<int> Agencies, IQueryable<int> AgencyIds, DateOnly Today);

/// <summary>A section of "My work" as shown: its source's name and reassurance, its most urgent items, and how many there are.</summary>
internal sealed record MyWorkSection(string Key, string Title, string Empty, IReadOnlyList<MyWorkItem> Items, int Total);

/// <summary>"My work": every module's sources for the signed-in user, in their order (the home page and the My work page show it).</summary>
internal sealed class GetMyWork(IEnumerable<IMyWorkSource> sources, AccessRule access, OrganisationClock clock, DerivedCache cache)
{
    /// <summary>How many items a section shows unless it is opened in full.</summary>
    public const int SectionLimit = 15;

    /// <summary>The most a section opened in full lists.</summary>
    public const int FullLimit = 500;

    /// <summary>
    /// Every section with its most urgent items; the section named by <paramref name="expand"/> in full (up to
    /// <see cref="FullLimit"/>). Kept for the user until the next save (or a minute: upcoming meetings move with the
    /// clock): a manager comes back to it all day, and every module adds its queries to it.
    /// </summary>
    public Task<IReadOnlyList<MyWorkSection>> HandleAsync(string? expand, CancellationToken ct)
    {
        var today = clock.Today;
        return cache.GetAsync($"my-work:{access.User.Id}:{today:yyyy-MM-dd}:{expand?.ToLowerInvariant()}", () => ComputeAsync(expand, today, ct));
    }

    private async Task<IReadOnlyList<MyWorkSection>> ComputeAsync(string? expand, DateOnly today, CancellationToken ct)
    {
        var scope = new MyWorkScope(access.User.Id ?? -1, access.User.PersonId, await access.AssignedAgenciesAsync(ct), access.AssignedAgencyIds, today);
        var sections = new List<MyWorkSection>();
        foreach (var source in sources.OrderBy(s => s.Order))
        {
            var limit = string.Equals(expand, source.Key, StringComparison.OrdinalIgnoreCase) ? FullLimit : SectionLimit;
            var part = await source.ItemsAsync(scope, limit, ct);
            sections.Add(new MyWorkSection(source.Key, source.Section, source.Empty, part.Items, part.Total));
        }
        return sections;
    }
}
