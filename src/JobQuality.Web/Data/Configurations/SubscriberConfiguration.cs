using JobQuality.Web.Newsletter;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace JobQuality.Web.Data.Configurations;

public sealed class SubscriberConfiguration : IEntityTypeConfiguration<Subscriber>
{
    public void Configure(EntityTypeBuilder<Subscriber> builder)
    {
        builder.ToTable("NewsletterSubscribers");
        builder.Property(s => s.Email).HasMaxLength(Subscriber.EmailMaxLength);
        builder.Property(s => s.NormalizedEmail).HasMaxLength(Subscriber.EmailMaxLength);
        builder.Property(s => s.Token).HasMaxLength(Subscriber.TokenLength).IsUnicode(false);

        // Signing up twice, even at the same moment, leaves one row.
        builder.HasIndex(s => s.NormalizedEmail).IsUnique();
        builder.HasIndex(s => s.Token).IsUnique();
        builder.HasIndex(s => s.ConfirmedAt);
    }
}
