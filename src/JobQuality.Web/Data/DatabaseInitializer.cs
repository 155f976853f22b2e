using System.Globalization;
using JobQuality.Web.Content.Files;
using JobQuality.Web.Search;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace JobQuality.Web.Data;

/// <summary>
/// Brings the database up to date when the site starts: applies migrations where this instance is
/// meant to, then fills an empty database from the content folder.
/// </summary>
public sealed partial class DatabaseInitializer(
    IServiceProvider services,
    DatabaseSettings settings,
    IOptions<ContentOptions> contentOptions,
    IHostEnvironment environment,
    ILogger<DatabaseInitializer> logger) : IHostedLifecycleService
{
    /// <summary>Runs before any hosted service starts, so that none of them (the data-protection key ring among them) meets an unmigrated database.</summary>
    public async Task StartingAsync(CancellationToken cancellationToken)
    {
        await using var scope = services.CreateAsyncScope();
        await MigrateAsync(scope.ServiceProvider, cancellationToken);
        var db = scope.ServiceProvider.GetRequiredService<JobQualityDbContext>();
        await UseWriteAheadLogAsync(db, cancellationToken);
        if (settings.ImportContentWhenEmpty && !await db.Content.AnyAsync(cancellationToken))
        {
            var root = contentOptions.Value.ResolvePath(environment.ContentRootPath);
            LogSeeding(logger, root);
            var importer = scope.ServiceProvider.GetRequiredService<ContentImporter>();
            await importer.ImportAsync(root, ImportMode.SkipInvalid, cancellationToken);
        }
        else if (!await db.SearchTerms.AnyAsync(cancellationToken) && await db.Content.AnyAsync(cancellationToken))
        {
            // Content saved before the index existed: the index is derived, so it is built from the content.
            var indexed = await SearchIndex.RebuildAsync(db, cancellationToken);
            LogIndexing(logger, indexed);
        }
    }

    /// <summary>Applies pending migrations, where this instance is the one meant to.</summary>
    public async Task MigrateAsync(IServiceProvider scopedServices, CancellationToken cancellationToken)
    {
        if (!settings.MigrateOnStart)
        {
            return;
        }

        var db = scopedServices.GetRequiredService<JobQualityDbContext>();
        if (db.Database.IsSqlite() && await NewSqliteDatabase.CreateSchemaIfEmptyAsync(db.Database, cancellationToken))
        {
            LogCreatedSchema(logger);
            return;
        }

        // Most starts find the database up to date: asking costs one query, where Migrate would also
        // compare the whole model with the last migration's before finding nothing to do.
        if (!(await db.Database.GetPendingMigrationsAsync(cancellationToken)).Any())
        {
            return;
        }

        LogMigrating(logger, db.GetType().Name);
        await db.Database.CreateExecutionStrategy().ExecuteAsync(
            db, static async (context, ct) => await context.Database.MigrateAsync(ct), cancellationToken);
    }

    /// <summary>
    /// Puts a SQLite file in write-ahead-log mode, where pages are read while a registration is being
    /// written instead of waiting for it (and it for them). The mode is kept in the file itself.
    /// </summary>
    private async Task UseWriteAheadLogAsync(JobQualityDbContext db, CancellationToken cancellationToken)
    {
        if (!db.Database.IsSqlite())
        {
            return;
        }

        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            await using var command = db.Database.GetDbConnection().CreateCommand();
            command.CommandText = "PRAGMA journal_mode = WAL;";
            var mode = Convert.ToString(await command.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture);
            LogJournalMode(logger, mode);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Information, Message = "The SQLite journal mode is {JournalMode}")]
    private static partial void LogJournalMode(ILogger logger, string? journalMode);

    [LoggerMessage(Level = LogLevel.Information, Message = "The SQLite database was new: created its schema from the migrations' script")]
    private static partial void LogCreatedSchema(ILogger logger);

    [LoggerMessage(Level = LogLevel.Information, Message = "Migrating database associated with context {DbContextName}")]
    private static partial void LogMigrating(ILogger logger, string dbContextName);

    [LoggerMessage(Level = LogLevel.Information, Message = "The search index was empty; indexed {ItemCount} items")]
    private static partial void LogIndexing(ILogger logger, int itemCount);

    [LoggerMessage(Level = LogLevel.Information, Message = "The database holds no content yet; importing {ContentRoot}")]
    private static partial void LogSeeding(ILogger logger, string contentRoot);
}
