using System.Text.Encodings.Web;
using Liaison.Web.Features.Administration.Settings;
using Liaison.Web.Platform.Auth;
using Liaison.Web.Platform.Data;
using Liaison.Web.Platform.Email;
using Liaison.Web.Platform.Web;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Liaison.Web.Features.Administration.Users;

internal sealed record UserDetails(User User, IReadOnlyList<string> Roles, string? AgencyName, string? PersonName, bool IsLockedOut);

/// <summary>Administrators' management of users: create or invite, edit roles and agency, disable, unlock.</summary>
internal sealed class ManageUsers(
    LiaisonDbContext db, UserManager<User> users, AccessRule access, Outbox outbox, SiteSettings settings,
    TimeProvider clock, PublicUrls urls)
{
    public async Task<Result<UserDetails>> GetAsync(int id, CancellationToken ct)
    {
        if (!access.CanAdminister)
            return Result<UserDetails>.Forbidden();
        var user = await db.Users.AsNoTracking().Include(u => u.Agency).Include(u => u.Person).FirstOrDefaultAsync(u => u.Id == id, ct);
        if (user is null)
            return Result<UserDetails>.NotFound();
        var roles = await db.UserRoles.Where(ur => ur.UserId == id).Join(db.Roles, ur => ur.RoleId, r => r.Id, (ur, r) => r.Name!).ToListAsync(ct);
        return Result<UserDetails>.Ok(new UserDetails(user, roles.Order().ToList(), user.Agency?.Name, user.Person?.FullName, user.LockoutEnd > clock.GetUtcNow()));
    }

    public async Task<Result<User>> CreateAsync(UserInput input, CancellationToken ct)
    {
        if (!access.CanAdminister)
            return Result<User>.Forbidden();
        if (await ValidateAsync(input, null, ct) is { } errors)
            return Result<User>.Invalid(errors);

        var email = input.Email.Trim().ToLowerInvariant();
        var user = new User
        {
            UserName = email,
            Email = email,
            EmailConfirmed = true,
            DisplayName = input.DisplayName.Trim(),
            AgencyId = input.AgencyId,
            PersonId = input.PersonId,
            CreatedAt = clock.GetUtcNow().UtcDateTime,
        };
        var invite = string.IsNullOrWhiteSpace(input.Password);
        await using var write = await db.BeginWriteAsync(ct);
        var created = invite ? await users.CreateAsync(user) : await users.CreateAsync(user, input.Password!);
        if (!created.Succeeded)
            return Result<User>.Invalid(IdentityErrors(created, nameof(UserInput.Password)));
        var roles = await users.AddToRolesAsync(user, input.Roles.Distinct());
        if (!roles.Succeeded)
            return Result<User>.Invalid(IdentityErrors(roles, nameof(UserInput.Roles)));
        if (invite)
            await QueueInvitationAsync(user, ct);
        await db.SaveChangesAsync(ct);
        await write.CommitAsync(ct);
        return Result<User>.Ok(user);
    }

    public async Task<Result<User>> UpdateAsync(int id, UserInput input, CancellationToken ct)
    {
        if (!access.CanAdminister)
            return Result<User>.Forbidden();
        var user = await db.Users.Include(u => u.UserRoles).FirstOrDefaultAsync(u => u.Id == id, ct);
        if (user is null)
            return Result<User>.NotFound();
        if (await ValidateAsync(input, id, ct) is { } errors)
            return Result<User>.Invalid(errors);
        if (id == access.User.Id && !input.Roles.Contains(Roles.Administrator))
            return Result<User>.Invalid(nameof(UserInput.Roles), "You cannot remove your own administrator role; ask another administrator.");

        var roleIds = await db.Roles.AsNoTracking().ToDictionaryAsync(r => r.Name!, r => r.Id, ct);
        var roleNames = roleIds.ToDictionary(r => r.Value, r => r.Key);
        var email = input.Email.Trim().ToLowerInvariant();
        var rolesChanged = !user.UserRoles.Select(r => roleNames[r.RoleId]).Order().SequenceEqual(input.Roles.Distinct().Order());
        var scopeChanged = rolesChanged || user.AgencyId != input.AgencyId || user.PersonId != input.PersonId;
        var result = await Edits.SaveAsync(db, user, input.Version ?? 0, input,
            u => new UserInput
            {
                Email = u.Email ?? "",
                DisplayName = u.DisplayName,
                Roles = u.UserRoles.Select(r => roleNames[r.RoleId]).Order().ToList(),
                AgencyId = u.AgencyId,
                PersonId = u.PersonId,
            },
            u =>
            {
                u.Email = email;
                u.UserName = email;
                u.NormalizedEmail = users.NormalizeEmail(email);
                u.NormalizedUserName = users.NormalizeName(email);
                u.DisplayName = input.DisplayName.Trim();
                u.AgencyId = input.AgencyId;
                u.PersonId = input.PersonId;
                var wanted = input.Roles.Distinct().Select(r => roleIds[r]).ToHashSet();
                foreach (var stale in u.UserRoles.Where(r => !wanted.Contains(r.RoleId)).ToList())
                    u.UserRoles.Remove(stale);
                foreach (var roleId in wanted.Where(r => u.UserRoles.All(x => x.RoleId != r)))
                    u.UserRoles.Add(new UserRole { UserId = u.Id, RoleId = roleId });
                // What the user may see has changed: their sessions must pick it up, not keep the old claims.
                if (scopeChanged)
                    u.SecurityStamp = Guid.NewGuid().ToString("N");
                u.ConcurrencyStamp = Guid.NewGuid().ToString();
            },
            nameof(User), id, ct);
        // What the user may see has changed: their open sessions end now rather than at their next stamp check.
        if (result.IsOk && scopeChanged)
            await SessionStore.RemoveAllAsync(db, id, ct);
        return result;
    }

    /// <summary>Disabling takes effect at once everywhere: the user's sessions are deleted, and tokens fail their next lookup.</summary>
    public async Task<Result<User>> SetDisabledAsync(int id, bool disabled, CancellationToken ct)
    {
        if (!access.CanAdminister)
            return Result<User>.Forbidden();
        var user = await db.Users.FirstOrDefaultAsync(u => u.Id == id, ct);
        if (user is null)
            return Result<User>.NotFound();
        if (disabled && id == access.User.Id)
            return Result<User>.Invalid("", "You cannot disable your own account.");
        if (user.IsDisabled != disabled)
        {
            user.IsDisabled = disabled;
            user.SecurityStamp = Guid.NewGuid().ToString("N");
            await db.SaveChangesAsync(ct);
            if (disabled)
                await SessionStore.RemoveAllAsync(db, id, ct);
        }
        return Result<User>.Ok(user);
    }

    public async Task<Result<User>> UnlockAsync(int id, CancellationToken ct)
    {
        if (!access.CanAdminister)
            return Result<User>.Forbidden();
        var user = await users.FindByIdAsync(id.ToString(System.Globalization.CultureInfo.InvariantCulture));
        if (user is null)
            return Result<User>.NotFound();
        await users.SetLockoutEndDateAsync(user, null);
        await users.ResetAccessFailedCountAsync(user);
        return Result<User>.Ok(user);
    }

    /// <summary>Sends (again) the email with a link to choose a password.</summary>
    public async Task<Result<User>> InviteAsync(int id, CancellationToken ct)
    {
        if (!access.CanAdminister)
            return Result<User>.Forbidden();
        var user = await db.Users.FirstOrDefaultAsync(u => u.Id == id, ct);
        if (user is null)
            return Result<User>.NotFound();
        await QueueInvitationAsync(user, ct);
        await db.SaveChangesAsync(ct);
        return Result<User>.Ok(user);
    }

    private async Task QueueInvitationAsync(User user, CancellationToken ct)
    {
        var token = await users.GeneratePasswordResetTokenAsync(user);
        var link = Account.SetPasswordModel.Link(urls, user.Id, token);
        var organisation = (await settings.GetAsync(ct)).OrganisationName;
        outbox.Enqueue(user.Email!, $"Your Liaison account at {organisation}",
            $"Hello {user.DisplayName},\n\nAn account has been created for you in Liaison, {organisation}'s system for working with its partner agencies.\n\n" +
            $"Choose your password here (the link works once and expires in a day):\n{link}\n\nYour sign-in is your email address: {user.Email}\n",
            $"<p>Hello {HtmlEncoder.Default.Encode(user.DisplayName)},</p><p>An account has been created for you in Liaison, {HtmlEncoder.Default.Encode(organisation)}'s system for working with its partner agencies.</p>" +
            $"<p><a href=\"{HtmlEncoder.Default.Encode(link)}\">Choose your password</a> (the link works once and expires in a day).</p><p>Your sign-in is your email address: {HtmlEncoder.Default.Encode(user.Email!)}</p>");
    }

    private async Task<Dictionary<string, string[]>?> ValidateAsync(UserInput input, int? id, CancellationToken ct)
    {
        var errors = Validation.Check(UserInputValidator.Instance, input) ?? [];
        var normalized = input.Email.Trim().ToUpperInvariant();
        if (normalized.Length > 0 && await db.Users.AnyAsync(u => u.NormalizedEmail == normalized && u.Id != id, ct))
            errors[nameof(UserInput.Email)] = ["Another user already has this email address."];
        if (input.AgencyId is { } agencyId && !await db.Agencies.AnyAsync(a => a.Id == agencyId, ct))
            errors[nameof(UserInput.AgencyId)] = ["Choose an agency from the list."];
        if (input.PersonId is { } personId && !await db.People.AnyAsync(p => p.Id == personId, ct))
            errors[nameof(UserInput.PersonId)] = ["Choose a person from the directory."];
        if (id is null && !string.IsNullOrEmpty(input.Password))
        {
            foreach (var validator in users.PasswordValidators)
            {
                var check = await validator.ValidateAsync(users, new User(), input.Password);
                if (!check.Succeeded)
                    errors[nameof(UserInput.Password)] = check.Errors.Select(e => e.Description).ToArray();
            }
        }
        return errors.Count == 0 ? null : errors;
    }

    internal static Dictionary<string, string[]> IdentityErrors(IdentityResult result, string field) =>
        new() { [field] = result.Errors.Select(e => e.Description).ToArray() };
}
