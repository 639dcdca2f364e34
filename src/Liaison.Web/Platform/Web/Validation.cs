using FluentValidation;
using FluentValidation.Results;

namespace Liaison.Web.Platform.Web;

internal static class Validation
{
    /// <summary>
    /// Field errors keyed by the input's property name, or null when the input is valid: first the rules every input
    /// obeys (<see cref="InputRules"/>, which also normalise its line breaks), then the validator's own.
    /// </summary>
    public static Dictionary<string, string[]>? Check<T>(IValidator<T> validator, T input) where T : class
    {
        var errors = InputRules.Check(input);
        var result = validator.Validate(input);
        foreach (var (field, messages) in result.IsValid ? [] : ToDictionary(result.Errors))
            errors.TryAdd(field, messages);
        return errors.Count == 0 ? null : errors;
    }

    /// <summary>The rules every input obeys (<see cref="InputRules"/>), for an input with no rules of its own.</summary>
    public static Dictionary<string, string[]>? Check(object input) => InputRules.Check(input) is { Count: > 0 } errors ? errors : null;

    public static Dictionary<string, string[]> ToDictionary(IEnumerable<ValidationFailure> failures) =>
        failures.GroupBy(f => f.PropertyName).ToDictionary(g => g.Key, g => g.Select(f => f.ErrorMessage).Distinct().ToArray());

    public static IRuleBuilderOptions<T, string?> OptionalEmail<T>(this IRuleBuilder<T, string?> rule) => rule
        .Must(v => string.IsNullOrWhiteSpace(v) || System.Net.Mail.MailAddress.TryCreate(v.Trim(), out var a) && a.Address == v.Trim())
        .WithMessage("Enter an email address like name@example.gov.");

    public static IRuleBuilderOptions<T, string?> OptionalUrl<T>(this IRuleBuilder<T, string?> rule) => rule
        .Must(v => string.IsNullOrWhiteSpace(v) || Uri.TryCreate(v.Trim(), UriKind.Absolute, out var u) && (u.Scheme == Uri.UriSchemeHttps || u.Scheme == Uri.UriSchemeHttp))
        .WithMessage("Enter a web address starting with https://.");

    public static IRuleBuilderOptions<T, string?> OptionalPhone<T>(this IRuleBuilder<T, string?> rule) => rule
        .Matches(@"^[0-9+().\-\s x ext]*$").WithMessage("Enter a phone number using digits, spaces, +, (, ), - or x for an extension.")
        .MaximumLength(40);

    /// <summary>Trims text and turns empty into null, so "  " is never stored.</summary>
    public static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
