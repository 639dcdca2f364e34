using System.Net;
using System.Net.Http.Json;
using Liaison.Tests.Infrastructure;
using Liaison.Web.Platform.Auditing;
using Liaison.Web.Platform.Data;
using Liaison.Web.Platform.Operations;
using Microsoft.EntityFrameworkCore;

namespace Liaison.Tests.Features.Platform;

public sealed class BackupTests(LiaisonApp app) : IClassFixture<LiaisonApp>
{
    [Fact]
    public async Task A_backup_taken_while_liaison_runs_restores_into_an_empty_database_with_its_audit_chain_intact()
    {
        using var admin = await app.ApiAsync(TestData.Admin);
        Assert.Equal(HttpStatusCode.Created, (await admin.PostAsJsonAsync("/api/v1/agencies", new { name = "Office of Backups", acronym = "OOB" })).StatusCode);
        var provider = Enum.Parse<DatabaseProvider>(app.DatabaseProvider);
        var source = await app.WithDbAsync(db => Task.FromResult(db.Database.GetConnectionString()!));
        var folder = Path.Combine(Path.GetTempPath(), "liaison-tests", Guid.NewGuid().ToString("N"));
        System.IO.Directory.CreateDirectory(folder);
        var file = Path.Combine(folder, "liaison.backup");
        using var output = new StringWriter();

        await Backups.BackupAsync(provider, source, file, output, CancellationToken.None);
        Assert.True(new FileInfo(file).Length > 0);
        await Assert.ThrowsAsync<BackupException>(() => Backups.BackupAsync(provider, source, file, output, CancellationToken.None));

        // Into a new, empty database, then Liaison started on it as after a disaster.
        System.IO.Directory.CreateDirectory(Path.Combine(folder, "restored"));
        await using var restored = await TestDatabase.CreateAsync(Path.Combine(folder, "restored"));
        await Backups.RestoreAsync(provider, restored.ConnectionString, file, output, CancellationToken.None);
        await Assert.ThrowsAsync<BackupException>(() => Backups.RestoreAsync(provider, restored.ConnectionString, file, output, CancellationToken.None));
        var node = new LiaisonNode(restored, seed: false);
        await node.StartAsync();
        try
        {
            var verification = await node.WithDbAsync(db => AuditChain.VerifyAsync(db, CancellationToken.None));
            Assert.True(verification.IsIntact, verification.Problem);
            Assert.True(verification.EntriesChecked > 10);
            Assert.True(await node.WithDbAsync(db => db.Agencies.AnyAsync(a => a.Name == "Office of Backups")));
            using var signedIn = await node.ApiAsync(TestData.Admin);
            Assert.Contains("Office of Backups", (await signedIn.GetJsonAsync("/api/v1/agencies?search=backups")).ToString(), StringComparison.Ordinal);
        }
        finally
        {
            await node.StopAsync();
        }
    }
}
