using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace JobQuality.Web.Data;

/// <summary>
/// Settings SQLite keeps per connection, applied each time one is opened.
/// <list type="bullet">
/// <item><c>synchronous = NORMAL</c>: in write-ahead-log mode a commit is appended to the log without
/// waiting for the disk to flush it; the log is flushed at each checkpoint. A commit survives the
/// site stopping or crashing; only a power cut or an operating-system crash can undo the last
/// commits, and never leaves the file damaged (SQLite's documented guarantee). Flushing on every
/// commit made each registration wait for the disk while every other writer waited for it.</item>
/// <item><c>busy_timeout</c>: when another process (the command line) is writing, SQLite waits for it
/// in short steps of its own instead of failing at once; the site's own writers never meet each
/// other here, since they take turns at the <see cref="WriteGate"/>.</item>
/// </list>
/// The settings stay with the connection SQLite holds open in the pool, so they are applied the
/// first time each one is opened, not on every query.
/// </summary>
public sealed class SqliteConnectionSettings : DbConnectionInterceptor
{
    private const string Pragmas = "PRAGMA synchronous = NORMAL; PRAGMA busy_timeout = 5000;";

    private readonly ConditionalWeakTable<object, object> _applied = [];

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        if (FirstOpening(connection))
        {
            using var command = connection.CreateCommand();
            command.CommandText = Pragmas;
            command.ExecuteNonQuery();
        }
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        if (FirstOpening(connection))
        {
            await using var command = connection.CreateCommand();
            command.CommandText = Pragmas;
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    /// <summary>True the first time the database connection underneath (the pooled SQLite handle) is opened.</summary>
    private bool FirstOpening(DbConnection connection) =>
        connection is not SqliteConnection { Handle: { } handle } || _applied.TryAdd(handle, handle);
}
