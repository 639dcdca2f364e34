using System.ComponentModel.DataAnnotations;
using Liaison.Web.Features.Administration.Settings;
using Liaison.Web.Features.Directory.People;
using Liaison.Web.Features.Relationships.Contracts;
using Liaison.Web.Platform.Auth;
using Liaison.Web.Platform.Data;
using Liaison.Web.Platform.Email;
using Liaison.Web.Platform.Time;
using Liaison.Web.Platform.Web;
using Microsoft.EntityFrameworkCore;

namespace Liaison.Web.Features.Surveys;

internal sealed class WaveInput : IVersionedInput
{
    public int? Version { get; set; }

    [Display(Name = "Name")]
    public string? Name { get; set; }

    [Display(Name = "Template")]
    public int? TemplateId { get; set; }

    [Display(Name = "Opens on")]
    public DateOnly? OpensOn { get; set; }

    [Display(Name = "Closes on")]
    public DateOnly? ClosesOn { get; set; }
}

internal sealed record WaveRow(int Id, string Name, string Template, DateOnly OpensOn, DateOnly ClosesOn, WaveStatus Status, int Recipients, int Answered)
{
    public int? ResponseRate => Recipients == 0 ? null : (int)Math.Round(100.0 * Answered / Recipients, MidpointRounding.AwayFromZero);
}

internal sealed record RecipientRow(int Id, int AgencyId, string Agency, int PersonId, string Name, string Email, DateTime? InvitedAt, int RemindersSent,
    DateTime? BouncedAt, string? BounceReason, DateTime? StartedAt, DateTime? SubmittedAt, bool MayManage);

internal sealed record WaveView(SurveyWave Wave, string Template, IReadOnlyList<RecipientRow> Recipients, bool MayManage, DateOnly Today)
{
    public bool MayChangeRecipients => Wave.Status is WaveStatus.Draft or WaveStatus.Scheduled || (Wave.Status == WaveStatus.Open && !Wave.IsOverOn(Today));
    public int Answered => Recipients.Count(r => r.SubmittedAt is not null);
}

/// <summary>
/// Waves: created by hand (or by the schedule, <see cref="SurveysJob"/>), their recipients (each active agency's key
/// stakeholders by default, less those who opted out), sending, reminders, closing and publishing. Administrators and
/// executives manage waves; an agency's relationship managers manage that agency's recipients.
/// </summary>
internal sealed class ManageWaves(LiaisonDbContext db, AccessRule access, OrganisationClock clock, SurveyMail mail)
{
    public bool MayManage => access.CanManageSurveys;
    public bool MaySee => access.CanSeeUnpublishedSurveyResults;

    /// <summary>The waves, newest first: all of them for those who may see unpublished results, those published to staff for the rest of the provider's staff.</summary>
    public async Task<Result<IReadOnlyList<WaveRow>>> ListAsync(CancellationToken ct)
    {
        if (!MaySee && !access.CanSeeProviderRecords)
            return Result<IReadOnlyList<WaveRow>>.NotFound();
        var waves = db.SurveyWaves.AsNoTracking();
        if (!MaySee)
            waves = waves.Where(w => w.PublishedToStaff);
        var rows = await waves.OrderByDescending(w => w.OpensOn).ThenByDescending(w => w.Id).Take(200)
            .Select(w => new WaveRow(w.Id, w.Name, w.Template!.Name, w.OpensOn, w.ClosesOn, w.Status,
                db.Set<SurveyRecipient>().Count(r => r.WaveId == w.Id), db.Set<SurveyRecipient>().Count(r => r.WaveId == w.Id && r.SubmittedAt != null)))
            .ToListAsync(ct);
        return Result<IReadOnlyList<WaveRow>>.Ok(rows);
    }

