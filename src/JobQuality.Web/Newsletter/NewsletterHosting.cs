namespace JobQuality.Web.Newsletter;

public static class NewsletterHosting
{
    /// <summary>The newsletter's mail; it goes through the outbox the webinar registration set up.</summary>
    public static IHostApplicationBuilder AddNewsletter(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton<NewsletterMail>();
        return builder;
    }
}
