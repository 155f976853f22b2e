namespace JobQuality.Web.Shared;

/// <summary>Links between the pages of a list.</summary>
public sealed record Pager(int Page, int PageCount, Func<int, string> Link);