    public async Task<Result<WaveView>> GetAsync(int id, CancellationToken ct)
    {
        if (!MaySee)
            return Result<WaveView>.NotFound();
        var wave = await db.SurveyWaves.AsNoTracking().Include(w => w.Template).FirstOrDefaultAsync(w => w.Id == id, ct);
        if (wave is null)
            return Result<WaveView>.NotFound();
        var managed = await access.AssignedAgenciesAsync(ct);
        var rows = (await db.SurveyRecipients.AsNoTracking().Where(r => r.WaveId == id)
            .Select(r => new
            {
                r.Id,
                r.AgencyId,
                Agency = r.Agency!.Name,
                r.PersonId,
                r.Person!.FirstName,
                r.Person.LastName,
                r.Email,
                r.InvitedAt,
                r.RemindersSent,
                r.BouncedAt,
                r.BounceReason,
                r.StartedAt,
                r.SubmittedAt
            })
            .ToListAsync(ct))
            .Select(r => new RecipientRow(r.Id, r.AgencyId, r.Agency, r.PersonId, $"{r.FirstName} {r.LastName}", r.Email, r.InvitedAt, r.RemindersSent,
                r.BouncedAt, r.BounceReason, r.StartedAt, r.SubmittedAt, MayManage || managed.Contains(r.AgencyId)))
            .OrderBy(r => r.Agency, StringComparer.CurrentCultureIgnoreCase).ThenBy(r => r.Name, StringComparer.CurrentCultureIgnoreCase).ToList();
        return Result<WaveView>.Ok(new WaveView(wave, wave.Template!.Name, rows, MayManage, clock.Today));
    }

    /// <summary>A new wave in draft, addressed to every active agency's key stakeholders who have an email and did not opt out.</summary>
    public async Task<Result<SurveyWave>> CreateAsync(WaveInput input, CancellationToken ct)
    {
        if (!MayManage)
            return Result<SurveyWave>.Forbidden();
        var errors = new Dictionary<string, string[]>();
        var name = InputRules.Printable(input.Name)?.Trim();
        if (string.IsNullOrEmpty(name))
            errors[nameof(WaveInput.Name)] = ["Enter a name, such as \"Service assessment, January 2027\"."];
        else if (name.Length > 200)
            errors[nameof(WaveInput.Name)] = ["The name is longer than 200 characters."];
        if (input.TemplateId is not { } templateId || !await db.SurveyTemplates.AnyAsync(t => t.Id == templateId, ct))
            errors[nameof(WaveInput.TemplateId)] = ["Choose a template."];
        if (input.OpensOn is null)
            errors[nameof(WaveInput.OpensOn)] = ["Enter the day the survey opens."];
        else if (input.OpensOn < clock.Today)
            errors[nameof(WaveInput.OpensOn)] = ["The opening day has passed; choose today or later."];
        if (input.ClosesOn is null)
            errors[nameof(WaveInput.ClosesOn)] = ["Enter the day the survey closes."];
        else if (input.OpensOn is { } opens && input.ClosesOn < opens)
            errors[nameof(WaveInput.ClosesOn)] = ["The closing day must be on or after the opening day."];
        else if (input.OpensOn is { } start && input.ClosesOn.Value.DayNumber - start.DayNumber > 366)
            errors[nameof(WaveInput.ClosesOn)] = ["A wave stays open for at most a year."];
        if (errors.Count > 0)
            return Result<SurveyWave>.Invalid(errors);
        var wave = new SurveyWave { Name = name!, TemplateId = input.TemplateId!.Value, OpensOn = input.OpensOn!.Value, ClosesOn = input.ClosesOn!.Value, Status = WaveStatus.Draft };
        db.SurveyWaves.Add(wave);
        await db.SaveChangesAsync(ct);
        await AddDefaultRecipientsAsync(db, wave.Id, ct);
        return Result<SurveyWave>.Ok(wave);
    }

    /// <summary>Each active agency's key stakeholders with an email, less those who opted out and those already on the wave.</summary>
    internal static async Task<int> AddDefaultRecipientsAsync(LiaisonDbContext db, int waveId, CancellationToken ct)
    {
        var people = await db.KeyStakeholdersOf()
            .Where(p => p.Email != null && p.Email != "" && p.Agency!.IsActive)
            .Where(p => !db.Set<SurveyOptOut>().Any(o => o.PersonId == p.Id))
            .Where(p => !db.Set<SurveyRecipient>().Any(r => r.WaveId == waveId && r.PersonId == p.Id))
            .Select(p => new { p.Id, p.AgencyId, p.Email }).ToListAsync(ct);
        foreach (var p in people)
            db.SurveyRecipients.Add(new SurveyRecipient { WaveId = waveId, AgencyId = p.AgencyId!.Value, PersonId = p.Id, Email = p.Email! });
        await db.SaveChangesAsync(ct);
        return people.Count;
    }

