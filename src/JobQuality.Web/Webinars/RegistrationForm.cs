using System.ComponentModel.DataAnnotations;
using JobQuality.Web.Content;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.ModelBinding.Validation;
using MimeKit;

namespace JobQuality.Web.Webinars;

/// <summary>The registration form on an upcoming webinar's page; its fields post as Name, Email, Organization.</summary>
public sealed class RegistrationForm
{
    [Display(Name = "Name")]
    [Required(ErrorMessage = "Enter your name.")]
    [StringLength(Registration.NameMaxLength, ErrorMessage = "Your name can be at most {1} characters long.")]
    public string? Name { get; set; }

    [Display(Name = "Email address")]
    [Required(ErrorMessage = "Enter your email address.")]
    [StringLength(Registration.EmailMaxLength, ErrorMessage = "An email address can be at most {1} characters long.")]
    public string? Email { get; set; }

    [Display(Name = "Organization (optional)")]
    [StringLength(Registration.OrganizationMaxLength, ErrorMessage = "The organization can be at most {1} characters long.")]
    public string? Organization { get; set; }

    [Display(Name = "Field of practice (optional)")]
    public string? FieldOfPractice { get; set; }

    [Display(Name = "I have read the privacy notice and agree to it")]
    public bool Consent { get; set; }

    /// <summary>The webinar the form posts to.</summary>
    [BindNever]
    [ValidateNever]
    public string Slug { get; set; } = string.Empty;

    [BindNever]
    [ValidateNever]
    public IReadOnlyList<TermLink> Fields { get; set; } = [];

    [BindNever]
    [ValidateNever]
    public int RetentionDays { get; set; }

    /// <summary>Checks what attributes cannot: a real mailbox address, a known field, consent.</summary>
    public void Check(ModelStateDictionary modelState, IReadOnlyList<TermLink> fields)
    {
        if (!string.IsNullOrWhiteSpace(Email) && !IsMailboxAddress(Email.Trim()))
        {
            modelState.AddModelError(nameof(Email), "Enter an email address such as name@example.org.");
        }

        if (!string.IsNullOrEmpty(FieldOfPractice) && !fields.Any(f => f.Slug == FieldOfPractice))
        {
            modelState.AddModelError(nameof(FieldOfPractice), "Choose a field of practice from the list, or leave it empty.");
        }

        if (!Consent)
        {
            modelState.AddModelError(nameof(Consent), "To register, agree to the privacy notice.");
        }
    }

    // The address must be one the mail library will send to, or the mail would wait for ever.
    private static bool IsMailboxAddress(string email) =>
        !email.Any(char.IsWhiteSpace)
        && MailboxAddress.TryParse(email, out var mailbox)
        && string.Equals(mailbox.Address, email, StringComparison.Ordinal)
        && mailbox.Address.IndexOf('@', StringComparison.Ordinal) is > 0 and var at
        && mailbox.Address[(at + 1)..].Contains('.', StringComparison.Ordinal);
}
