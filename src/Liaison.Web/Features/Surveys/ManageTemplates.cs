using System.ComponentModel.DataAnnotations;
using Liaison.Web.Platform.Auth;
using Liaison.Web.Platform.Data;
using Liaison.Web.Platform.Web;
using Microsoft.EntityFrameworkCore;

namespace Liaison.Web.Features.Surveys;

internal sealed class QuestionInput
{
    public QuestionKind Kind { get; set; } = QuestionKind.Text;

    [Display(Name = "Question")]
    public string? Text { get; set; }

    [Display(Name = "Choices, one per line")]
    public string? Choices { get; set; }

    [Display(Name = "An answer is required")]
    public bool IsRequired { get; set; }
}

internal sealed class TemplateInput : IVersionedInput
{
    [Display(Name = "Name")]
    public string? Name { get; set; }

    [Display(Name = "Introduction")]
    public string? Introduction { get; set; }

    public List<QuestionInput> Questions { get; set; } = [];
    public int? Version { get; set; }

    public static TemplateInput From(SurveyTemplate t) => new()
    {
        Name = t.Name,
        Introduction = t.Introduction,
        Questions = t.Questions.OrderBy(q => q.Position)
            .Select(q => new QuestionInput { Kind = q.Kind, Text = q.Text, Choices = q.Choices, IsRequired = q.IsRequired }).ToList(),
        Version = t.Version,
    };
}

/// <summary>A template and whether it may still be changed (no wave has been sent with it).</summary>
internal sealed record TemplateView(SurveyTemplate Template, bool IsInUse, IReadOnlyList<(int Id, string Name)> Waves);

internal sealed record TemplateRow(int Id, string Name, int Questions, int Waves, bool IsScheduledAssessment);

/// <summary>
/// Survey templates: the seeded Partner Agency Service Assessment, copies of it, and their questions. A template a wave has
/// been created with is kept as it is, so every wave keeps the version it was sent with; to change it, copy it.
/// </summary>
internal sealed class ManageTemplates(LiaisonDbContext db, AccessRule access)
{
    public const string AssessmentName = "Partner Agency Service Assessment";
    public const int MaxQuestions = 40;

    public bool MayManage => access.CanManageSurveys;

    /// <summary>The handbook's assessment, as Liaison seeds it the first time surveys are used.</summary>
    internal static SurveyTemplate Assessment() => new()
    {
        Name = AssessmentName,
        IsScheduledAssessment = true,
        Introduction = "Twice a year we ask each partner agency's key stakeholders how our services serve them. Your answers go to the State CIO and to your relationship manager, who will contact you about anything that is not working.",
        Questions =
        {
            new() { Position = 1, Kind = QuestionKind.ServiceRating, IsRequired = true, Text = "How satisfied are you with each service we deliver to your agency?" },
            new() { Position = 2, Kind = QuestionKind.Recommend, IsRequired = true, Text = "How likely are you to recommend our services to a colleague in another agency?" },
            new() { Position = 3, Kind = QuestionKind.YesNo, Text = "Did your relationship manager keep you informed of work affecting your agency in the last six months?" },
            new() { Position = 4, Kind = QuestionKind.Choice, Text = "How often would you like to meet your relationship manager?", Choices = "Monthly\nQuarterly\nTwice a year" },
            new() { Position = 5, Kind = QuestionKind.Text, Text = "What did we do well, and what should we change?" },
        },
    };

    /// <summary>The scheduled assessment's template, created the first time it is needed (by whichever instance asks first).</summary>
    public static async Task<SurveyTemplate> EnsureAssessmentAsync(LiaisonDbContext db, CancellationToken ct)
    {
        if (await db.SurveyTemplates.FirstOrDefaultAsync(t => t.IsScheduledAssessment, ct) is { } existing)
            return existing;
        var seeded = Assessment();
        db.SurveyTemplates.Add(seeded);
        try
        {
            await db.SaveChangesAsync(ct);
            return seeded;
        }
        catch (DbUpdateException)
        {
            // Another instance seeded it at the same moment (the name is unique).
            db.ChangeTracker.Clear();
            return await db.SurveyTemplates.FirstAsync(t => t.Name == AssessmentName, ct);
        }
    }

    public async Task<Result<IReadOnlyList<TemplateRow>>> ListAsync(CancellationToken ct)
    {
        if (!access.CanSeeUnpublishedSurveyResults)
            return Result<IReadOnlyList<TemplateRow>>.NotFound();
        await EnsureAssessmentAsync(db, ct);
        var rows = await db.SurveyTemplates.AsNoTracking().OrderBy(t => t.Name)
            .Select(t => new TemplateRow(t.Id, t.Name, t.Questions.Count, db.Set<SurveyWave>().Count(w => w.TemplateId == t.Id), t.IsScheduledAssessment))
            .ToListAsync(ct);
        return Result<IReadOnlyList<TemplateRow>>.Ok(rows);
    }

    public async Task<Result<TemplateView>> GetAsync(int id, CancellationToken ct)
    {
        if (!access.CanSeeUnpublishedSurveyResults)
            return Result<TemplateView>.NotFound();
        var template = await db.SurveyTemplates.AsNoTracking().Include(t => t.Questions).FirstOrDefaultAsync(t => t.Id == id, ct);
        if (template is null)
            return Result<TemplateView>.NotFound();
        var waves = (await db.SurveyWaves.AsNoTracking().Where(w => w.TemplateId == id).OrderByDescending(w => w.OpensOn)
            .Select(w => new { w.Id, w.Name }).ToListAsync(ct)).Select(w => (w.Id, w.Name)).ToList();
        return Result<TemplateView>.Ok(new TemplateView(template, waves.Count > 0, waves));
    }

