using Liaison.Web.Features.Administration.Settings;
using Liaison.Web.Platform.Auth;
using Liaison.Web.Platform.Modules;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Liaison.Web.Platform.Data;

internal static class DatabaseStartup
{
    /// <summary>The demo accounts' password unless Demo:Password sets another (the README gives it).</summary>
    public const string DemoPassword = "Liaison-Demo-2026";

    /// <summary>
    /// Migrates the schema, makes sure roles, settings and a data-protection key exist, and fills an empty database with
    /// demo data when asked: under the start-up lock, so instances started together take turns.
    /// </summary>
    public static async Task PrepareDatabaseAsync(this WebApplication app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var db = services.GetRequiredService<LiaisonDbContext>();
        var config = services.GetRequiredService<IConfiguration>();
        await using var startup = await StartupLock.AcquireAsync(DataSetup.Provider(config), db.Database.GetConnectionString()!,
            app.Logger, CancellationToken.None);

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

        // The key that protects cookies and tokens, made now (under the lock) so every instance uses the same one.
        services.GetRequiredService<IDataProtectionProvider>().CreateProtector("Liaison.Startup").Protect([1]);

        if (config.GetValue<bool>("Demo:Enabled") && !await db.Agencies.AnyAsync() && !await db.Users.AnyAsync())
        {
            var password = config["Demo:Password"] is { Length: > 0 } chosen ? chosen : DemoPassword;
            var run = new DemoRun(password, new Random(2026));
            foreach (var seeder in services.GetServices<IDemoSeeder>().OrderBy(s => s.Order))
                await seeder.SeedAsync(run, CancellationToken.None);
        }
    }
}
