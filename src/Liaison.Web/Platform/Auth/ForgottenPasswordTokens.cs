using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Liaison.Web.Platform.Auth;

/// <summary>
/// The token of a "forgotten password" link: Identity's data-protected token with a life of its own
/// (<see cref="ForgottenPasswordTokenOptions.Lifespan"/>, shorter than an invitation's day), bound to the user's security
/// stamp, so that setting the password (which changes the stamp) spends it: single use.
/// </summary>
internal sealed class ForgottenPasswordTokenProvider(IDataProtectionProvider protection, IOptions<ForgottenPasswordTokenOptions> options,
    ILogger<DataProtectorTokenProvider<User>> logger, TimeProvider clock) : DataProtectorTokenProvider<User>(protection, options, logger)
{
    public const string ProviderName = "ForgottenPassword";
    public const string Purpose = "ForgottenPassword";

    /// <summary>
    /// Identity checks the token (user, purpose, security stamp) and its age by the system clock; the age is checked again
    /// by the application's clock, the one everything else in Liaison (and its tests) keeps time by. The token starts with
    /// its creation time in UTC ticks, as Identity writes it.
    /// </summary>
    public override async Task<bool> ValidateAsync(string purpose, string token, UserManager<User> manager, User user)
    {
        if (!await base.ValidateAsync(purpose, token, manager, user))
            return false;
        try
        {
            using var reader = new BinaryReader(new MemoryStream(Protector.Unprotect(Convert.FromBase64String(token))));
            var created = new DateTimeOffset(reader.ReadInt64(), TimeSpan.Zero);
            return created + Options.TokenLifespan >= clock.GetUtcNow();
        }
        catch (Exception e) when (e is FormatException or System.Security.Cryptography.CryptographicException or EndOfStreamException or ArgumentOutOfRangeException)
        {
            return false;
        }
    }
}

internal sealed class ForgottenPasswordTokenOptions : DataProtectionTokenProviderOptions
{
    public static readonly TimeSpan Lifespan = TimeSpan.FromHours(2);

    public ForgottenPasswordTokenOptions()
    {
        Name = ForgottenPasswordTokenProvider.ProviderName;
        TokenLifespan = Lifespan;
    }
}
