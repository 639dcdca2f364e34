using System.Globalization;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Liaison.Web.Features.Shared;

/// <summary>
/// One form field in the US Web Design System's pattern: label, hint, the error message next to the
/// field, and the input wired to both with aria-describedby. Renders an input, a textarea
/// (type="textarea") or a select (items).
/// <code>&lt;usa-field for="Input.Name" required hint="As on letterhead" /&gt;</code>
/// </summary>
[HtmlTargetElement("usa-field", TagStructure = TagStructure.WithoutEndTag)]
// Public: Razor only discovers public tag helpers.
public sealed class FieldTagHelper : TagHelper
{
    [HtmlAttributeName("for")]
    public ModelExpression For { get; set; } = null!;

    public string? Type { get; set; }
    public string? Hint { get; set; }
    public string? Label { get; set; }
    public bool Required { get; set; }
    public IEnumerable<SelectListItem>? Items { get; set; }

    /// <summary>The first option of a select, offering no choice; null for none.</summary>
    public string? Placeholder { get; set; } = "- Select -";
    public string? Autocomplete { get; set; }
    public int Rows { get; set; } = 4;

    /// <summary>
    /// For a select of people: where a type-ahead asks for them (<c>/People/Suggest?...</c>); picker.js then offers a
    /// search box in its place, and the select, hidden, still carries the value. Without script, the select stays.
    /// </summary>
    public string? Picker { get; set; }

    /// <summary>The name of the checkboxes whose chosen agencies the type-ahead limits its people to.</summary>
    public string? PickerAgencies { get; set; }

    /// <summary>"agency" when the picker chooses agencies (what a screen reader hears: "2 agencies found"); people otherwise.</summary>
    public string? PickerNoun { get; set; }
    public string? Width { get; set; }

    [ViewContext]
    [HtmlAttributeNotBound]
    public ViewContext ViewContext { get; set; } = null!;

    /// <summary>The data-picker attributes picker.js reads, encoded; nothing without a picker.</summary>
    internal static string PickerAttributes(string? picker, string? agencies, string? noun) =>
        picker is null ? ""
            : $" data-picker=\"{HtmlEncoder.Default.Encode(picker)}\"" + (agencies is null ? "" : $" data-picker-agencies=\"{HtmlEncoder.Default.Encode(agencies)}\"")
                + (noun is null ? "" : $" data-picker-noun=\"{HtmlEncoder.Default.Encode(noun)}\"");

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        var field = FieldState.Of(ViewContext, For);
        output.TagName = "div";
        output.TagMode = TagMode.StartTagAndEndTag;
        output.Attributes.SetAttribute("class", field.HasErrors ? "usa-form-group usa-form-group--error" : "usa-form-group");

        var html = output.Content;
        html.AppendHtml($"<label class=\"usa-label{(field.HasErrors ? " usa-label--error" : "")}\" for=\"{field.Id}\">");
        html.Append(Label ?? field.Label);
        if (Required)
            html.AppendHtml(" <abbr title=\"required\" class=\"usa-hint usa-hint--required\">*</abbr>");
        html.AppendHtml("</label>");
        var describedBy = new List<string>();
        if (Hint is not null)
        {
            html.AppendHtml($"<div class=\"usa-hint\" id=\"{field.Id}-hint\">");
            html.Append(Hint);
            html.AppendHtml("</div>");
            describedBy.Add($"{field.Id}-hint");
        }
        if (field.HasErrors)
        {
            html.AppendHtml($"<span class=\"usa-error-message\" id=\"{field.Id}-error\">");
            html.Append(string.Join(" ", field.Errors));
            html.AppendHtml("</span>");
            describedBy.Add($"{field.Id}-error");
        }

