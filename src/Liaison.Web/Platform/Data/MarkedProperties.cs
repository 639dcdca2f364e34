using System.Collections.Concurrent;
using System.Reflection;

namespace Liaison.Web.Platform.Data;

/// <summary>
/// Whether a property or an entity type carries one of Platform's markers (<see cref="VersionNeutralAttribute"/>,
/// <see cref="Auditing.NotAuditedAttribute"/>), answered from reflection once per member and marker: the save pipeline
/// asks for every changed property of every saved row (a 10,000-row import asked about 250,000 times).
/// </summary>
internal static class MarkedProperties
{
    private static readonly ConcurrentDictionary<(MemberInfo Member, Type Marker), bool> Known = new();

    public static bool IsMarked<TMarker>(this MemberInfo? member) where TMarker : Attribute =>
        member is not null && Known.GetOrAdd((member, typeof(TMarker)), static key => key.Member.IsDefined(key.Marker, inherit: true));
}
