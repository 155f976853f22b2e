using System.ComponentModel.DataAnnotations;
using JobQuality.Web.Shared;

namespace JobQuality.Web.Newsletter;

/// <summary>The newsletter sign-up: one email address.</summary>
public sealed class NewsletterSignUp : IDescribedPage
{
    [Required(ErrorMessage = "Enter your email address.")]
    [EmailAddress(ErrorMessage = "Enter an email address like name@example.org.")]
    [StringLength(Subscriber.EmailMaxLength, ErrorMessage = "Keep your email address under {1} characters.")]
    [Display(Name = "Email")]
    public string? Email { get; set; }

    public PageMetadata Metadata { get; } = new()
    {
        Title = "Newsletter",
        Description = "Sign up for the Job Quality Center of Excellence newsletter: new tools, research, exemplars and webinars.",
        Path = "/newsletter",
    };
}

/// <summary>A page of the newsletter's sign-up journey; none of them is worth indexing.</summary>
public sealed record NewsletterPage(string Heading, string Message, string? Token = null, string? Button = null, string? Action = null) : IDescribedPage
{
    public PageMetadata Metadata => new() { Title = Heading, Description = Message, NoIndex = true };
}

/// <summary>The editors' page: how many subscribed, and the export.</summary>
public sealed record NewsletterAdminPage(int Confirmed, int AwaitingConfirmation);

/// <summary>One confirmed subscriber in the export.</summary>
public sealed record SubscriberRow(string Email, DateTime ConfirmedAt);
