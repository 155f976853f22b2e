namespace JobQuality.Web.Caching;

/// <summary>
/// A copy of something read from the database and kept in memory until content changes: read on
/// first use, by one caller while the others wait, and forgotten by <see cref="Forget"/> (see
/// <see cref="ContentChanges"/>, which every change reaches, wherever it was made).
/// </summary>
public sealed class MemoryCopy<T> : IDisposable
    where T : class
{
    private readonly SemaphoreSlim _reading = new(1, 1);
    private Copy? _current;
    private long _generation;

    /// <summary>Drops the copy: the next use reads it again.</summary>
    public void Forget() => Interlocked.Increment(ref _generation);

    /// <summary>The copy read since content last changed, reading it with <paramref name="read"/> if there is none.</summary>
    public async ValueTask<T> GetAsync(Func<CancellationToken, Task<T>> read, CancellationToken cancellationToken)
    {
        if (Current is { } current)
        {
            return current;
        }

        await _reading.WaitAsync(cancellationToken);
        try
        {
            if (Current is { } other)
            {
                return other;
            }

            var generation = Interlocked.Read(ref _generation);
            var value = await read(cancellationToken);

            // It counts as the copy of the content as it was when the reading began: if content changed
            // meanwhile, this caller (which began before the change) uses it, and the next reads again.
            _current = new Copy(value, generation);
            return value;
        }
        finally
        {
            _reading.Release();
        }
    }

    public void Dispose() => _reading.Dispose();

    private T? Current =>
        _current is { } current && current.Generation == Interlocked.Read(ref _generation) ? current.Value : null;

    /// <summary>A copy and the generation of the content it was read in (one reference, so it is read whole).</summary>
    private sealed record Copy(T Value, long Generation);
}
