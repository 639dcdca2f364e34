using Liaison.Web.Platform.Auditing;
using Liaison.Web.Platform.Auth;
using Liaison.Web.Platform.Email;
using Liaison.Web.Platform.ImportExport;
using Liaison.Web.Platform.Web;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Liaison.Web.Platform.Data;

internal sealed class UserConfiguration : IEntityTypeConfiguration<User>
{
    public void Configure(EntityTypeBuilder<User> builder)
    {
        builder.Property(u => u.DisplayName).HasMaxLength(200).IsRequired();
        builder.Property(u => u.Version).IsConcurrencyToken();
        builder.HasOne(u => u.Agency).WithMany().HasForeignKey(u => u.AgencyId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(u => u.Person).WithMany().HasForeignKey(u => u.PersonId).OnDelete(DeleteBehavior.SetNull);
        builder.HasMany(u => u.UserRoles).WithOne().HasForeignKey(r => r.UserId).IsRequired();
        builder.HasIndex(u => u.AgencyId);
        builder.HasIndex(u => u.PersonId);
    }
}

internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> builder)
    {
        builder.ToTable("AuditEntries");
        builder.Property(e => e.UserName).HasMaxLength(256).IsRequired();
        builder.Property(e => e.Action).HasMaxLength(32).IsRequired();
        builder.Property(e => e.RecordType).HasMaxLength(64).IsRequired();
        builder.Property(e => e.RecordId).HasMaxLength(64).IsRequired();
        builder.Property(e => e.Changes).IsRequired();
        builder.Property(e => e.CorrelationId).HasMaxLength(64);
        builder.Property(e => e.PreviousHash).HasMaxLength(64).IsRequired();
        builder.Property(e => e.Hash).HasMaxLength(64).IsRequired();
        builder.Ignore(e => e.FieldChanges);
        builder.HasIndex(e => new { e.RecordType, e.RecordId });
        builder.HasIndex(e => e.Timestamp);
        builder.HasIndex(e => e.UserId);
    }
}

internal sealed class ApiTokenConfiguration : IEntityTypeConfiguration<ApiToken>
{
    public void Configure(EntityTypeBuilder<ApiToken> builder)
    {
        builder.ToTable("ApiTokens");
        builder.Property(t => t.Name).HasMaxLength(100).IsRequired();
        builder.Property(t => t.Kind).HasConversion<string>().HasMaxLength(16);
        builder.Property(t => t.TokenHash).HasMaxLength(64).IsRequired();
        builder.HasOne(t => t.User).WithMany().HasForeignKey(t => t.UserId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(t => t.TokenHash).IsUnique();
        builder.HasIndex(t => t.UserId);
    }
}

internal sealed class OutboxMessageConfiguration : IEntityTypeConfiguration<OutboxMessage>
{
    public void Configure(EntityTypeBuilder<OutboxMessage> builder)
    {
        builder.ToTable("OutboxMessages");
        builder.Property(m => m.To).HasMaxLength(2000).IsRequired();
        builder.Property(m => m.Subject).HasMaxLength(300).IsRequired();
        builder.Property(m => m.TextBody).IsRequired();
        builder.Property(m => m.AttachmentName).HasMaxLength(200);
        builder.Property(m => m.AttachmentContentType).HasMaxLength(100);
        builder.Property(m => m.LastError).HasMaxLength(2000);
        builder.HasIndex(m => new { m.SentAt, m.NextAttemptAt });
    }
}

internal sealed class PendingImportConfiguration : IEntityTypeConfiguration<PendingImport>
{
    public void Configure(EntityTypeBuilder<PendingImport> builder)
    {
        builder.ToTable("PendingImports");
        builder.Property(i => i.Id).ValueGeneratedNever();
        builder.Property(i => i.Kind).HasMaxLength(32).IsRequired();
        builder.Property(i => i.FileName).HasMaxLength(260).IsRequired();
        builder.Property(i => i.Content).IsRequired();
        builder.HasIndex(i => i.CreatedAt);
    }
}

internal sealed class UserSessionConfiguration : IEntityTypeConfiguration<UserSession>
{
    public void Configure(EntityTypeBuilder<UserSession> builder)
    {
        builder.ToTable("UserSessions");
        builder.HasKey(s => s.KeyHash);
        builder.Property(s => s.KeyHash).HasMaxLength(64);
        builder.Property(s => s.Ticket).IsRequired();
        builder.HasOne<User>().WithMany().HasForeignKey(s => s.UserId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(s => s.UserId);
        builder.HasIndex(s => s.ExpiresAt);
    }
}

internal sealed class DataGenerationConfiguration : IEntityTypeConfiguration<DataGenerationRow>
{
    public void Configure(EntityTypeBuilder<DataGenerationRow> builder)
    {
        builder.ToTable("DataGeneration");
        builder.Property(g => g.Id).ValueGeneratedNever();
    }
}

internal sealed class IdempotencyRecordConfiguration : IEntityTypeConfiguration<IdempotencyRecord>
{
    public void Configure(EntityTypeBuilder<IdempotencyRecord> builder)
    {
        builder.ToTable("IdempotencyRecords");
        builder.HasKey(r => new { r.UserId, r.Key });
        builder.Property(r => r.Key).HasMaxLength(100);
        builder.Property(r => r.RequestHash).HasMaxLength(64).IsRequired();
        builder.Property(r => r.ContentType).HasMaxLength(200);
        builder.Property(r => r.Location).HasMaxLength(2000);
        builder.HasOne<User>().WithMany().HasForeignKey(r => r.UserId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(r => r.CreatedAt);
    }
}

internal sealed class DataProtectionKeyConfiguration : IEntityTypeConfiguration<Microsoft.AspNetCore.DataProtection.EntityFrameworkCore.DataProtectionKey>
{
    public void Configure(EntityTypeBuilder<Microsoft.AspNetCore.DataProtection.EntityFrameworkCore.DataProtectionKey> builder) =>
        builder.ToTable("DataProtectionKeys");
}
