namespace JobQuality.Web.Content;

/// <summary>Where an item stands on its way to the public site.</summary>
public enum ContentStatus
{
    /// <summary>Being written; never public.</summary>
    Draft,

    /// <summary>Public from its publish time on, which is still ahead.</summary>
    Scheduled,

    /// <summary>Public.</summary>
    Published,
}
