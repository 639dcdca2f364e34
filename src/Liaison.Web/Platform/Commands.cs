using Liaison.Web.Platform.Auditing;
using Liaison.Web.Platform.Auth;
using Liaison.Web.Platform.Data;
using Liaison.Web.Platform.Modules;
using Liaison.Web.Platform.Operations;
using Microsoft.AspNetCore.Identity;

namespace Liaison.Web.Platform;

/// <summary>
/// Tasks run from the command line instead of the web server:
/// <c>dotnet run --project src/Liaison.Web -- &lt;command&gt; [--option value ...]</c>.
/// </summary>
internal static class Commands
{
    private static readonly Dictionary<string, string> Help = new()
    {
        ["create-admin"] = "create-admin --email <email> --password <password> [--name <full name>]   creates an administrator",
        ["reset-password"] = "reset-password --email <email> --password <password>   sets a user's password and clears any lockout",
        ["verify-audit"] = "verify-audit   walks the audit trail's hash chain and reports the first broken entry",
        ["backup"] = "backup --to <file>   writes a consistent copy of the whole database while Liaison runs (SQLite: VACUUM INTO; PostgreSQL: pg_dump)",
        ["restore"] = "restore --from <file>   restores a backup into an empty database (a new SQLite file, or a new PostgreSQL database); then run verify-audit",
    };

    /// <summary>Commands that work on the database as it is, before Liaison migrates or seeds it: backup and restore.</summary>
    public static async Task<bool> TryRunMaintenanceAsync(WebApplication app, string[] args)
    {
        if (args.Length == 0 || args[0] is not ("backup" or "restore"))
            return false;
        var options = ParseOptions(args.Skip(1).ToArray());
        var config = app.Configuration;
        var provider = DataSetup.Provider(config);
        var connectionString = DataSetup.ConnectionString(config, app.Environment);
        var path = options.GetValueOrDefault(args[0] == "backup" ? "to" : "from");
        if (string.IsNullOrWhiteSpace(path))
        {
            Console.Error.WriteLine("Usage: " + Help[args[0]]);
            Environment.ExitCode = 2;
            return true;
        }
        try
        {
            if (args[0] == "backup")
                await Backups.BackupAsync(provider, connectionString, path, Console.Out, CancellationToken.None);
            else
                await Backups.RestoreAsync(provider, connectionString, path, Console.Out, CancellationToken.None);
            Environment.ExitCode = 0;
        }
        catch (BackupException ex)
        {
            Console.Error.WriteLine(ex.Message);
            Environment.ExitCode = 1;
        }
        return true;
    }

    public static async Task<bool> TryRunAsync(WebApplication app, string[] args)
    {
        if (args.Length == 0 || args[0].StartsWith('-'))
            return false;
        var command = args[0];
        var options = ParseOptions(args.Skip(1).ToArray());
        await using var scope = app.Services.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var code = command switch
        {
            "create-admin" => await CreateAdminAsync(services, options),
            "reset-password" => await ResetPasswordAsync(services, options),
            "verify-audit" => await VerifyAuditAsync(services),
            "help" => PrintHelp(services),
            _ => services.GetServices<ICommandLineTool>().FirstOrDefault(t => t.Name == command) is { } tool
                ? await tool.RunAsync(options, Console.Out, CancellationToken.None)
                : UnknownCommand(services, command),
        };
        Environment.ExitCode = code;
        return true;
    }

    private static Dictionary<string, string> ParseOptions(string[] args)
    {
        var options = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < args.Length; i++)
        {
            if (args[i].StartsWith("--", StringComparison.Ordinal))
                options[args[i][2..]] = i + 1 < args.Length && !args[i + 1].StartsWith("--", StringComparison.Ordinal) ? args[++i] : "true";
        }
        return options;
    }

    private static async Task<int> CreateAdminAsync(IServiceProvider services, Dictionary<string, string> options)
    {
        if (!options.TryGetValue("email", out var email) || !options.TryGetValue("password", out var password))
        {
            Console.Error.WriteLine("Usage: " + Help["create-admin"]);
            return 2;
        }
        var users = services.GetRequiredService<UserManager<User>>();
        if (await users.FindByEmailAsync(email) is not null)
        {
            Console.Error.WriteLine($"A user with email {email} already exists; use reset-password to set their password.");
            return 1;
        }
        var user = new User
        {
            UserName = email.Trim().ToLowerInvariant(),
            Email = email.Trim().ToLowerInvariant(),
            EmailConfirmed = true,
            DisplayName = options.GetValueOrDefault("name", "Administrator"),
            CreatedAt = services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime,
        };
        var created = await users.CreateAsync(user, password);
        if (!created.Succeeded)
        {
            Console.Error.WriteLine("Could not create the administrator: " + string.Join(" ", created.Errors.Select(e => e.Description)));
            return 1;
        }
        await users.AddToRoleAsync(user, Roles.Administrator);
        Console.WriteLine($"Created administrator {user.Email}. Sign in at /Account/Login.");
        return 0;
    }

    private static async Task<int> ResetPasswordAsync(IServiceProvider services, Dictionary<string, string> options)
    {
        if (!options.TryGetValue("email", out var email) || !options.TryGetValue("password", out var password))
        {
            Console.Error.WriteLine("Usage: " + Help["reset-password"]);
            return 2;
        }
        var users = services.GetRequiredService<UserManager<User>>();
        var user = await users.FindByEmailAsync(email);
        if (user is null)
        {
            Console.Error.WriteLine($"There is no user with email {email}.");
            return 1;
        }
        var token = await users.GeneratePasswordResetTokenAsync(user);
        var reset = await users.ResetPasswordAsync(user, token, password);
        if (!reset.Succeeded)
        {
            Console.Error.WriteLine("Could not set the password: " + string.Join(" ", reset.Errors.Select(e => e.Description)));
            return 1;
        }
        await users.SetLockoutEndDateAsync(user, null);
        await users.ResetAccessFailedCountAsync(user);
        Console.WriteLine($"Password set for {user.Email}.");
        return 0;
    }

    private static async Task<int> VerifyAuditAsync(IServiceProvider services)
    {
        var db = services.GetRequiredService<LiaisonDbContext>();
        var result = await AuditChain.VerifyAsync(db, CancellationToken.None);
        if (result.IsIntact)
        {
            Console.WriteLine($"The audit trail is intact: {result.EntriesChecked} entries checked.");
            return 0;
        }
        var broken = result.FirstBroken!;
        Console.WriteLine($"The audit trail is BROKEN at entry {broken.Id} ({broken.Timestamp:u}, {broken.Action} {broken.RecordType} {broken.RecordId} by {broken.UserName}): it {result.Problem}.");
        return 3;
    }

    private static int PrintHelp(IServiceProvider services)
    {
        Console.WriteLine("Commands:");
        foreach (var line in Help.Values.Concat(services.GetServices<ICommandLineTool>().Select(t => t.Help)))
            Console.WriteLine("  " + line);
        return 0;
    }

    private static int UnknownCommand(IServiceProvider services, string command)
    {
        Console.Error.WriteLine($"Unknown command '{command}'.");
        PrintHelp(services);
        return 2;
    }
}
