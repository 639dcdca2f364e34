using Liaison.Web.Platform.Auth;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace Liaison.Tests.Infrastructure;

public static class AppUsers
{
    /// <summary>Adds a user of its own to a test, so what the test does to it (lock, disable) touches nobody else.</summary>
    public static async Task<int> AddUserAsync(this LiaisonApp app, string email, string role = Roles.ProviderStaff, int? agencyId = null)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<User>>();
        var user = new User { UserName = email, Email = email, EmailConfirmed = true, DisplayName = "User " + email, AgencyId = agencyId, CreatedAt = DateTime.UtcNow };
        var created = await users.CreateAsync(user, TestData.Password);
        Assert.True(created.Succeeded, string.Join(" ", created.Errors.Select(e => e.Description)));
        await users.AddToRoleAsync(user, role);
        return user.Id;
    }
}
