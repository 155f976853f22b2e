using System.ComponentModel.DataAnnotations;
using JobQuality.Web.Shared;

namespace JobQuality.Web.Feedback;

/// <summary>What the feedback form asks for.</summary>
public sealed class FeedbackForm : IDescribedPage
{
    [Required(ErrorMessage = "Choose what your message is about.")]
    [Display(Name = "What is it about?")]
    public FeedbackTopic? Topic { get; set; }

    [Required(ErrorMessage = "Write your message.")]
    [StringLength(FeedbackMessage.MessageMaxLength, ErrorMessage = "Keep your message under {1} characters.")]
    [Display(Name = "Your message")]
    public string? Message { get; set; }

    [StringLength(FeedbackMessage.NameMaxLength, ErrorMessage = "Keep your name under {1} characters.")]
    [Display(Name = "Your name (optional)")]
    public string? Name { get; set; }

    [EmailAddress(ErrorMessage = "Enter an email address like name@example.org, or leave it empty.")]
    [StringLength(FeedbackMessage.EmailMaxLength, ErrorMessage = "Keep your email address under {1} characters.")]
    [Display(Name = "Your email (optional, if you would like a reply)")]
    public string? Email { get; set; }

    /// <summary>Hidden from people; only a bot fills it in.</summary>
    public string? Website { get; set; }

    public static IEnumerable<(FeedbackTopic Value, string Label)> Topics { get; } =
    [
        (FeedbackTopic.Toolkit, "The toolkit"),
        (FeedbackTopic.Research, "Research and data"),
        (FeedbackTopic.Exemplars, "Exemplars"),
        (FeedbackTopic.Webinars, "Webinars"),
        (FeedbackTopic.Website, "This website"),
        (FeedbackTopic.Other, "Something else"),
    ];

    public PageMetadata Metadata { get; } = new()
    {
        Title = "Share your thoughts",
        Description = "Tell the Job Quality Center of Excellence what works for you, what is missing and what you would like to see next.",
        Path = "/feedback",
    };
}

/// <summary>The thank-you page after feedback is sent.</summary>
public sealed class FeedbackThanks : IDescribedPage
{
    public PageMetadata Metadata { get; } = new()
    {
        Title = "Thank you",
        Description = "Thank you for sharing your thoughts with the Job Quality Center of Excellence.",
        Path = "/feedback/thanks",
        NoIndex = true,
    };
}
