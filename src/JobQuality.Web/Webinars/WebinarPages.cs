using JobQuality.Web.Shared;

namespace JobQuality.Web.Webinars;

/// <summary>A webinar's page: the content every kind shows, and registration while it is open.</summary>
public sealed class WebinarPage : IDescribedPage
{
    public required ContentPage Content { get; init; }

    public PageMetadata Metadata => Content.Metadata;

    /// <summary>The form, while registration is open; otherwise null and <see cref="ClosedNote"/> says why.</summary>
    public RegistrationForm? Form { get; init; }

    public string? ClosedNote { get; init; }
}

/// <summary>The answer to a registration: confirmed or waitlisted.</summary>
public sealed record RegisteredPage(WebinarEvent Webinar, RegistrationStatus Status, bool AlreadyRegistered);

/// <summary>The page a cancel link opens.</summary>
public sealed record CancelPage(WebinarEvent Webinar, string Token, RegistrationStatus Status);

/// <summary>A short message about a webinar, such as "registration has closed".</summary>
public sealed record WebinarNotice(WebinarEvent Webinar, string Heading, string Message);