    /// <summary>A copy of a template with all its questions, named "Copy of …" (or "Copy 2 of …"), free to change.</summary>
    public async Task<Result<SurveyTemplate>> CopyAsync(int id, CancellationToken ct)
    {
        if (!MayManage)
            return Result<SurveyTemplate>.Forbidden();
        var source = await db.SurveyTemplates.AsNoTracking().Include(t => t.Questions).FirstOrDefaultAsync(t => t.Id == id, ct);
        if (source is null)
            return Result<SurveyTemplate>.NotFound();
        var names = await db.SurveyTemplates.Select(t => t.Name).ToListAsync(ct);
        var name = $"Copy of {source.Name}";
        for (var n = 2; names.Contains(name, StringComparer.OrdinalIgnoreCase); n++)
            name = $"Copy {n} of {source.Name}";
        var copy = new SurveyTemplate { Name = name.Length > 200 ? name[..200] : name, Introduction = source.Introduction, CopiedFromId = source.Id };
        copy.Questions.AddRange(source.Questions.OrderBy(q => q.Position).Select(q => new SurveyQuestion
        {
            Position = q.Position,
            Kind = q.Kind,
            Text = q.Text,
            Choices = q.Choices,
            IsRequired = q.IsRequired,
        }));
        db.SurveyTemplates.Add(copy);
        await db.SaveChangesAsync(ct);
        return Result<SurveyTemplate>.Ok(copy);
    }

    /// <summary>Changes a template's name, introduction and questions (replaced as given), unless a wave uses it.</summary>
    public async Task<Result<SurveyTemplate>> UpdateAsync(int id, TemplateInput input, CancellationToken ct)
    {
        if (!MayManage)
            return Result<SurveyTemplate>.Forbidden();
        var template = await db.SurveyTemplates.Include(t => t.Questions).FirstOrDefaultAsync(t => t.Id == id, ct);
        if (template is null)
            return Result<SurveyTemplate>.NotFound();
        if (await db.SurveyWaves.AnyAsync(w => w.TemplateId == id, ct))
            return Result<SurveyTemplate>.Invalid("", "A wave has been created with this template, which keeps it as it was sent; copy the template to change it.");
        var questions = input.Questions.Where(q => !string.IsNullOrWhiteSpace(q.Text)).ToList();
        var errors = new Dictionary<string, string[]>();
        var name = InputRules.Printable(input.Name)?.Trim();
        if (string.IsNullOrEmpty(name))
            errors[nameof(TemplateInput.Name)] = ["Enter the template's name."];
        else if (name.Length > 200)
            errors[nameof(TemplateInput.Name)] = ["The name is longer than 200 characters."];
        else if (await db.SurveyTemplates.AnyAsync(t => t.Id != id && t.Name == name, ct))
            errors[nameof(TemplateInput.Name)] = ["Another template has this name."];
        if (input.Introduction is { Length: > 2000 })
            errors[nameof(TemplateInput.Introduction)] = ["The introduction is longer than 2,000 characters."];
        if (input.Questions.Count > MaxQuestions + 10 || questions.Count > MaxQuestions)
            errors[nameof(TemplateInput.Questions)] = [$"A template has at most {MaxQuestions} questions."];
        else if (questions.Count == 0)
            errors[nameof(TemplateInput.Questions)] = ["Write at least one question."];
        for (var i = 0; i < input.Questions.Count && i < MaxQuestions + 10; i++)
        {
            var q = input.Questions[i];
            if (string.IsNullOrWhiteSpace(q.Text))
                continue;
            if (!Enum.IsDefined(q.Kind))
                errors[$"Questions[{i}].Kind"] = ["Choose the kind of question."];
            if (q.Text.Length > 500)
                errors[$"Questions[{i}].Text"] = ["A question is at most 500 characters."];
            var choices = (q.Choices ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            if (q.Kind == QuestionKind.Choice && choices.Length < 2)
                errors[$"Questions[{i}].Choices"] = ["Give at least two choices, one per line."];
            else if ((q.Choices?.Length ?? 0) > 2000 || choices.Any(c => c.Length > 200))
                errors[$"Questions[{i}].Choices"] = ["Choices are at most 200 characters each, 2,000 in all."];
        }
        if (errors.Count > 0)
            return Result<SurveyTemplate>.Invalid(errors);
        if (input.Version is { } version && version != template.Version)
            return Result<SurveyTemplate>.Conflicted(new ConflictInfo(template.Version, [], null, template.UpdatedAt));
        template.Name = name!;
        template.Introduction = InputRules.Printable(input.Introduction)?.Trim() is { Length: > 0 } intro ? intro : null;
        db.SurveyQuestions.RemoveRange(template.Questions);
        template.Questions.Clear();
        var position = 1;
        foreach (var q in questions)
        {
            template.Questions.Add(new SurveyQuestion
            {
                Position = position++,
                Kind = q.Kind,
                Text = InputRules.Printable(q.Text)!.Trim(),
                Choices = q.Kind == QuestionKind.Choice
                    ? string.Join('\n', (q.Choices ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Distinct())
                    : null,
                IsRequired = q.IsRequired,
            });
        }
        await db.SaveChangesAsync(ct);
        return Result<SurveyTemplate>.Ok(template);
    }
}
