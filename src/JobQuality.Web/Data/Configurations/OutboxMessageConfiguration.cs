using JobQuality.Web.Mail;
using JobQuality.Web.Webinars;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace JobQuality.Web.Data.Configurations;

public sealed class OutboxMessageConfiguration : IEntityTypeConfiguration<OutboxMessage>
{
    public void Configure(EntityTypeBuilder<OutboxMessage> builder)
    {
        builder.ToTable("OutboxMessages");
        builder.Property(m => m.Recipient).HasMaxLength(Registration.EmailMaxLength);
        builder.Property(m => m.RecipientName).HasMaxLength(Registration.NameMaxLength);
        builder.Property(m => m.Subject).HasMaxLength(OutboxMessage.SubjectMaxLength);
        builder.Property(m => m.LockedBy).HasMaxLength(200);
        builder.Property(m => m.LastError).HasMaxLength(1000);
        builder.HasOne<Registration>().WithMany().HasForeignKey(m => m.RegistrationId).OnDelete(DeleteBehavior.Cascade);

        // The sender's question: what is unsent and due.
        builder.HasIndex(m => new { m.SentAt, m.NextAttemptAt });
    }
}
