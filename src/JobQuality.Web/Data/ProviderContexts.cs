using JobQuality.Web.Search;
using Microsoft.EntityFrameworkCore;

namespace JobQuality.Web.Data;

/// <summary>The embedded default: a SQLite file. Its migrations are in Data/Migrations/Sqlite.</summary>
public sealed class SqliteJobQualityDbContext(DbContextOptions<SqliteJobQualityDbContext> options)
    : JobQualityDbContext(options);

/// <summary>The production provider. Its migrations are in Data/Migrations/SqlServer.</summary>
public sealed class SqlServerJobQualityDbContext(DbContextOptions<SqlServerJobQualityDbContext> options)
    : JobQualityDbContext(options)
{
    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);

        // Search terms compare by code point, as SQLite's do, so a prefix range finds the same rows on both.
        builder.Entity<SearchTerm>().Property(t => t.Term).UseCollation("Latin1_General_100_BIN2");
    }
}
