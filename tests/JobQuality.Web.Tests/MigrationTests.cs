using JobQuality.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

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

    [Fact]
    public void The_sql_server_deployment_script_applies_every_migration_and_can_run_again()
    {
        using var db = new SqlServerDesignTimeFactory().CreateDbContext([]);
        var expected = db.GetService<IMigrator>().GenerateScript(options: MigrationsSqlGenerationOptions.Idempotent);
        var committed = File.ReadAllText(Path.Combine(Repository.Root, "deploy", "sqlserver", "migrate.sql"));

        static string Lines(string script) => script.Trim().Trim('\uFEFF').ReplaceLineEndings("\n");
        Assert.True(Lines(expected) == Lines(committed),
            "deploy/sqlserver/migrate.sql is out of date: dotnet ef migrations script --idempotent --context SqlServerJobQualityDbContext --project src/JobQuality.Web -o deploy/sqlserver/migrate.sql");
        foreach (var migration in db.Database.GetMigrations())
        {
            Assert.Contains($"WHERE [MigrationId] = N'{migration}'", committed, StringComparison.Ordinal);
        }
    }
}
