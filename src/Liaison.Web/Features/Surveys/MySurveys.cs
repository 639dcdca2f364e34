using Liaison.Web.Platform.Auth;
using Liaison.Web.Platform.Data;
using Liaison.Web.Platform.Time;
using Liaison.Web.Platform.Web;
using Microsoft.EntityFrameworkCore;

namespace Liaison.Web.Features.Surveys;

internal sealed record MySurvey(int RecipientId, int WaveId, string Wave, DateOnly OpensOn, DateOnly ClosesOn, bool IsOpen, DateTime? SubmittedAt, bool ResultsPublished);

/// <summary>
/// A signed-in person's own surveys (an agency user's, through their directory entry): the open ones to answer, and past
/// answers. Opening one issues a fresh personal link, as an email would, so the form is the same one.
/// </summary>
internal sealed class MySurveys(LiaisonDbContext db, AccessRule access, OrganisationClock clock)
{
    public async Task<IReadOnlyList<MySurvey>> ListAsync(CancellationToken ct)
    {
        if (access.User.PersonId is not { } person)
            return [];
        var today = clock.Today;
        var rows = await db.SurveyRecipients.AsNoTracking().Where(r => r.PersonId == person && r.InvitedAt != null)
            .OrderByDescending(r => r.Wave!.OpensOn).Take(100)
            .Select(r => new { r.Id, r.WaveId, r.Wave!.Name, r.Wave.OpensOn, r.Wave.ClosesOn, r.Wave.Status, r.SubmittedAt, r.Wave.PublishedToAgencies })
            .ToListAsync(ct);
        return rows.Select(r => new MySurvey(r.Id, r.WaveId, r.Name, r.OpensOn, r.ClosesOn,
            r.Status == WaveStatus.Open && today >= r.OpensOn && today <= r.ClosesOn, r.SubmittedAt, r.PublishedToAgencies)).ToList();
    }

    /// <summary>Whether the recipient is the signed-in person, invited.</summary>
    public async Task<bool> IsMineAsync(int recipientId, CancellationToken ct) =>
        access.User.PersonId is { } person && await db.SurveyRecipients.AsNoTracking().AnyAsync(r => r.Id == recipientId && r.PersonId == person && r.InvitedAt != null, ct);

    /// <summary>A fresh link to the signed-in person's own response (none for anyone else's).</summary>
    public async Task<Result<string>> OpenAsync(int recipientId, CancellationToken ct)
    {
        if (access.User.PersonId is not { } person)
            return Result<string>.NotFound();
        var mine = await db.SurveyRecipients.AsNoTracking().AnyAsync(r => r.Id == recipientId && r.PersonId == person && r.InvitedAt != null, ct);
        if (!mine)
            return Result<string>.NotFound();
        var token = SurveyTokens.NewToken();
        db.SurveyLinks.Add(new SurveyLink { RecipientId = recipientId, TokenHash = SurveyTokens.Hash(token), IssuedAt = clock.UtcNow });
        await db.SaveChangesAsync(ct);
        return Result<string>.Ok(token);
    }
}
