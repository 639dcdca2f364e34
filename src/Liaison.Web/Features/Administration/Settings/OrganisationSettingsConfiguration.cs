using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Liaison.Web.Features.Administration.Settings;

internal sealed class OrganisationSettingsConfiguration : IEntityTypeConfiguration<OrganisationSettings>
{
    public void Configure(EntityTypeBuilder<OrganisationSettings> builder)
    {
        builder.ToTable("OrganisationSettings");
        builder.Property(s => s.Id).ValueGeneratedNever();
        builder.Property(s => s.OrganisationName).HasMaxLength(200).IsRequired();
        builder.Property(s => s.RelationshipManagerTitle).HasMaxLength(100).IsRequired();
        builder.Property(s => s.RenewalReminderDays).HasMaxLength(100).IsRequired().HasDefaultValue(OrganisationSettings.DefaultRenewalReminderDays);
        builder.Property(s => s.RenewalReminderIntervalDays).HasDefaultValue(7);
        builder.Property(s => s.Version).IsConcurrencyToken();
    }
}
