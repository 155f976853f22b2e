using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace JobQuality.Web.Data;

/// <summary>
/// Writes many new rows of one entity type with multi-row INSERTs in the current transaction, without
/// tracking an entity per row. Table, columns and parameters all come from the EF model: each value
/// goes through its property's own type mapping (value converters, UTC times, enums as text, lists as
/// JSON), exactly as <c>SaveChanges</c> would send it, so the rows are the same on every provider.
/// </summary>
internal static class BulkInsert
{
    /// <summary>Rows per statement elsewhere, and parameters per statement within SQL Server's limit of 2,100.</summary>
    private const int MaxRows = 300;
    private const int MaxParameters = 2000;

    /// <summary>
    /// The properties an INSERT of <paramref name="entityType"/> writes: every mapped property but a
    /// key the database generates.
    /// </summary>
    public static List<IProperty> WrittenProperties(IEntityType entityType) =>
        [.. entityType.GetProperties().Where(p => !(p.IsPrimaryKey() && p.ValueGenerated != ValueGenerated.Never))];

    /// <summary>Inserts one row per element of <paramref name="rows"/>, each property's value given by <paramref name="valueOf"/>.</summary>
    public static async Task InsertAsync<T>(
        JobQualityDbContext db,
        IEntityType entityType,
        IReadOnlyList<IProperty> properties,
        IReadOnlyList<T> rows,
        Func<T, IProperty, object?> valueOf,
        CancellationToken cancellationToken)
    {
        if (rows.Count == 0)
        {
            return;
        }

        var sql = db.GetService<ISqlGenerationHelper>();
        var table = sql.DelimitIdentifier(entityType.GetTableName()!, entityType.GetSchema());
        var columns = string.Join(", ", properties.Select(p => sql.DelimitIdentifier(p.GetColumnName())));
        var mappings = properties.Select(p => p.GetRelationalTypeMapping()).ToArray();

        // SQLite runs in the process: one prepared single-row statement, run again for every row, is its
        // fastest way in (several times faster than multi-row VALUES, measured). A server is a round trip
        // away, so there as many rows go in one statement as its parameter limit allows.
        var perStatement = db.Database.IsSqlite() ? 1 : Math.Max(1, Math.Min(MaxRows, MaxParameters / properties.Count));

        var connection = db.Database.GetDbConnection();
        var transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        DbCommand? command = null;
        try
        {
            for (var start = 0; start < rows.Count; start += perStatement)
            {
                var count = Math.Min(perStatement, rows.Count - start);
                if (command is null || command.Parameters.Count != count * properties.Count)
                {
                    if (command is not null)
                    {
                        await command.DisposeAsync();
                    }

                    command = connection.CreateCommand();
                    command.Transaction = transaction;
                    command.CommandText = $"INSERT INTO {table} ({columns}) VALUES " + string.Join(", ", Enumerable.Range(0, count)
                        .Select(row => "(" + string.Join(", ", properties.Select((_, column) => $"@p{row}_{column}")) + ")"));
                }

                // The statement is kept; its parameters are made afresh, since a type mapping may size one by its value.
                command.Parameters.Clear();
                for (var row = 0; row < count; row++)
                {
                    var item = rows[start + row];
                    for (var column = 0; column < properties.Count; column++)
                    {
                        var property = properties[column];
                        command.Parameters.Add(mappings[column].CreateParameter(
                            command, $"@p{row}_{column}", valueOf(item, property), property.IsNullable));
                    }
                }

                await command.ExecuteNonQueryAsync(cancellationToken);
            }
        }
        finally
        {
            if (command is not null)
            {
                await command.DisposeAsync();
            }
        }
    }

    /// <summary>The value of a mapped property of an entity, as the change tracker would read it.</summary>
    public static object? ValueOf(object entity, IProperty property) =>
        property.GetGetter().GetClrValueUsingContainingEntity(entity);
}
