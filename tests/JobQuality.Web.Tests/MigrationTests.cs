using JobQuality.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace JobQuality.Web.Tests;

public sealed class MigrationTests
{
    [Fact]
    public void The_sqlite_migrations_capture_the_whole_model()
    {
        using var db = new SqliteDesignTimeFactory().CreateDbContext([]);

        Assert.False(db.Database.HasPendingModelChanges(), "Add a SQLite migration: dotnet ef migrations add <Name> --context SqliteJobQualityDbContext");
    }

    [Fact]
    public void The_sql_server_migrations_capture_the_whole_model()
    {
        using var db = new SqlServerDesignTimeFactory().CreateDbContext([]);

        Assert.False(db.Database.HasPendingModelChanges(), "Add a SQL Server migration: dotnet ef migrations add <Name> --context SqlServerJobQualityDbContext");
    }

    [Fact]
    public void Both_providers_have_the_same_migrations()
    {
        using var sqlite = new SqliteDesignTimeFactory().CreateDbContext([]);
        using var sqlServer = new SqlServerDesignTimeFactory().CreateDbContext([]);

        static IEnumerable<string> Names(DbContext db) => db.Database.GetMigrations().Select(m => m[(m.IndexOf('_', StringComparison.Ordinal) + 1)..]);
        Assert.Equal(Names(sqlite), Names(sqlServer));
    }
}
