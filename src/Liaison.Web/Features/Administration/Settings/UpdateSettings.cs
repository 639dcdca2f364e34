using System.ComponentModel.DataAnnotations;
using FluentValidation;
using Liaison.Web.Platform.Auth;
using Liaison.Web.Platform.Data;
using Liaison.Web.Platform.Web;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Liaison.Web.Features.Administration.Settings;

internal sealed class SettingsInput : IVersionedInput
{
    [Display(Name = "Organisation name")]
    public string OrganisationName { get; set => field = value ?? ""; } = "";

    [Display(Name = "What relationship managers are called")]
    public string RelationshipManagerTitle { get; set => field = value ?? ""; } = "";

    [Display(Name = "Fiscal year starts in")]
    public int FiscalYearStartMonth { get; set; } = 7;

    [Display(Name = "Renewal reminders, days before the last safe date")]
    public string RenewalReminderDays { get; set => field = value ?? ""; } = OrganisationSettings.DefaultRenewalReminderDays;

    [Display(Name = "After the last safe date, remind every (days)")]
    public int RenewalReminderIntervalDays { get; set; } = 7;

    [Display(Name = "Service assessment goes out in (months)")]
    public string SurveyMonths { get; set => field = value ?? ""; } = OrganisationSettings.DefaultSurveyMonths;

    [Display(Name = "An assessment stays open for (days)")]
    public int SurveyOpenDays { get; set; } = 21;

    [Display(Name = "Remind those who have not answered, days after opening")]
    public string SurveyReminderDays { get; set => field = value ?? ""; } = OrganisationSettings.DefaultSurveyReminderDays;

    [Display(Name = "At most this many reminders per person")]
    public int SurveyMaxReminders { get; set; } = 2;

    [Display(Name = "The state's holidays")]
    public string Holidays { get; set => field = value ?? ""; } = "";

    public int? Version { get; set; }

    public static SettingsInput From(OrganisationSettings s) => new()
    {
        OrganisationName = s.OrganisationName,
        RelationshipManagerTitle = s.RelationshipManagerTitle,
        FiscalYearStartMonth = s.FiscalYearStartMonth,
        RenewalReminderDays = s.RenewalReminderDays,
        RenewalReminderIntervalDays = s.RenewalReminderIntervalDays,
        SurveyMonths = s.SurveyMonths,
        SurveyOpenDays = s.SurveyOpenDays,
        SurveyReminderDays = s.SurveyReminderDays,
        SurveyMaxReminders = s.SurveyMaxReminders,
        Holidays = s.Holidays,
        Version = s.Version,
    };

    public void ApplyTo(OrganisationSettings s)
    {
        s.OrganisationName = OrganisationName.Trim();
        s.RelationshipManagerTitle = RelationshipManagerTitle.Trim();
        s.FiscalYearStartMonth = FiscalYearStartMonth;
        s.RenewalReminderDays = string.Join(", ", OrganisationSettings.ParseDays(RenewalReminderDays) ?? []);
        s.RenewalReminderIntervalDays = RenewalReminderIntervalDays;
        s.SurveyMonths = string.Join(", ", OrganisationSettings.ParseMonths(SurveyMonths) ?? []);
        s.SurveyOpenDays = SurveyOpenDays;
        s.SurveyReminderDays = string.Join(", ", (OrganisationSettings.ParseDays(SurveyReminderDays) ?? []).OrderBy(d => d));
        s.SurveyMaxReminders = SurveyMaxReminders;
        s.Holidays = string.Join("\n", (OrganisationSettings.ParseHolidays(Holidays) ?? []).Select(d => d.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)));
    }
}

internal sealed class SettingsInputValidator : AbstractValidator<SettingsInput>
{
    public static readonly SettingsInputValidator Instance = new();