        var common = $"id=\"{field.Id}\" name=\"{field.Name}\"" +
            (describedBy.Count > 0 ? $" aria-describedby=\"{string.Join(' ', describedBy)}\"" : "") +
            (field.HasErrors ? " aria-invalid=\"true\"" : "") +
            (Required ? " aria-required=\"true\"" : "") +
            (Autocomplete is not null ? $" autocomplete=\"{HtmlEncoder.Default.Encode(Autocomplete)}\"" : "");
        var width = Width is not null ? $" usa-input--{Width}" : "";
        if (Items is not null)
        {
            html.AppendHtml($"<select class=\"usa-select{(field.HasErrors ? " usa-input--error" : "")}{width}\" {common}{PickerAttributes(Picker, PickerAgencies, PickerNoun)}>");
            if (Placeholder is not null)
                html.AppendHtml($"<option value=\"\">{HtmlEncoder.Default.Encode(Placeholder)}</option>");
            foreach (var group in Items.GroupBy(i => i.Group?.Name))
            {
                if (group.Key is not null)
                    html.AppendHtml($"<optgroup label=\"{HtmlEncoder.Default.Encode(group.Key)}\">");
                foreach (var item in group)
                {
                    var selected = string.Equals(item.Value, field.Value, StringComparison.Ordinal) ? " selected" : "";
                    html.AppendHtml($"<option value=\"{HtmlEncoder.Default.Encode(item.Value ?? "")}\"{selected}>{HtmlEncoder.Default.Encode(item.Text)}</option>");
                }
                if (group.Key is not null)
                    html.AppendHtml("</optgroup>");
            }
            html.AppendHtml("</select>");
        }
        else if (Type == "textarea")
        {
            html.AppendHtml($"<textarea class=\"usa-textarea{(field.HasErrors ? " usa-input--error" : "")}\" rows=\"{Rows}\" {common}>");
            html.Append(field.Value ?? "");
            html.AppendHtml("</textarea>");
        }
        else
        {
            var type = Type ?? "text";
            var value = type == "password" ? "" : field.Value ?? "";
            if (type == "datetime-local" && !field.Attempted && For.Model is DateTime local)
                value = local.ToString("yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture);
            html.AppendHtml($"<input class=\"usa-input{(field.HasErrors ? " usa-input--error" : "")}{width}\" type=\"{type}\" {common} value=\"{HtmlEncoder.Default.Encode(value)}\">");
        }
    }
}

/// <summary>
/// A group of checkboxes (several choices) or radio buttons (type="radio", one choice) in a fieldset
/// with a legend; items with a group are set out under their group's name.
/// </summary>
[HtmlTargetElement("usa-choices", TagStructure = TagStructure.WithoutEndTag)]
// Public: Razor only discovers public tag helpers.
public sealed class ChoicesTagHelper : TagHelper
{
    [HtmlAttributeName("for")]
    public ModelExpression For { get; set; } = null!;

    public IEnumerable<SelectListItem> Items { get; set; } = [];
    public string Type { get; set; } = "checkbox";
    public string? Legend { get; set; }
    public string? Hint { get; set; }
    public bool Required { get; set; }

    /// <summary>Lays the options out in columns on wide screens.</summary>
    public bool Columns { get; set; }

    /// <summary>For a choice of people: where a type-ahead asks for them (see <see cref="FieldTagHelper.Picker"/>).</summary>
    public string? Picker { get; set; }

    /// <summary>The name of the checkboxes whose chosen agencies the type-ahead limits its people to.</summary>
    public string? PickerAgencies { get; set; }

    /// <summary>"agency" when the picker chooses agencies; people otherwise.</summary>
    public string? PickerNoun { get; set; }

    [ViewContext]
    [HtmlAttributeNotBound]
    public ViewContext ViewContext { get; set; } = null!;

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        var field = FieldState.Of(ViewContext, For);
        var chosen = field.Values;
        output.TagName = "div";
        output.TagMode = TagMode.StartTagAndEndTag;
        output.Attributes.SetAttribute("class", field.HasErrors ? "usa-form-group usa-form-group--error" : "usa-form-group");
        var html = output.Content;
        var describedBy = new List<string>();
        html.AppendHtml($"<fieldset class=\"usa-fieldset\" id=\"{field.Id}\"{FieldTagHelper.PickerAttributes(Picker, PickerAgencies, PickerNoun)}");
        if (Hint is not null)
            describedBy.Add($"{field.Id}-hint");
        if (field.HasErrors)
            describedBy.Add($"{field.Id}-error");
        if (describedBy.Count > 0)
            html.AppendHtml($" aria-describedby=\"{string.Join(' ', describedBy)}\"");
        html.AppendHtml("><legend class=\"usa-legend\">");
        html.Append(Legend ?? field.Label);
        if (Required)
            html.AppendHtml(" <abbr title=\"required\" class=\"usa-hint usa-hint--required\">*</abbr>");
        html.AppendHtml("</legend>");
        if (Hint is not null)
            html.AppendHtml($"<div class=\"usa-hint\" id=\"{field.Id}-hint\">{HtmlEncoder.Default.Encode(Hint)}</div>");
        if (field.HasErrors)
            html.AppendHtml($"<span class=\"usa-error-message\" id=\"{field.Id}-error\">{HtmlEncoder.Default.Encode(string.Join(" ", field.Errors))}</span>");