    /// <summary>Adds an agency contact (with an email) to a wave not yet closed; invited at once if the wave is open.</summary>
    public async Task<Result<SurveyRecipient>> AddRecipientAsync(int waveId, int? personId, CancellationToken ct)
    {
        if (!MaySee)
            return Result<SurveyRecipient>.NotFound();
        var wave = await db.SurveyWaves.FirstOrDefaultAsync(w => w.Id == waveId, ct);
        if (wave is null)
            return Result<SurveyRecipient>.NotFound();
        var person = personId is { } id ? await db.People.AsNoTracking().FirstOrDefaultAsync(p => p.Id == id, ct) : null;
        if (person is null || person.Kind != PersonKind.AgencyContact || person.AgencyId is null)
            return Result<SurveyRecipient>.Invalid("PersonId", "Choose an agency contact.");
        if (!MayManage && !await access.CanEditAgencyRecordsAsync(person.AgencyId.Value, ct))
            return Result<SurveyRecipient>.Forbidden();
        if (wave.Status == WaveStatus.Closed || wave.IsOverOn(clock.Today))
            return Result<SurveyRecipient>.Invalid("PersonId", "The wave has closed; nobody can be added to it.");
        if (string.IsNullOrWhiteSpace(person.Email))
            return Result<SurveyRecipient>.Invalid("PersonId", $"{person.FullName} has no email address in the directory; add one first.");
        if (!person.IsActive)
            return Result<SurveyRecipient>.Invalid("PersonId", $"{person.FullName} is no longer active in the directory.");
        if (await db.SurveyRecipients.AnyAsync(r => r.WaveId == waveId && r.PersonId == person.Id, ct))
            return Result<SurveyRecipient>.Invalid("PersonId", $"{person.FullName} is already a recipient of this wave.");
        var recipient = new SurveyRecipient { WaveId = waveId, AgencyId = person.AgencyId.Value, PersonId = person.Id, Email = person.Email.Trim() };
        db.SurveyRecipients.Add(recipient);
        await db.SaveChangesAsync(ct);
        if (wave.Status == WaveStatus.Open)
            await mail.InviteAsync(wave, [recipient.Id], ct);
        await db.Entry(recipient).ReloadAsync(ct);
        return Result<SurveyRecipient>.Ok(recipient);
    }

    /// <summary>Removes a recipient not yet invited (before the wave is sent).</summary>
    public async Task<Result<bool>> RemoveRecipientAsync(int waveId, int recipientId, CancellationToken ct)
    {
        var recipient = await FindRecipientAsync(waveId, recipientId, ct);
        if (!recipient.IsOk)
            return recipient.Cast<bool>();
        if (recipient.Value!.InvitedAt is not null)
            return Result<bool>.Invalid("", "This person has been sent the survey; a sent invitation cannot be taken back.");
        db.SurveyRecipients.Remove(recipient.Value);
        await db.SaveChangesAsync(ct);
        return Result<bool>.Ok(true);
    }

    /// <summary>Marks an invitation as bounced (the address is wrong): no more reminders to it, and the manager is shown it to pick someone else.</summary>
    public async Task<Result<bool>> MarkBouncedAsync(int waveId, int recipientId, string? reason, CancellationToken ct)
    {
        var recipient = await FindRecipientAsync(waveId, recipientId, ct);
        if (!recipient.IsOk)
            return recipient.Cast<bool>();
        recipient.Value!.BouncedAt ??= clock.UtcNow;
        var text = InputRules.Printable(reason)?.Trim();
        recipient.Value.BounceReason = string.IsNullOrEmpty(text) ? "Returned as undeliverable" : text.Length > 500 ? text[..500] : text;
        await db.SaveChangesAsync(ct);
        return Result<bool>.Ok(true);
    }

    private async Task<Result<SurveyRecipient>> FindRecipientAsync(int waveId, int recipientId, CancellationToken ct)
    {
        if (!MaySee)
            return Result<SurveyRecipient>.NotFound();
        var recipient = await db.SurveyRecipients.FirstOrDefaultAsync(r => r.Id == recipientId && r.WaveId == waveId, ct);
        if (recipient is null)
            return Result<SurveyRecipient>.NotFound();
        if (!MayManage && !await access.CanEditAgencyRecordsAsync(recipient.AgencyId, ct))
            return Result<SurveyRecipient>.Forbidden();
        return Result<SurveyRecipient>.Ok(recipient);
    }

