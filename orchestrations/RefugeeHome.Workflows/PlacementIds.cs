namespace RefugeeHome.Workflows;

/// <summary>
/// A placement's id comes from the approval link that created it, so the page that reserves the households and the
/// workflow that runs the placement name it the same without telling each other.
/// </summary>
public static class PlacementIds
{
    /// <summary>The placement created by answering link <paramref name="linkId"/>.</summary>
    public static string From(string linkId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(linkId);
        return "placement-" + linkId[..24];
    }
}
