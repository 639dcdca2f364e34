using System.ComponentModel.DataAnnotations;
using Liaison.Web.Platform.Web;
using Microsoft.EntityFrameworkCore;

namespace Liaison.Web.Features.Relationships;

/// <summary>A contact's line of the matrix as a person fills it in.</summary>
internal sealed class StakeholderInput : IVersionedInput
{
    [Display(Name = "Priority")]
    public Priority? Priority { get; set; }

    [Display(Name = "Impact")]
    public Impact? Impact { get; set; }

    [Display(Name = "Frequency of engagement")]
    public Frequency? Frequency { get; set; }

    [Display(Name = "Methods of engagement")]
    public List<Methods> Methods { get; set; } = [];

    [Display(Name = "Agency executive")]
    public bool IsAgencyExecutive { get; set; }

    [Display(Name = "Key stakeholder (receives the service assessment)")]
    public bool IsKeyStakeholder { get; set; }

    [Display(Name = "Implementation coordinator")]
    public bool IsImplementationCoordinator { get; set; }

    public int? Version { get; set; }

    public static StakeholderInput From(StakeholderProfile p) => new()
    {
        Priority = p.Priority,
        Impact = p.Impact,
        Frequency = p.Frequency,
        Methods = StakeholderCodes.Split(p.Methods),
        IsAgencyExecutive = p.IsAgencyExecutive,
        IsKeyStakeholder = p.IsKeyStakeholder,
        IsImplementationCoordinator = p.IsImplementationCoordinator,
        Version = p.Version,
    };

    public void ApplyTo(StakeholderProfile p)
    {
        p.Priority = Priority;
        p.Impact = Impact;
        p.Frequency = Frequency;
        p.Methods = Methods.Aggregate(Relationships.Methods.None, (all, m) => all | m);
        p.IsAgencyExecutive = IsAgencyExecutive;
        p.IsKeyStakeholder = IsKeyStakeholder;
        p.IsImplementationCoordinator = IsImplementationCoordinator;
    }
}

/// <summary>The engagement plan's codes, as people write them and as Liaison explains them.</summary>
internal static class StakeholderCodes
{
    public static readonly Methods[] AllMethods = [Methods.R, Methods.F, Methods.P, Methods.E, Methods.C, Methods.S, Methods.W];

    public static List<Methods> Split(Methods methods) => AllMethods.Where(m => methods.HasFlag(m)).ToList();

    public static string Codes(Methods methods) => string.Join(", ", Split(methods));

    public static string Describe(Priority p) => p switch { Priority.H => "High", Priority.M => "Medium", _ => "Low" };

    public static string Describe(Impact i) => i switch { Impact.A => "Monitor", Impact.B => "Work closely", _ => "Keep informed" };

    public static string Describe(Frequency f) => f switch
    {
        Frequency.W => "Weekly",
        Frequency.S => "Semi-monthly",
        Frequency.M => "Monthly",
        Frequency.Q => "Quarterly",
        Frequency.AN => "As needed",
        _ => "As requested",
    };

    public static string Describe(Methods m) => m switch
    {
        Methods.R => "Report",
        Methods.F => "Face to face",
        Methods.P => "Presentation",
        Methods.E => "Email",
        Methods.C => "Phone call",
        Methods.S => "Shared site",
        _ => "Website",
    };

    public static bool TryParseMethods(string text, out Methods methods, out string? bad)
    {
        methods = Methods.None;
        bad = null;
        foreach (var code in text.Split([',', ';', ' ', '/'], StringSplitOptions.RemoveEmptyEntries))
        {
            if (Enum.TryParse<Methods>(code.Trim(), ignoreCase: true, out var m) && m != Methods.None && AllMethods.Contains(m))
                methods |= m;
            else
            {
                bad = code;
                return false;
            }
        }
        return true;
    }
}
