namespace JobQuality.Web;

/// <summary>How work that is split over the cores (the import's parsing, rendering and indexing) is run.</summary>
internal static class SideBySide
{
    /// <summary>
    /// One worker per core. A loop without a limit takes every thread the pool gives it, and the pool
    /// adds threads while the loop's bodies keep them busy: more threads than cores, each with the
    /// objects of the file it holds, all stopping for every garbage collection the others cause.
    /// </summary>
    public static readonly ParallelOptions OnEveryCore = new() { MaxDegreeOfParallelism = Environment.ProcessorCount };
}
