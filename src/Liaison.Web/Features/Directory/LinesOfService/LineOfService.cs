using Liaison.Web.Features.Directory.Units;
using Liaison.Web.Platform.Data;

namespace Liaison.Web.Features.Directory.LinesOfService;

/// <summary>An entry of the service catalogue: a key function of an operational unit.</summary>
[Liaison.Web.Platform.Modules.AgencyHealthNeutral]
internal sealed class LineOfService : IVersioned, ITimestamped
{
    public int Id { get; set; }
    public string Name { get; set; } = "";
    public string? Description { get; set; }
    public int OperationalUnitId { get; set; }
    public OperationalUnit? OperationalUnit { get; set; }
    public bool IsActive { get; set; } = true;
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
    public int Version { get; set; }
}
