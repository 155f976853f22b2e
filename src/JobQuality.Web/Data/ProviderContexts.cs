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
    private const string BinaryCollation = "Latin1_General_100_BIN2";

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);

        // Search terms compare by code point, as SQLite's do, so a prefix range finds the same rows on both.
        builder.Entity<SearchTerm>().Property(t => t.Term).UseCollation(BinaryCollation);

        // Mailed tokens match exactly, letter case included, as on SQLite.
        builder.Entity<Newsletter.Subscriber>().Property(s => s.Token).UseCollation(BinaryCollation);
        builder.Entity<Webinars.Registration>().Property(r => r.CancelToken).UseCollation(BinaryCollation);
    }
}
