using JobQuality.Web.Topics;
using JobQuality.Web.Webinars;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace JobQuality.Web.Data.Configurations;

public sealed class RegistrationConfiguration : IEntityTypeConfiguration<Registration>
{
    public void Configure(EntityTypeBuilder<Registration> builder)
    {
        builder.ToTable("Registrations");
        builder.Property(r => r.Name).HasMaxLength(Registration.NameMaxLength);
        builder.Property(r => r.Email).HasMaxLength(Registration.EmailMaxLength);
        builder.Property(r => r.NormalizedEmail).HasMaxLength(Registration.EmailMaxLength);
        builder.Property(r => r.Organization).HasMaxLength(Registration.OrganizationMaxLength);
        builder.Property(r => r.FieldOfPracticeSlug).HasMaxLength(Content.ContentRules.SlugMaxLength);
        builder.Property(r => r.CancelToken).HasMaxLength(Registration.CancelTokenLength).IsUnicode(false);

        builder.HasOne<Webinar>().WithMany().HasForeignKey(r => r.WebinarId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<FieldOfPractice>().WithMany().HasForeignKey(r => r.FieldOfPracticeSlug).OnDelete(DeleteBehavior.Restrict);

        // One active registration per person and webinar, whoever races to insert it; the bracketed
        // filter reads the same on SQLite and SQL Server. Erased rows have no email left to compare.
        builder.HasIndex(r => new { r.WebinarId, r.NormalizedEmail })
            .IsUnique()
            .HasFilter("[Status] <> 'Cancelled' AND [NormalizedEmail] IS NOT NULL")
            .HasDatabaseName("IX_Registrations_OneActivePerEmail");
        builder.HasIndex(r => r.CancelToken).IsUnique().HasFilter("[CancelToken] IS NOT NULL");

        // The waitlist is served in the order people joined it: by Id, which is given at insert.
        builder.HasIndex(r => new { r.WebinarId, r.Status, r.Id });
    }
}