        var index = 0;
        var inputClass = Type == "radio" ? "usa-radio" : "usa-checkbox";
        foreach (var group in Items.GroupBy(i => i.Group?.Name))
        {
            if (group.Key is not null)
                html.AppendHtml($"<fieldset class=\"usa-fieldset liaison-choice-group\"><legend class=\"usa-legend liaison-choice-group__legend\">{HtmlEncoder.Default.Encode(group.Key)}</legend>");
            html.AppendHtml(Columns ? "<div class=\"liaison-choice-columns\">" : "<div>");
            foreach (var item in group)
            {
                var id = $"{field.Id}_{index++}";
                var isChecked = chosen.Contains(item.Value ?? "") ? " checked" : "";
                html.AppendHtml($"<div class=\"{inputClass}\"><input class=\"{inputClass}__input\" type=\"{Type}\" id=\"{id}\" name=\"{field.Name}\" value=\"{HtmlEncoder.Default.Encode(item.Value ?? "")}\"{isChecked}>");
                html.AppendHtml($"<label class=\"{inputClass}__label\" for=\"{id}\">{HtmlEncoder.Default.Encode(item.Text)}</label></div>");
            }
            html.AppendHtml("</div>");
            if (group.Key is not null)
                html.AppendHtml("</fieldset>");
        }
        html.AppendHtml("</fieldset>");
    }
}

/// <summary>What a form field shows: its name, id, label, current value(s) and errors.</summary>
internal sealed record FieldState(string Name, string Id, string Label, string? Value, IReadOnlyList<string> Values, IReadOnlyList<string> Errors, bool Attempted = false)
{
    public bool HasErrors => Errors.Count > 0;

    public static FieldState Of(ViewContext view, ModelExpression expression)
    {
        var name = view.ViewData.TemplateInfo.GetFullHtmlFieldName(expression.Name);
        var id = TagBuilder.CreateSanitizedId(name, "_");
        view.ViewData.ModelState.TryGetValue(name, out var entry);
        var errors = entry?.Errors.Select(e => e.ErrorMessage).Where(m => m.Length > 0).ToList() ?? [];
        IReadOnlyList<string> values;
        string? value;
        if (entry?.RawValue is not null && entry.ValidationState != ModelValidationState.Skipped)
        {
            values = entry.RawValue is string[] raw ? raw : [entry.AttemptedValue ?? ""];
            value = entry.AttemptedValue;
        }
        else
        {
            values = expression.Model is System.Collections.IEnumerable items and not string
                ? items.Cast<object>().Select(Format).ToList()
                : [Format(expression.Model)];
            value = expression.Model is null ? null : Format(expression.Model);
        }
        var label = expression.Metadata.DisplayName ?? expression.Metadata.PropertyName ?? expression.Name;
        return new FieldState(name, id, label, value, values, errors, entry?.RawValue is not null);
    }

    private static string Format(object? value) => value switch
    {
        null => "",
        DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        DateTime d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        bool b => b ? "true" : "false",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };
}

/// <summary>
/// The error summary at the top of a form: every problem, each a link to its field. Focused on
/// load (site.js) so a screen reader announces it.
/// </summary>
[HtmlTargetElement("usa-error-summary", TagStructure = TagStructure.WithoutEndTag)]
// Public: Razor only discovers public tag helpers.
public sealed class ErrorSummaryTagHelper : TagHelper
{
    [ViewContext]
    [HtmlAttributeNotBound]
    public ViewContext ViewContext { get; set; } = null!;

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        var modelState = ViewContext.ViewData.ModelState;
        if (modelState.IsValid)
        {
            output.SuppressOutput();
            return;
        }
        output.TagName = "div";
        output.TagMode = TagMode.StartTagAndEndTag;
        output.Attributes.SetAttribute("class", "usa-alert usa-alert--error liaison-error-summary");
        output.Attributes.SetAttribute("role", "alert");
        output.Attributes.SetAttribute("tabindex", "-1");
        output.Attributes.SetAttribute("data-error-summary", "");
        var html = output.Content;
        html.AppendHtml("<div class=\"usa-alert__body\"><h2 class=\"usa-alert__heading\">There is a problem</h2><ul class=\"usa-list\">");
        foreach (var (key, entry) in modelState.Where(e => e.Value!.Errors.Count > 0).Select(e => (e.Key, e.Value!)))
        {
            foreach (var error in entry.Errors)
            {
                var message = HtmlEncoder.Default.Encode(error.ErrorMessage.Length > 0 ? error.ErrorMessage : "This value is not valid.");
                html.AppendHtml(key.Length == 0
                    ? $"<li>{message}</li>"
                    : $"<li><a href=\"#{TagBuilder.CreateSanitizedId(key, "_")}\">{message}</a></li>");
            }
        }
        html.AppendHtml("</ul></div>");
    }
}
