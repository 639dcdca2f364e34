using Liaison.Web.Features.Demo;
using Liaison.Web.Features.Settings;
using Liaison.Web.Platform.Auth;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Liaison.Web.Platform.Data;

internal static class DatabaseStartup
{
    /// <summary>Migrates the schema, makes sure roles and settings exist, and fills an empty database with demo data when asked.</summary>
    public static async Task PrepareDatabaseAsync(this WebApplication app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var db = services.GetRequiredService<LiaisonDbContext>();
        var config = services.GetRequiredService<IConfiguration>();

        await db.Database.MigrateAsync();
        if (db.Database.IsSqlite())
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;");

        var roles = services.GetRequiredService<RoleManager<Role>>();
        foreach (var role in Roles.All)
        {
            if (!await roles.RoleExistsAsync(role))
                await roles.CreateAsync(new Role(role));
        }

        if (!await db.OrganisationSettings.AnyAsync())
        {
            db.OrganisationSettings.Add(new OrganisationSettings
            {
                OrganisationName = config["Organisation:Name"] is { Length: > 0 } name ? name : "Central IT",
                RelationshipManagerTitle = config["Organisation:RelationshipManagerTitle"] is { Length: > 0 } title ? title : "Relationship manager",
            });
            await db.SaveChangesAsync();
        }

        if (config.GetValue<bool>("Demo:Enabled") && !await db.Agencies.AnyAsync() && !await db.Users.AnyAsync())
            await services.GetRequiredService<DemoData>().SeedAsync(DemoData.Password(config), CancellationToken.None);
    }
}
