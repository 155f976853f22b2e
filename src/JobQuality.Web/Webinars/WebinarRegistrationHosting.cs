using JobQuality.Web.Mail;

namespace JobQuality.Web.Webinars;

public static class WebinarRegistrationHosting
{
    /// <summary>Registration, its mail and its editor operations; shared by the site and its command line.</summary>
    public static IHostApplicationBuilder AddWebinarRegistration(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<EmailOptions>().BindConfiguration(EmailOptions.Section);
        builder.Services.AddOptions<RegistrationOptions>().BindConfiguration(RegistrationOptions.Section);
        builder.Services.AddSingleton<MailOutbox>();
        builder.Services.AddSingleton<MailDelivery>();
        builder.Services.AddSingleton<RegistrationMail>();
        builder.Services.AddScoped<RegisterForWebinar>();
        builder.Services.AddScoped<CancelRegistration>();
        builder.Services.AddScoped<WebinarCapacity>();
        builder.Services.AddScoped<WebinarRegistrations>();
        builder.Services.AddScoped<RegistrationEraser>();
        return builder;
    }

    /// <summary>The jobs that run beside the site: the mail sender and the reminders.</summary>
    public static IHostApplicationBuilder AddRegistrationJobs(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton<OutboxSender>();
        builder.Services.AddHostedService(services => services.GetRequiredService<OutboxSender>());
        builder.Services.AddSingleton<WebinarReminders>();
        builder.Services.AddHostedService(services => services.GetRequiredService<WebinarReminders>());
        return builder;
    }
}
