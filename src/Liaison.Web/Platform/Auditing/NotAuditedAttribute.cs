namespace Liaison.Web.Platform.Auditing;

/// <summary>
/// Left out of the audit trail: on a property, a value the system derives (its changes would only add noise); on an
/// entity, a record that keeps its own history or is nobody's edit (a calendar feed's secret, an append-only update).
/// </summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Property)]
internal sealed class NotAuditedAttribute : Attribute;
