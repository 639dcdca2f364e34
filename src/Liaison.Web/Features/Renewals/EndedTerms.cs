using Liaison.Web.Platform.Data;
using Liaison.Web.Platform.Time;
using Microsoft.EntityFrameworkCore;

namespace Liaison.Web.Features.Renewals;

/// <summary>
/// What happens when a term ends, done by the renewals job as the system: a renewal ordered expressly that is still
/// open (no PO, not paid, not given up) becomes lapsed; a tacit renewal that nobody cancelled renewed on its own, so it
/// is marked renewing tacitly and its next term is logged from the day after, with its own last safe date counted from
/// the new term's end (never the first term's). Idempotent, so a run after downtime catches up once, and a term that
/// ended long ago rolls forward term by term until today.
/// </summary>
internal sealed class EndedTerms(LiaisonDbContext db, OrganisationClock clock, ILogger<EndedTerms> log)
{
    private const int Batch = 200;

    /// <summary>A rolled term is rolled again if it too has ended; at most this many terms a run (a daily job catches up the rest).</summary>
    private const int MaxRounds = 40;

    public async Task<(int Lapsed, int Rolled)> HandleAsync(CancellationToken ct)
    {
        var today = clock.Today;
        var lapsed = 0;
        while (true)
        {
            var ended = await db.Renewals.IgnoreQueryFilters()
                .Where(r => !r.RenewsTacitly && r.TermEnd < today && RenewalDates.OpenStatuses.Contains(r.Status))
                .OrderBy(r => r.Id).Take(Batch).ToListAsync(ct);
            if (ended.Count == 0)
                break;
            foreach (var renewal in ended)
                renewal.Status = RenewalStatus.Lapsed;
            await db.SaveChangesAsync(ct);
            db.ChangeTracker.Clear();
            lapsed += ended.Count;
        }

        var rolled = 0;
        var all = db.Renewals.IgnoreQueryFilters();
        for (var round = 0; round < MaxRounds; round++)
        {
            var renewed = await db.Renewals.IgnoreQueryFilters()
                .Where(r => r.RenewsTacitly && r.TermEnd < today && r.Status != RenewalStatus.NotRenewing && r.Status != RenewalStatus.Cancelled
                    && r.Status != RenewalStatus.Lapsed && !all.Any(n => n.PreviousRenewalId == r.Id))
                .OrderBy(r => r.Id).Take(Batch).ToListAsync(ct);
            if (renewed.Count == 0)
                break;
            foreach (var renewal in renewed)
            {
                if (RenewalDates.IsOpen(renewal.Status))
                    renewal.Status = RenewalStatus.RenewingTacitly;
                var next = ManageRenewals.NextTermOf(renewal);
                next.Cost = renewal.Cost; // it renewed on the same terms unless someone says otherwise
                next.Seats = renewal.Seats;
                next.CostPerSeat = renewal.CostPerSeat;
                next.Notes = $"Renewed tacitly when the term ended on {renewal.TermEnd:d MMM yyyy} (logged by Liaison).";
                db.Renewals.Add(next);
            }
            await db.SaveChangesAsync(ct);
            db.ChangeTracker.Clear();
            rolled += renewed.Count;
        }
        if (lapsed + rolled > 0)
            log.LogInformation("Renewals: {Lapsed} lapsed, {Rolled} tacit renewals rolled to their next term", lapsed, rolled);
        return (lapsed, rolled);
    }
}

/// <summary>Lapses and rolls forward the terms that ended (hourly, Renewals:CheckMinutes), on one instance at a time.</summary>
[Quartz.DisallowConcurrentExecution]
internal sealed class RenewalsJob(IServiceScopeFactory scopes) : Quartz.IJob
{
    public async ValueTask Execute(Quartz.IJobExecutionContext context, CancellationToken cancellationToken = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<EndedTerms>().HandleAsync(cancellationToken);
    }
}
