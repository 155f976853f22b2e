using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace JobQuality.Web.Data;

/// <summary>Stores times as UTC and marks them as UTC when they are read back.</summary>
public sealed class UtcDateTimeConverter() : ValueConverter<DateTime, DateTime>(
    value => value.Kind == DateTimeKind.Local ? value.ToUniversalTime() : DateTime.SpecifyKind(value, DateTimeKind.Utc),
    value => DateTime.SpecifyKind(value, DateTimeKind.Utc));
