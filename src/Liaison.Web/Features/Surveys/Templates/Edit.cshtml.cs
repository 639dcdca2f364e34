using Liaison.Web.Platform.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace Liaison.Web.Features.Surveys.Templates;

/// <summary>Changes a template no wave uses yet: its name, introduction and questions (a blank question is left out).</summary>
internal sealed class EditModel(ManageTemplates templates) : PageModel
{
    /// <summary>Blank rows offered below the questions, for new ones.</summary>
    public const int BlankRows = 3;

    [BindProperty]
    public TemplateInput Input { get; set; } = new();

    public int Id { get; private set; }
    public ConflictInfo? Conflict { get; private set; }

    public static List<SelectListItem> Kinds =>
    [
        new("1–5 rating of each line of service", nameof(QuestionKind.ServiceRating)),
        new("Likelihood to recommend, 0–10", nameof(QuestionKind.Recommend)),
        new("Free text", nameof(QuestionKind.Text)),
        new("Yes or no", nameof(QuestionKind.YesNo)),
        new("One of several choices", nameof(QuestionKind.Choice)),
    ];

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (!templates.MayManage)
            return Forbid();
        var found = await templates.GetAsync(id, ct);
        if (this.Refusal(found) is { } refusal)
            return refusal;
        if (found.Value!.IsInUse)
        {
            TempData["Error"] = "A wave keeps this template as it was sent; copy it to change the questions.";
            return Redirect($"/Surveys/Templates/{id}");
        }
        Id = id;
        Input = TemplateInput.From(found.Value.Template);
        AddBlankRows();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken ct)
    {
        Id = id;
        var result = await templates.UpdateAsync(id, Input, ct);
        if (result.IsOk)
        {
            TempData["Status"] = "The template has been saved.";
            return Redirect($"/Surveys/Templates/{id}");
        }
        if (this.Refusal(result) is { } refusal)
            return refusal;
        Conflict = this.ShowProblems(result, Input);
        AddBlankRows();
        return Page();
    }

    private void AddBlankRows()
    {
        var blanks = Input.Questions.Count(q => string.IsNullOrWhiteSpace(q.Text));
        for (var i = blanks; i < BlankRows && Input.Questions.Count < ManageTemplates.MaxQuestions + BlankRows; i++)
            Input.Questions.Add(new QuestionInput { Kind = QuestionKind.Text });
    }
}
