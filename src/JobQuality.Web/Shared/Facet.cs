namespace JobQuality.Web.Shared;

/// <summary>
/// One filter of a listing: its choices, and the values an item has among them (its dimensions,
/// its type). Every filter a listing has is of this one shape, so they are applied and counted
/// one way (<see cref="ListedKind.Filter"/>).
/// </summary>
/// <remarks>A value asked for that no item has (one that names no choice, say) matches nothing.</remarks>
public sealed record Facet(FilterChoice Choice, Func<ListedItem, IReadOnlyList<string>> Values)
{
    /// <summary>True when nothing is selected, or the item has the selected value.</summary>
    public bool Matches(ListedItem item)
    {
        if (Choice.Selected is not { } selected)
        {
            return true;
        }

        // By index: a listing asks this of every item of its kind, and an enumerator would be garbage each time.
        var values = Values(item);
        for (var i = 0; i < values.Count; i++)
        {
            if (string.Equals(values[i], selected, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }
}