    public SettingsInputValidator()
    {
        RuleFor(s => s.OrganisationName).NotEmpty().WithMessage("Enter the organisation's name.").MaximumLength(200);
        RuleFor(s => s.RelationshipManagerTitle).NotEmpty().WithMessage("Enter what relationship managers are called, for instance ARM.").MaximumLength(100);
        RuleFor(s => s.FiscalYearStartMonth).InclusiveBetween(1, 12).WithMessage("Choose the month the fiscal year starts.");
        RuleFor(s => s.RenewalReminderDays).MaximumLength(100)
            .Must(d => OrganisationSettings.ParseDays(d) is { Count: > 0 and <= 12 })
            .WithMessage("Give from one to twelve numbers of days from 1 to 730, separated by commas, such as 180, 90, 60, 30, 14, 7.");
        RuleFor(s => s.RenewalReminderIntervalDays).InclusiveBetween(1, 90).WithMessage("Give a number of days from 1 to 90.");
        RuleFor(s => s.SurveyMonths).MaximumLength(50).Must(m => OrganisationSettings.ParseMonths(m) is not null)
            .WithMessage("Give month numbers from 1 to 12 separated by commas, such as 1, 7 for January and July; leave it empty to schedule none.");
        RuleFor(s => s.SurveyOpenDays).InclusiveBetween(1, 180).WithMessage("Give a number of days from 1 to 180.");
        RuleFor(s => s.SurveyReminderDays).MaximumLength(100).Must(d => OrganisationSettings.ParseDays(d) is { Count: <= 12 })
            .WithMessage("Give up to twelve numbers of days from 1 to 730, separated by commas, such as 7, 14; leave it empty for no reminders.");
        RuleFor(s => s.SurveyMaxReminders).InclusiveBetween(0, 10).WithMessage("Give a number from 0 to 10.");
        RuleFor(s => s.Holidays).MaximumLength(2000).Must(h => OrganisationSettings.ParseHolidays(h) is not null)
            .WithMessage("Write each holiday as a date such as 2027-01-01, one per line.");
    }
}

/// <summary>An administrator changes the organisation's name, the relationship managers' title and the fiscal year.</summary>
internal sealed class UpdateSettings(LiaisonDbContext db, AccessRule access)
{
    public async Task<Result<OrganisationSettings>> HandleAsync(SettingsInput input, CancellationToken ct)
    {
        if (!access.CanManageReferenceData)
            return Result<OrganisationSettings>.Forbidden();
        if (Validation.Check(SettingsInputValidator.Instance, input) is { } errors)
            return Result<OrganisationSettings>.Invalid(errors);
        var settings = await db.OrganisationSettings.FirstAsync(s => s.Id == OrganisationSettings.SingletonId, ct);
        var result = await Edits.SaveAsync(db, settings, input.Version ?? 0, input, SettingsInput.From, input.ApplyTo,
            nameof(OrganisationSettings), settings.Id, ct);
        return result;
    }
}

internal static class SettingsApi
{
    public static RouteGroupBuilder MapSettingsApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/settings").WithTags("Settings");
        group.MapGet("/", GetAsync).WithSummary("The organisation's name, relationship managers' title, fiscal year start, renewal reminder days, the service assessment's schedule and the state's holidays");
        group.MapPut("/", UpdateAsync).WithSummary("Change the settings (administrators); a stale version is answered 409");
        return api;
    }

    private static async Task<VersionedOk<SettingsInput>> GetAsync(SiteSettings settings, CancellationToken ct)
    {
        var current = SettingsInput.From(await settings.GetAsync(ct));
        return new VersionedOk<SettingsInput>(current, current.Version ?? 0);
    }

    private static async Task<Results<VersionedOk<SettingsInput>, ProblemHttpResult>> UpdateAsync(SettingsInput input, HttpContext http, UpdateSettings update,
        CancellationToken ct)
    {
        if (ResultTranslation.RequireVersion(http, input) is { } missing)
            return missing;
        return (await update.HandleAsync(input, ct)).ToVersioned(SettingsInput.From, s => s.Version ?? 0);
    }
}
