namespace JobQuality.Web.Shared;

/// <summary>
/// One filter of a listing: its choices, and the values an item has among them (its dimensions,
/// its type). Every filter a listing has is of this one shape, so they are applied and counted
/// one way (<see cref="ListedKind.Filter"/>).
/// </summary>
/// <remarks>A value asked for that no item has (one that names no choice, say) matches nothing.</remarks>
public sealed record Facet(FilterChoice Choice, Func<ListedItem, IReadOnlyList<string>> Values);
