namespace JobQuality.Web.Feedback;

/// <summary>What a visitor told the Center through "Share your thoughts".</summary>
public sealed class FeedbackMessage
{
    public const int MessageMaxLength = 4000;
    public const int NameMaxLength = 200;
    public const int EmailMaxLength = 320;

    public int Id { get; set; }

    public FeedbackTopic Topic { get; set; }

    public required string Message { get; set; }

    public string? Name { get; set; }

    public string? Email { get; set; }

    public DateTime ReceivedAt { get; set; }
}

/// <summary>What the feedback is about, so that it reaches the right editor.</summary>
public enum FeedbackTopic
{
    Toolkit,
    Research,
    Exemplars,
    Webinars,
    Website,
    Other,
}