    /// <summary>
    /// Sends a draft wave: at once when it opens today or has opened, else on its opening day (the job sends it then).
    /// Answers how many invitations went out now.
    /// </summary>
    public async Task<Result<int>> SendAsync(int id, CancellationToken ct)
    {
        if (!MayManage)
            return Result<int>.Forbidden();
        var wave = await db.SurveyWaves.FirstOrDefaultAsync(w => w.Id == id, ct);
        if (wave is null)
            return Result<int>.NotFound();
        if (wave.Status is WaveStatus.Open or WaveStatus.Closed)
            return Result<int>.Invalid("", "This wave has already been sent.");
        if (!await db.SurveyRecipients.AnyAsync(r => r.WaveId == id, ct))
            return Result<int>.Invalid("", "The wave has no recipients; add at least one.");
        if (wave.OpensOn > clock.Today)
        {
            wave.Status = WaveStatus.Scheduled;
            await db.SaveChangesAsync(ct);
            return Result<int>.Ok(0);
        }
        return Result<int>.Ok(await mail.OpenAsync(wave.Id, WaveStatus.Draft, ct));
    }

    /// <summary>"Send reminders now": to each recipient who has not answered, whose address did not bounce, below the most reminders allowed.</summary>
    public async Task<Result<int>> RemindNowAsync(int id, CancellationToken ct)
    {
        if (!MayManage)
            return Result<int>.Forbidden();
        var wave = await db.SurveyWaves.AsNoTracking().FirstOrDefaultAsync(w => w.Id == id, ct);
        if (wave is null)
            return Result<int>.NotFound();
        if (!wave.AcceptsAnswersOn(clock.Today))
            return Result<int>.Invalid("", "Reminders go out only while the wave is open.");
        return Result<int>.Ok(await mail.RemindAsync(wave, byHand: true, ct));
    }

    /// <summary>Closes a wave now: the links say so, and the results are final.</summary>
    public async Task<Result<bool>> CloseAsync(int id, CancellationToken ct)
    {
        if (!MayManage)
            return Result<bool>.Forbidden();
        var wave = await db.SurveyWaves.FirstOrDefaultAsync(w => w.Id == id, ct);
        if (wave is null)
            return Result<bool>.NotFound();
        if (wave.Status == WaveStatus.Closed)
            return Result<bool>.Ok(true);
        wave.Status = WaveStatus.Closed;
        wave.ClosedAt = clock.UtcNow;
        if (wave.ClosesOn > clock.Today)
            wave.ClosesOn = clock.Today;
        await db.SaveChangesAsync(ct);
        return Result<bool>.Ok(true);
    }

    /// <summary>Publishes (or withdraws) the aggregated results to the provider's staff and to each agency (its own).</summary>
    public async Task<Result<bool>> PublishAsync(int id, bool toStaff, bool toAgencies, CancellationToken ct)
    {
        if (!MayManage)
            return Result<bool>.Forbidden();
        var wave = await db.SurveyWaves.FirstOrDefaultAsync(w => w.Id == id, ct);
        if (wave is null)
            return Result<bool>.NotFound();
        wave.PublishedToStaff = toStaff;
        wave.PublishedToAgencies = toAgencies;
        await db.SaveChangesAsync(ct);
        return Result<bool>.Ok(true);
    }
}

/// <summary>
/// The emails of a wave: invitations and reminders, each with a fresh personal link, queued in the outbox in the same
/// transaction as the record of sending, so one is never sent without the other.
/// </summary>
internal sealed class SurveyMail(LiaisonDbContext db, Outbox outbox, OrganisationClock clock, PublicUrls urls, SiteSettings settings)
{
    /// <summary>
    /// Opens a wave that is in <paramref name="from"/> and invites every recipient not yet invited; answers how many were
    /// invited. The wave is claimed by one conditional update, so of two instances (or a person and the job) opening it
    /// at once, one sends.
    /// </summary>
    public async Task<int> OpenAsync(int waveId, WaveStatus from, CancellationToken ct)
    {
        var now = clock.UtcNow;
        var claimed = await db.SurveyWaves.Where(w => w.Id == waveId && w.Status == from)
            .ExecuteUpdateAsync(s => s.SetProperty(w => w.Status, WaveStatus.Open).SetProperty(w => w.InvitedAt, now)
                .SetProperty(w => w.Version, w => w.Version + 1), ct);
        if (claimed == 0)
            return 0;
        var wave = await db.SurveyWaves.AsNoTracking().FirstAsync(w => w.Id == waveId, ct);
        var ids = await db.SurveyRecipients.Where(r => r.WaveId == waveId && r.InvitedAt == null).Select(r => r.Id).ToListAsync(ct);
        return await InviteAsync(wave, ids, ct);
    }

