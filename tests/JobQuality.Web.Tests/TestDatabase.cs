using JobQuality.Web.Data;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Data.SqlClient;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace JobQuality.Web.Tests;

/// <summary>
/// Where a test site keeps its data. A SQLite file of its own by default. When the environment says
/// <c>Database__Provider=SqlServer</c> (the CI's SQL Server job does), a database of its own on the
/// server that <c>ConnectionStrings__JobQuality</c> names: created by the site's migrations, dropped
/// afterwards.
/// </summary>
public sealed class TestDatabase : IDisposable
{
    private readonly string _folder;

    private TestDatabase(string provider, string connectionString, string folder, string? sqliteFile)
    {
        Provider = provider;
        ConnectionString = connectionString;
        _folder = folder;
        SqliteFile = sqliteFile;
    }

    public string Provider { get; }

    public string ConnectionString { get; }

    /// <summary>The SQLite file; null on SQL Server.</summary>
    public string? SqliteFile { get; }

    public bool IsSqlServer => Provider == "SqlServer";

    /// <summary>The provider the environment names (SQLite unless it says SQL Server).</summary>
    public static TestDatabase FromEnvironment()
    {
        var folder = Directory.CreateTempSubdirectory("jobquality-db-").FullName;
        if (!string.Equals(Environment.GetEnvironmentVariable("Database__Provider"), "SqlServer", StringComparison.OrdinalIgnoreCase))
        {
            return Sqlite(folder);
        }

        var server = Environment.GetEnvironmentVariable("ConnectionStrings__JobQuality");
        if (string.IsNullOrWhiteSpace(server))
        {
            throw new InvalidOperationException("Database__Provider is SqlServer: set ConnectionStrings__JobQuality to the server the tests may create databases on.");
        }

        var database = new SqlConnectionStringBuilder(server) { InitialCatalog = $"JobQualityTest_{Guid.NewGuid():N}" };
        return new TestDatabase("SqlServer", database.ConnectionString, folder, null);
    }

    /// <summary>A SQLite file, whatever the environment says: for tests about the file itself.</summary>
    public static TestDatabase SqliteFileOfItsOwn() => Sqlite(Directory.CreateTempSubdirectory("jobquality-db-").FullName);

    private static TestDatabase Sqlite(string folder)
    {
        var file = Path.Combine(folder, "data", "jobquality.db");
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        return new TestDatabase("Sqlite", $"Data Source={file}", folder, file);
    }

    /// <summary>The settings that point the site or its command line here; the site applies the migrations itself.</summary>
    public Dictionary<string, string> Settings => new()
    {
        ["Database:Provider"] = Provider,
        ["ConnectionStrings:JobQuality"] = ConnectionString,
        ["Database:MigrateOnStart"] = "true",
    };

    /// <summary>The same settings as environment variables, for the command line.</summary>
    public Dictionary<string, string> EnvironmentVariables =>
        Settings.ToDictionary(setting => setting.Key.Replace(":", "__", StringComparison.Ordinal), setting => setting.Value);

    public void ApplyTo(IWebHostBuilder builder)
    {
        foreach (var (key, value) in Settings)
        {
            builder.UseSetting(key, value);
        }
    }

    /// <summary>A context on this database, apart from any site, for arranging and checking data.</summary>
    public JobQualityDbContext OpenContext() => IsSqlServer
        ? new SqlServerJobQualityDbContext(new DbContextOptionsBuilder<SqlServerJobQualityDbContext>().UseSqlServer(ConnectionString).Options)
        : new SqliteJobQualityDbContext(new DbContextOptionsBuilder<SqliteJobQualityDbContext>().UseSqlite(ConnectionString).Options);

    public void Dispose()
    {
        if (IsSqlServer)
        {
            Drop();
        }

        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open is left to the system's temporary-file cleanup.
        }
    }

    private void Drop()
    {
        SqlConnection.ClearAllPools();
        var database = new SqlConnectionStringBuilder(ConnectionString);
        var name = database.InitialCatalog;
        database.InitialCatalog = "master";
        using var connection = new SqlConnection(database.ConnectionString);
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = $"IF DB_ID(N'{name}') IS NOT NULL BEGIN ALTER DATABASE [{name}] SET SINGLE_USER WITH ROLLBACK IMMEDIATE; DROP DATABASE [{name}]; END";
        command.ExecuteNonQuery();
    }
}
