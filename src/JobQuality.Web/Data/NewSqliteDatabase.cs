using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace JobQuality.Web.Data;

/// <summary>
/// A new SQLite database (the site's first start, a test's own file, an import into a new file) is
/// given its whole schema by one script, in one transaction: the script EF Core generates from the
/// SQLite migrations (<c>Migrations/Sqlite/create.sql</c>, embedded in the assembly). EF Core's
/// migrator writes the same statements, but first builds a model of its history table and each
/// migration's target model through its conventions and its model differ: a fifth to a third of a
/// second of a first start, and code the site never runs again. A database that has tables goes
/// through the migrator, which applies only the migrations it lacks. <c>MigrationTests</c> keeps the
/// script in step with the migrations.
/// </summary>
public static class NewSqliteDatabase
{
    /// <summary>How to generate the script again after adding a migration, from the repository's root.</summary>
    public const string GenerateCommand =
        "dotnet ef migrations script --no-transactions --context SqliteJobQualityDbContext --project src/JobQuality.Web -o src/JobQuality.Web/Data/Migrations/Sqlite/create.sql";

    private const string ScriptResource = "JobQuality.Web.Data.Migrations.Sqlite.create.sql";

    /// <summary>The script that creates the schema and records every migration as applied.</summary>
    public static string Script()
    {
        using var stream = typeof(NewSqliteDatabase).Assembly.GetManifestResourceStream(ScriptResource)
            ?? throw new InvalidOperationException($"The assembly lacks the embedded resource {ScriptResource}.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    /// <summary>
    /// Creates the schema when the database has no tables at all, and says whether it did; a database
    /// with tables is left as it is.
    /// </summary>
    public static async Task<bool> CreateSchemaIfEmptyAsync(DatabaseFacade database, CancellationToken cancellationToken)
    {
        await database.OpenConnectionAsync(cancellationToken);
        try
        {
            var connection = (SqliteConnection)database.GetDbConnection();
            if (await HasTablesAsync(connection, transaction: null, cancellationToken))
            {
                return false;
            }

            // BEGIN IMMEDIATE: of two instances creating the same new file at once, the second waits
            // for the first's write lock and then finds its tables.
            await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
            if (await HasTablesAsync(connection, transaction, cancellationToken))
            {
                return false;
            }

            await using var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = Script();
            await command.ExecuteNonQueryAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return true;
        }
        finally
        {
            await database.CloseConnectionAsync();
        }
    }

    private static async Task<bool> HasTablesAsync(SqliteConnection connection, SqliteTransaction? transaction, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "SELECT EXISTS (SELECT 1 FROM sqlite_master WHERE type = 'table')";
        return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture) != 0;
    }
}