    /// <summary>
    /// Invites each recipient not yet invited: marking them invited (a conditional update, so never twice) and queueing
    /// their email with its link commit together.
    /// </summary>
    public async Task<int> InviteAsync(SurveyWave wave, IReadOnlyCollection<int> recipientIds, CancellationToken ct)
    {
        var organisation = (await settings.GetAsync(ct)).OrganisationName;
        var sent = 0;
        foreach (var id in recipientIds)
        {
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            var now = clock.UtcNow;
            var claimed = await db.SurveyRecipients.Where(r => r.Id == id && r.InvitedAt == null)
                .ExecuteUpdateAsync(s => s.SetProperty(r => r.InvitedAt, now).SetProperty(r => r.Version, r => r.Version + 1), ct);
            if (claimed == 0)
                continue;
            var recipient = await db.SurveyRecipients.AsNoTracking().Include(r => r.Person).FirstAsync(r => r.Id == id, ct);
            Queue(recipient, wave, organisation, reminder: false);
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
            sent++;
        }
        return sent;
    }

    /// <summary>
    /// Reminds every recipient of an open wave who has not answered, whose invitation did not bounce, and who has had fewer
    /// than the most reminders allowed. Each reminder is recorded with its number (unique per recipient), so two instances
    /// never send the same one. Answers how many went out.
    /// </summary>
    public async Task<int> RemindAsync(SurveyWave wave, bool byHand, CancellationToken ct, int? upTo = null)
    {
        var site = await settings.GetAsync(ct);
        var most = Math.Min(site.SurveyMaxReminders, upTo ?? int.MaxValue);
        var ids = await db.SurveyRecipients.AsNoTracking()
            .Where(r => r.WaveId == wave.Id && r.InvitedAt != null && r.SubmittedAt == null && r.BouncedAt == null && r.RemindersSent < most)
            .Where(r => !db.Set<SurveyOptOut>().Any(o => o.PersonId == r.PersonId))
            .Select(r => r.Id).ToListAsync(ct);
        var sent = 0;
        foreach (var id in ids)
        {
            var r = await db.SurveyRecipients.Include(x => x.Person).FirstAsync(x => x.Id == id, ct);
            if (r.SubmittedAt is not null || r.RemindersSent >= most)
                continue;
            r.RemindersSent++;
            r.LastRemindedAt = clock.UtcNow;
            db.SurveyReminders.Add(new SurveyReminder { RecipientId = r.Id, Number = r.RemindersSent, SentAt = clock.UtcNow, ByHand = byHand });
            Queue(r, wave, site.OrganisationName, reminder: true);
            try
            {
                await db.SaveChangesAsync(ct);
                sent++;
            }
            catch (DbUpdateException)
            {
                // Another instance sent this reminder (or the recipient answered) just now: nothing of this one is kept.
                db.ChangeTracker.Clear();
            }
        }
        return sent;
    }

    private void Queue(SurveyRecipient r, SurveyWave wave, string organisation, bool reminder)
    {
        var token = SurveyTokens.NewToken();
        db.SurveyLinks.Add(new SurveyLink { RecipientId = r.Id, TokenHash = SurveyTokens.Hash(token), IssuedAt = clock.UtcNow });
        var link = new Uri(urls.Base, $"s/{token}").ToString();
        var optOut = new Uri(urls.Base, $"s/{token}/opt-out").ToString();
        var name = r.Person?.FirstName ?? "";
        var closes = wave.ClosesOn.ToString("dddd d MMMM yyyy", System.Globalization.CultureInfo.InvariantCulture);
        var subject = reminder ? $"Reminder: {wave.Name}" : wave.Name;
        var text = $"""
            Dear {name},

            {(reminder ? "A reminder: we have not yet had your answers to" : $"{organisation} asks for your view of its services in")} "{wave.Name}". It takes about five minutes, works on a phone and needs no password:

            {link}

            Your answers are saved as you go; you can come back to the link until {closes}. They are confidential, not anonymous: your relationship manager, the State CIO's office and our administrators see them so that they can follow up. Anything published is combined with others' answers.

            This link is yours alone; please do not forward it.

            To receive no more of these surveys: {optOut}
            """;
        outbox.Enqueue(r.Email, subject, text);
    }
}
