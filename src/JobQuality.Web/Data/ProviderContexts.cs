using Microsoft.EntityFrameworkCore;

namespace JobQuality.Web.Data;

/// <summary>The embedded default: a SQLite file. Its migrations are in Data/Migrations/Sqlite.</summary>
public sealed class SqliteJobQualityDbContext(DbContextOptions<SqliteJobQualityDbContext> options)
    : JobQualityDbContext(options);

/// <summary>The production provider. Its migrations are in Data/Migrations/SqlServer.</summary>
public sealed class SqlServerJobQualityDbContext(DbContextOptions<SqlServerJobQualityDbContext> options)
    : JobQualityDbContext(options);
