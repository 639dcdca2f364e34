using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Liaison.Web.Platform.Data;

/// <summary>
/// Every instant is stored and read back as UTC, so SQLite (which keeps no kind) and PostgreSQL
/// (timestamptz, which rejects local times) behave the same.
/// </summary>
internal sealed class UtcDateTimeConverter() : ValueConverter<DateTime, DateTime>(
    v => v.Kind == DateTimeKind.Utc ? v : DateTime.SpecifyKind(v.ToUniversalTime(), DateTimeKind.Utc),
    v => DateTime.SpecifyKind(v, DateTimeKind.Utc));
