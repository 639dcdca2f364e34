using System.Net;
using System.Net.Http.Json;
using Liaison.Tests.Infrastructure;
using Liaison.Web.Features.Directory.People;
using Liaison.Web.Platform.Auth;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace Liaison.Tests.Features.Access;

/// <summary>Cached figures follow exactly what the user may see: two users of one agency may see different things.</summary>
public sealed class CachedFigureScopeTests(LiaisonApp app) : IClassFixture<LiaisonApp>
{
    [Fact]
    public async Task Two_users_of_one_agency_each_get_the_count_of_the_action_items_they_see()
    {
        // A second contact of Revenue, with an account of their own; an action item assigned to each contact.
        int second;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<Liaison.Web.Platform.Data.LiaisonDbContext>();
            var person = new Person { FirstName = "Remy", LastName = "Revenue", Email = "remy@revenue.gov", Kind = PersonKind.AgencyContact, AgencyId = app.Ids.Revenue };
            db.People.Add(person);
            await db.SaveChangesAsync();
            second = person.Id;
            var users = scope.ServiceProvider.GetRequiredService<UserManager<User>>();
            var user = new User { UserName = "remy@revenue.gov", Email = "remy@revenue.gov", EmailConfirmed = true, DisplayName = "Remy", AgencyId = app.Ids.Revenue, PersonId = second, CreatedAt = DateTime.UtcNow };
            Assert.True((await users.CreateAsync(user, TestData.Password)).Succeeded);
            await users.AddToRoleAsync(user, Roles.AgencyUser);
        }
        using var manager = await app.ApiAsync(TestData.Manager);
        foreach (var (owner, title) in new[] { (app.Ids.RevenueContact, "For Rita"), (app.Ids.RevenueContact, "Also for Rita"), (second, "For Remy") })
            Assert.Equal(HttpStatusCode.Created, (await manager.PostAsJsonAsync("/api/v1/action-items", new { agencyId = app.Ids.Revenue, title, ownerPersonId = owner })).StatusCode);

        // Both signed in first: nothing is saved between their two readings, so the second could be served the first's count.
        using var rita = await app.ApiAsync(TestData.RevenueUser);
        using var remy = await app.ApiAsync("remy@revenue.gov");
        var ritas = await rita.GetJsonAsync("/api/v1/action-items");
        Assert.Equal(2, ritas.GetProperty("totalCount").GetInt32());
        var remys = await remy.GetJsonAsync("/api/v1/action-items");
        Assert.Equal(1, remys.GetProperty("totalCount").GetInt32());
        Assert.Equal("For Remy", remys.GetProperty("items")[0].GetProperty("title").GetString());
    }
}
