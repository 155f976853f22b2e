namespace JobQuality.Web.Shared;

/// <summary>Links between the pages of a list.</summary>
public sealed record Pager(int Page, int PageCount, Func<int, string> Link)
{
    /// <summary>The first and last pages and two either side of this one; null marks a gap.</summary>
    public IReadOnlyList<int?> Window
    {
        get
        {
            var shown = new SortedSet<int> { 1, PageCount };
            for (var p = Math.Max(1, Page - 2); p <= Math.Min(PageCount, Page + 2); p++)
            {
                shown.Add(p);
            }

            var window = new List<int?>();
            var previous = 0;
            foreach (var p in shown)
            {
                if (p > previous + 1)
                {
                    window.Add(null);
                }

                window.Add(p);
                previous = p;
            }

            return window;
        }
    }
}
