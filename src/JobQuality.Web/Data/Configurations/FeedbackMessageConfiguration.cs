using JobQuality.Web.Feedback;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace JobQuality.Web.Data.Configurations;

public sealed class FeedbackMessageConfiguration : IEntityTypeConfiguration<FeedbackMessage>
{
    public void Configure(EntityTypeBuilder<FeedbackMessage> builder)
    {
        builder.ToTable("Feedback");
        builder.Property(f => f.Message).HasMaxLength(FeedbackMessage.MessageMaxLength);
        builder.Property(f => f.Name).HasMaxLength(FeedbackMessage.NameMaxLength);
        builder.Property(f => f.Email).HasMaxLength(FeedbackMessage.EmailMaxLength);
        builder.HasIndex(f => f.ReceivedAt);
    }
}
