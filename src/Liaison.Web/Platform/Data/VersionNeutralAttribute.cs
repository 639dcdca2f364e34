namespace Liaison.Web.Platform.Data;

/// <summary>
/// A column the system keeps (a derived date, bookkeeping) rather than one a person edits: changing it does not make
/// anyone's open edit of the record stale, so the record's version stays where it is.
/// </summary>
[AttributeUsage(AttributeTargets.Property)]
internal sealed class VersionNeutralAttribute : Attribute;
