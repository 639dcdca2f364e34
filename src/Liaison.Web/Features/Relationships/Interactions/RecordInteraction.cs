using FluentValidation;
using Liaison.Web.Features.Directory.People;
using Liaison.Web.Platform.Auth;
using Liaison.Web.Platform.Data;
using Liaison.Web.Platform.Time;
using Liaison.Web.Platform.Web;
using Microsoft.EntityFrameworkCore;

namespace Liaison.Web.Features.Relationships.Interactions;

/// <summary>Records and edits interactions, and keeps each contact's last touch (the cadence's clock) in step.</summary>
internal sealed class RecordInteraction(LiaisonDbContext db, AccessRule access, OrganisationClock clock)
{
    public async Task<Result<Interaction>> CreateAsync(InteractionInput input, CancellationToken ct)
    {
        if (await ValidateAsync(input, ct) is { } errors)
            return Result<Interaction>.Invalid(errors);
        if (!await access.CanWriteAgencyRecordAsync(null, input.AgencyId!.Value, ct))
            return Result<Interaction>.Forbidden();
        var interaction = new Interaction();
        input.ApplyTo(interaction);
        await using var write = await db.BeginWriteAsync(ct);
        db.Interactions.Add(interaction);
        await db.SaveChangesAsync(ct);
        await RefreshLastTouchAsync(input.AttendeeIds, ct);
        await write.CommitAsync(ct);
        return Result<Interaction>.Ok(interaction);
    }

    public async Task<Result<Interaction>> UpdateAsync(int id, InteractionInput input, CancellationToken ct)
    {
        var interaction = await access.FindAsync(db.Interactions.Include(i => i.Attendees), id, ct);
        if (interaction is null)
            return Result<Interaction>.NotFound();
        if (!await access.CanEditAgencyRecordsAsync(interaction.AgencyId, ct))
            return Result<Interaction>.Forbidden();
        if (await ValidateAsync(input, ct) is { } errors)
            return Result<Interaction>.Invalid(errors);
        if (!await access.CanWriteAgencyRecordAsync(interaction.AgencyId, input.AgencyId!.Value, ct))
            return Result<Interaction>.Forbidden();
        var touched = interaction.Attendees.Select(a => a.PersonId).Union(input.AttendeeIds).ToList();
        var names = await db.People.AsNoTracking().Where(p => touched.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.FirstName + " " + p.LastName, ct);
        await using var write = await db.BeginWriteAsync(ct);
        var result = await Edits.SaveAsync(db, interaction, input.Version ?? 0, input, InteractionInput.From, input.ApplyTo, nameof(Interaction), id, ct,
            (field, value) => field == nameof(InteractionInput.AttendeeIds) && value is IEnumerable<int> ids
                ? string.Join(", ", ids.Select(i => names.GetValueOrDefault(i, $"#{i}")).Order())
                : value is string s ? Validation.Clean(s) : value?.ToString());
        if (result.IsOk)
        {
            await RefreshLastTouchAsync(touched, ct);
            await write.CommitAsync(ct);
        }
        return result;
    }

    public async Task<Result<Interaction>> GetAsync(int id, CancellationToken ct)
    {
        var interaction = await access.FindAsync(db.Interactions.AsNoTracking().Include(i => i.Agency)
            .Include(i => i.Attendees).ThenInclude(a => a.Person).ThenInclude(p => p!.Agency), id, ct);
        if (interaction is null)
            return Result<Interaction>.NotFound();
        if (!access.CanSeeInternalNotes)
            interaction.InternalNotes = null;
        return Result<Interaction>.Ok(interaction);
    }

    /// <summary>Sets each person's last touch to their latest interaction (their profile is created if they have none).</summary>
    internal async Task RefreshLastTouchAsync(IReadOnlyCollection<int> personIds, CancellationToken ct)
    {
        if (personIds.Count == 0)
            return;
        var latest = await db.InteractionAttendees.Where(a => personIds.Contains(a.PersonId))
            .GroupBy(a => a.PersonId).Select(g => new { PersonId = g.Key, Last = g.Max(a => a.OccurredOn) }).ToListAsync(ct);
        var contacts = await db.People.IgnoreQueryFilters().Where(p => personIds.Contains(p.Id) && p.Kind == PersonKind.AgencyContact).Select(p => p.Id).ToListAsync(ct);
        var profiles = await db.StakeholderProfiles.IgnoreQueryFilters().Where(p => contacts.Contains(p.PersonId)).ToDictionaryAsync(p => p.PersonId, ct);
        foreach (var personId in contacts)
        {
            var last = latest.FirstOrDefault(l => l.PersonId == personId)?.Last;
            if (!profiles.TryGetValue(personId, out var profile))
            {
                if (last is null)
                    continue;
                db.StakeholderProfiles.Add(profile = new StakeholderProfile { PersonId = personId });
            }
            profile.LastTouchOn = last;
        }
        await db.SaveChangesAsync(ct);
    }

    private async Task<Dictionary<string, string[]>?> ValidateAsync(InteractionInput input, CancellationToken ct)
    {
        var errors = Validation.Check(InteractionInputValidator.Instance, input) ?? [];
        if (input.AgencyId is { } agencyId && !await db.Agencies.AnyAsync(a => a.Id == agencyId, ct))
            errors[nameof(InteractionInput.AgencyId)] = ["Choose an agency from the list."];
        if (input.OccurredOn is { } date && date > clock.Today.AddDays(1))
            errors[nameof(InteractionInput.OccurredOn)] = ["An interaction is recorded once it has happened; plan future ones as meetings."];
        var ids = input.AttendeeIds.Distinct().ToList();
        if (ids.Count > 0 && !errors.ContainsKey(nameof(InteractionInput.AttendeeIds)))
        {
            var found = await db.People.Where(p => ids.Contains(p.Id) && (p.AgencyId == input.AgencyId || p.Kind == PersonKind.ProviderStaff)).CountAsync(ct);
            if (found != ids.Count)
                errors[nameof(InteractionInput.AttendeeIds)] = ["Attendees are the agency's contacts or the provider's staff."];
        }
        return errors.Count == 0 ? null : errors;
    }
}
