using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Liaison.Web.Platform.Auth;

/// <summary>Adds what the access rule needs to the cookie: the user's agency and display name.</summary>
internal sealed class LiaisonClaimsFactory(UserManager<User> users, RoleManager<Role> roles, IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<User, Role>(users, roles, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(User user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(CurrentUser.DisplayNameClaim, user.DisplayName));
        if (user.AgencyId is { } agencyId)
            identity.AddClaim(new Claim(CurrentUser.AgencyClaim, agencyId.ToString(CultureInfo.InvariantCulture)));
        if (user.PersonId is { } personId)
            identity.AddClaim(new Claim(CurrentUser.PersonClaim, personId.ToString(CultureInfo.InvariantCulture)));
        return identity;
    }
}

/// <summary>A disabled user can neither sign in nor keep a session: the security stamp check refuses them too.</summary>
internal sealed class LiaisonSignInManager(
    UserManager<User> userManager,
    IHttpContextAccessor contextAccessor,
    IUserClaimsPrincipalFactory<User> claimsFactory,
    IOptions<IdentityOptions> optionsAccessor,
    ILogger<SignInManager<User>> logger,
    IAuthenticationSchemeProvider schemes,
    IUserConfirmation<User> confirmation)
    : SignInManager<User>(userManager, contextAccessor, claimsFactory, optionsAccessor, logger, schemes, confirmation)
{
    public override async Task<bool> CanSignInAsync(User user) => !user.IsDisabled && await base.CanSignInAsync(user);

    public override async Task<bool> ValidateSecurityStampAsync(User? user, string? securityStamp) =>
        user is { IsDisabled: false } && await base.ValidateSecurityStampAsync(user, securityStamp);
}
