using Liaison.Web.Features.Directory.LinesOfService;
using Liaison.Web.Platform.Data;

namespace Liaison.Web.Features.Directory.Units;

/// <summary>One of the provider's operational units (Data Center Operations, End User Computing, ...).</summary>
[Liaison.Web.Platform.Modules.AgencyHealthNeutral]
internal sealed class OperationalUnit : IVersioned, ITimestamped
{
    public int Id { get; set; }
    public string Name { get; set; } = "";
    public string? Description { get; set; }
    public bool IsActive { get; set; } = true;
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
    public int Version { get; set; }

    public List<LineOfService> LinesOfService { get; } = [];
}
