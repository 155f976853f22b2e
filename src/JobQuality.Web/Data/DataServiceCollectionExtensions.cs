using JobQuality.Web.Caching;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace JobQuality.Web.Data;

public static class DataServiceCollectionExtensions
{
    public const string ConnectionStringName = "JobQuality";

    private static readonly SqliteConnectionSettings SqliteSettings = new();

    /// <summary>
    /// Registers the database for the configured provider. A configuration that cannot work (an
    /// unknown provider, no connection string for SQL Server) stops start-up here with a message
    /// that says what to set.
    /// </summary>
    public static IHostApplicationBuilder AddJobQualityData(this IHostApplicationBuilder builder)
    {
        var options = builder.Configuration.GetSection(DatabaseOptions.Section).Get<DatabaseOptions>() ?? new DatabaseOptions();
        if (!Enum.TryParse<DatabaseProvider>(options.Provider, ignoreCase: true, out var provider))
        {
            throw new InvalidOperationException(
                $"Database:Provider is '{options.Provider}'. Set it to 'Sqlite' (the default) or 'SqlServer'.");
        }

        var connectionString = builder.Configuration.GetConnectionString(ConnectionStringName);
        builder.Services.AddSingleton(new DatabaseSettings(
            provider,
            options.MigrateOnStart ?? provider == DatabaseProvider.Sqlite,
            options.ImportContentWhenEmpty));

        switch (provider)
        {
            case DatabaseProvider.Sqlite:
                var sqlite = SqliteConnectionString(connectionString, builder.Environment.ContentRootPath);
                builder.Services.AddDbContextPool<JobQualityDbContext, SqliteJobQualityDbContext>(
                    (services, db) => WithInterceptors(services, db.UseSqlite(sqlite, sql => sql.UseParameterizedCollectionMode(CollectionsAsOneParameter)).AddInterceptors(SqliteSettings)));
                break;
            case DatabaseProvider.SqlServer:
                if (string.IsNullOrWhiteSpace(connectionString))
                {
                    throw new InvalidOperationException(
                        "Database:Provider is 'SqlServer' but ConnectionStrings:JobQuality is not set. " +
                        "Set ConnectionStrings__JobQuality to a SQL Server connection string.");
                }

                builder.Services.AddDbContextPool<JobQualityDbContext, SqlServerJobQualityDbContext>(
                    (services, db) => WithInterceptors(services, db.UseSqlServer(connectionString, sql => sql.EnableRetryOnFailure().UseParameterizedCollectionMode(CollectionsAsOneParameter))));
                break;
        }

        builder.Services.AddHealthChecks().AddDbContextCheck<JobQualityDbContext>("database");
        return builder;
    }

    /// <summary>
    /// A list a query tests against (<c>ids.Contains(c.Id)</c>) goes to the database as one array
    /// parameter: SQLite's <c>json_each</c>, SQL Server's <c>OPENJSON</c>. The command is then the same
    /// whatever the list's length, so its SQL is built once; and a list of thousands of keys (an
    /// import) stays within SQL Server's limit of 2,100 parameters. Expanded into a parameter a key,
    /// EF Core's default, the SQL of a page of cards was built anew on every page.
    /// </summary>
    private const ParameterTranslationMode CollectionsAsOneParameter = ParameterTranslationMode.Parameter;

    /// <summary>The site evicts cached pages when content changes; the command line has no cache to evict.</summary>
    private static void WithInterceptors(IServiceProvider services, DbContextOptionsBuilder db)
    {
        // Whether the model has changes no migration captures is checked by the tests, not at every start.
        db.ConfigureWarnings(warnings => warnings.Ignore(RelationalEventId.PendingModelChangesWarning));
        if (services.GetService<CacheEviction>() is { } eviction)
        {
            db.AddInterceptors(eviction);
        }
    }

    /// <summary>
    /// A relative SQLite file is placed under the content root (not the shell's working folder),
    /// and its folder is created, so the default works from any directory.
    /// </summary>
    internal static string SqliteConnectionString(string? configured, string contentRoot)
    {
        var csb = new SqliteConnectionStringBuilder(
            string.IsNullOrWhiteSpace(configured) ? "Data Source=App_Data/jobquality.db" : configured);
        if (csb.DataSource != ":memory:" && !csb.DataSource.StartsWith("file:", StringComparison.Ordinal))
        {
            var path = Path.GetFullPath(csb.DataSource, contentRoot);
            var folder = Path.GetDirectoryName(path);
            if (folder is not null && !Directory.Exists(folder))
            {
                Directory.CreateDirectory(folder);
            }

            csb.DataSource = path;
        }

        return csb.ToString();
    }
}

/// <summary>The database settings resolved at start.</summary>
public sealed record DatabaseSettings(DatabaseProvider Provider, bool MigrateOnStart, bool ImportContentWhenEmpty);
