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
        builder.Property(s => s.SurveyMonths).HasMaxLength(50).IsRequired().HasDefaultValue(OrganisationSettings.DefaultSurveyMonths);
        builder.Property(s => s.SurveyOpenDays).HasDefaultValue(21);
        builder.Property(s => s.SurveyReminderDays).HasMaxLength(100).IsRequired().HasDefaultValue(OrganisationSettings.DefaultSurveyReminderDays);
        builder.Property(s => s.SurveyMaxReminders).HasDefaultValue(2);
        builder.Property(s => s.Holidays).HasMaxLength(2000).IsRequired().HasDefaultValue("");
        builder.Ignore(s => s.SurveyMonthNumbers);
        builder.Ignore(s => s.SurveyReminderOffsets);
        builder.Property(s => s.Version).IsConcurrencyToken();
    }
}
