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
    /// <summary>Rows per statement, and parameters per statement within SQL Server's limit of 2,100.</summary>
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
        var perStatement = Math.Max(1, Math.Min(MaxRows, MaxParameters / properties.Count));

        var connection = db.Database.GetDbConnection();
        var transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        var (text, textRows) = (string.Empty, 0);
        for (var start = 0; start < rows.Count; start += perStatement)
        {
            var count = Math.Min(perStatement, rows.Count - start);
            if (count != textRows)
            {
                textRows = count;
                text = $"INSERT INTO {table} ({columns}) VALUES " + string.Join(", ", Enumerable.Range(0, count)
                    .Select(row => "(" + string.Join(", ", properties.Select((_, column) => $"@p{row}_{column}")) + ")"));
            }

            await using var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = text;

            // Parameters are made afresh for each statement: a type mapping may size one by its value.
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

    /// <summary>The value of a mapped property of an entity, as the change tracker would read it.</summary>
    public static object? ValueOf(object entity, IProperty property) =>
        property.GetGetter().GetClrValueUsingContainingEntity(entity);
}
