namespace JobQuality.Web.Shared;

/// <summary>
/// One filter of a listing: its choices, and which of an item's values they are (its dimensions,
/// its type). Every filter a listing has is of this one shape, so they are applied and counted
/// one way (<see cref="ListedKind.Filter"/>).
/// </summary>
/// <remarks>A value asked for that no item has (one that names no choice, say) matches nothing.</remarks>
public sealed record Facet(FilterChoice Choice, ListedBy By);

/// <summary>The kinds of value a listing filters by.</summary>
public enum ListedBy
{
    Dimension,
    Field,
    Type,
    Year,
}
