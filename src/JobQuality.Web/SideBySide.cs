namespace JobQuality.Web;

/// <summary>How work that is split over the cores (the import's parsing, rendering and indexing) is run.</summary>
internal static class SideBySide
{
    /// <summary>
    /// One worker per core. The site starts its thread pool with many threads (see the project file),
    /// and a loop without a limit would use them all: dozens of threads sharing two cores, each with its
    /// own sanitiser and parser, all stopping for every garbage collection the others cause.
    /// </summary>
    public static readonly ParallelOptions OnEveryCore = new() { MaxDegreeOfParallelism = Environment.ProcessorCount };
}
