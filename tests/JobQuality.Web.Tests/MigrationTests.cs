using JobQuality.Web.Data;
using Microsoft.Data.Sqlite;
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
    public void The_script_for_a_new_sqlite_database_is_the_one_the_migrations_generate()
    {
        using var db = new SqliteDesignTimeFactory().CreateDbContext([]);
        var expected = db.GetService<IMigrator>().GenerateScript(options: MigrationsSqlGenerationOptions.NoTransactions);

        Assert.True(Lines(expected) == Lines(NewSqliteDatabase.Script()),
            $"src/JobQuality.Web/Data/Migrations/Sqlite/create.sql is out of date: {NewSqliteDatabase.GenerateCommand}");
    }

    [Fact]
    public async Task A_new_sqlite_database_gets_the_tables_rows_and_history_the_migrator_gives_it()
    {
        using var byScript = TestDatabase.SqliteFileOfItsOwn();
        using var byMigrator = TestDatabase.SqliteFileOfItsOwn();
        await using (var db = byScript.OpenContext())
        {
            Assert.True(await NewSqliteDatabase.CreateSchemaIfEmptyAsync(db.Database, CancellationToken.None));
            Assert.False(await NewSqliteDatabase.CreateSchemaIfEmptyAsync(db.Database, CancellationToken.None));
            Assert.Empty(await db.Database.GetPendingMigrationsAsync());
        }

        await using (var db = byMigrator.OpenContext())
        {
            await db.Database.MigrateAsync();
        }

        var created = Dump(byScript.ConnectionString);
        Assert.Contains("table AspNetUsers", created, StringComparison.Ordinal);
        Assert.Contains("Dimensions: wages|", created, StringComparison.Ordinal);
        Assert.Equal(Dump(byMigrator.ConnectionString), created);
    }

    [Fact]
    public async Task A_sqlite_database_of_an_earlier_version_is_migrated_when_the_site_starts()
    {
        using var database = TestDatabase.SqliteFileOfItsOwn();
        await using (var db = database.OpenContext())
        {
            var migrations = db.Database.GetMigrations().ToList();
            Assert.True(migrations.Count > 1, "This test needs a migration before the latest one.");
            await db.GetService<IMigrator>().MigrateAsync(migrations[^2]);
            Assert.Single(await db.Database.GetPendingMigrationsAsync());
        }

        using (var site = new SiteOn(database))
        {
            using var client = site.CreateClient();
            var toolkit = await client.GetStringAsync(new Uri("/toolkit", UriKind.Relative));
            Assert.Contains("Toolkit", toolkit, StringComparison.Ordinal);
        }

        await using var migrated = database.OpenContext();
        Assert.Empty(await migrated.Database.GetPendingMigrationsAsync());
    }

    [Fact]
    public void The_sql_server_deployment_script_applies_every_migration_and_can_run_again()
    {
        using var db = new SqlServerDesignTimeFactory().CreateDbContext([]);
        var expected = db.GetService<IMigrator>().GenerateScript(options: MigrationsSqlGenerationOptions.Idempotent);
        var committed = File.ReadAllText(Path.Combine(Repository.Root, "deploy", "sqlserver", "migrate.sql"));

        Assert.True(Lines(expected) == Lines(committed),
            "deploy/sqlserver/migrate.sql is out of date: dotnet ef migrations script --idempotent --context SqlServerJobQualityDbContext --project src/JobQuality.Web -o deploy/sqlserver/migrate.sql");
        foreach (var migration in db.Database.GetMigrations())
        {
            Assert.Contains($"WHERE [MigrationId] = N'{migration}'", committed, StringComparison.Ordinal);
        }
    }

    private static string Lines(string script) => script.Trim().Trim('\uFEFF').ReplaceLineEndings("\n");

    /// <summary>Every table, index and trigger with its SQL, and every row of every table, in one text.</summary>
    private static string Dump(string connectionString)
    {
        using var connection = new SqliteConnection(connectionString);
        connection.Open();
        var lines = new List<string>();
        var tables = new List<string>();
        using (var schema = connection.CreateCommand())
        {
            // EF Core's migrator leaves the table it takes its lock in; the script needs no lock.
            schema.CommandText = "SELECT type, name, sql FROM sqlite_master WHERE name <> '__EFMigrationsLock' ORDER BY type, name";
            using var reader = schema.ExecuteReader();
            while (reader.Read())
            {
                lines.Add($"{reader.GetString(0)} {reader.GetString(1)}: {(reader.IsDBNull(2) ? "" : reader.GetString(2))}");
                if (reader.GetString(0) == "table")
                {
                    tables.Add(reader.GetString(1));
                }
            }
        }

        foreach (var table in tables)
        {
            using var rows = connection.CreateCommand();
            rows.CommandText = $"SELECT * FROM \"{table}\" ORDER BY 1";
            using var reader = rows.ExecuteReader();
            while (reader.Read())
            {
                var values = Enumerable.Range(0, reader.FieldCount).Select(i => reader.IsDBNull(i) ? "null" : Convert.ToString(reader.GetValue(i), System.Globalization.CultureInfo.InvariantCulture));
                lines.Add($"{table}: {string.Join('|', values)}");
            }
        }

        return string.Join('\n', lines);
    }

    private sealed class SiteOn(TestDatabase database) : SiteFactory(database);
}
