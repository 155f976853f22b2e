using System.Collections.Concurrent;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace JobQuality.Web.Data;

/// <summary>
/// SQLite lets one writer at a time change a database file. Microsoft.Data.Sqlite meets a file that
/// another connection is writing by putting the thread to sleep and trying again (150 ms a time), so
/// under load writers took thread-pool threads away from every other request and waited in steps far
/// longer than the writes themselves. Instead, the site's writers queue here, without holding a
/// thread, one at a time per database file; each then finds the file free. On SQL Server, which locks
/// rows and not the database, the gate is always open.
/// </summary>
/// <remarks>
/// Enter it around a write transaction or a single write statement outside one. The gate is not
/// re-entrant: a context inside a transaction passes straight through, but a second context must not
/// wait for a turn while the first holds one.
/// </remarks>
public static class WriteGate
{
    private static readonly ConcurrentDictionary<string, SemaphoreSlim> Gates = new(StringComparer.Ordinal);

    /// <summary>Waits for this database's turn to write; dispose the result to let the next writer in.</summary>
    public static async ValueTask<Turn> WaitForWriteTurnAsync(this DatabaseFacade database, CancellationToken cancellationToken)
    {
        if (GateFor(database) is not { } gate)
        {
            return default;
        }

        await gate.WaitAsync(cancellationToken);
        return new Turn(gate);
    }

    /// <summary>The same for synchronous code; it blocks the thread, so only rare paths use it.</summary>
    public static Turn WaitForWriteTurn(this DatabaseFacade database)
    {
        if (GateFor(database) is not { } gate)
        {
            return default;
        }

        gate.Wait();
        return new Turn(gate);
    }

    private static SemaphoreSlim? GateFor(DatabaseFacade database)
    {
        // Inside a transaction the turn is already held (or, begun elsewhere, the write lock is).
        if (!database.IsSqlite() || database.CurrentTransaction is not null
            || database.GetConnectionString() is not { } connectionString)
        {
            return null;
        }

        // One gate per file, whichever connection string or site instance in this process names it.
        var file = new SqliteConnectionStringBuilder(connectionString).DataSource;
        return Gates.GetOrAdd(file, static _ => new SemaphoreSlim(1, 1));
    }

    /// <summary>A writer's turn; disposing it ends the turn (a default one holds nothing).</summary>
    public readonly struct Turn(SemaphoreSlim? gate) : IDisposable
    {
        public void Dispose() => gate?.Release();
    }
}
