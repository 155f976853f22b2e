using Microsoft.AspNetCore.OutputCaching;

namespace JobQuality.Web.Caching;

/// <summary>
/// A page whose address carries a query (a search, a filter, a page of results) is stored in the
/// output cache only when it is asked for again. Most searches are asked once; storing each of them
/// cost a copy of the page on its way into the store and pushed pages people do ask for out of it.
/// Pages without a query (home, listings, items, topics) are a bounded set and are stored at once.
/// </summary>
internal sealed class StoredWhenAskedAgain(AskedAddresses asked) : IOutputCachePolicy
{
    public ValueTask CacheRequestAsync(OutputCacheContext context, CancellationToken cancellation)
    {
        var request = context.HttpContext.Request;
        if (context.AllowCacheStorage && request.QueryString.HasValue && !asked.AskedBefore(request.Path.Value, request.QueryString.Value))
        {
            context.AllowCacheStorage = false;
        }

        return ValueTask.CompletedTask;
    }

    public ValueTask ServeFromCacheAsync(OutputCacheContext context, CancellationToken cancellation) => ValueTask.CompletedTask;

    public ValueTask ServeResponseAsync(OutputCacheContext context, CancellationToken cancellation) => ValueTask.CompletedTask;
}

/// <summary>
/// The addresses asked for lately, as 32-bit hashes in a fixed table (256 KB), one per slot: a newer
/// address in the same slot replaces an older one, so memory stays the same however many searches
/// come, and an address asked once long ago is forgotten. A collision can at worst store a page on
/// its first asking or wait for its third; either way the visitor gets the same page, which is also
/// why writes race without a lock.
/// </summary>
internal sealed class AskedAddresses
{
    /// <summary>As many slots as the top 16 bits of a hash can name.</summary>
    private const int Slots = 1 << 16;

    private readonly int[] _seen = new int[Slots];

    /// <summary>Whether this address was asked for before; remembers it either way.</summary>
    /// <param name="path">The address's path, compared without regard to case, as the cache does.</param>
    /// <param name="query">The address's query string.</param>
    public bool AskedBefore(string? path, string? query)
    {
        // Zero marks an empty slot, so no address hashes to it.
        var hash = HashCode.Combine(
            StringComparer.OrdinalIgnoreCase.GetHashCode(path ?? string.Empty),
            StringComparer.Ordinal.GetHashCode(query ?? string.Empty)) | 1;
        ref var slot = ref _seen[(uint)hash >> 16];
        if (Volatile.Read(ref slot) == hash)
        {
            return true;
        }

        Volatile.Write(ref slot, hash);
        return false;
    }
}
