using Microsoft.AspNetCore.Identity;

namespace JobQuality.Web.Accounts;

/// <summary>Refuses passwords that appear on lists of the most common ones, and the account's own email.</summary>
public sealed class CommonPasswordValidator : IPasswordValidator<EditorUser>
{
    // The most frequent passwords of public breach lists that meet the length rule, and their stems.
    private static readonly HashSet<string> Common = new(StringComparer.OrdinalIgnoreCase)
    {
        "123456789012", "1234567890123", "12345678901234", "password1234", "password12345", "password123456",
        "passwordpassword", "qwertyuiopas", "qwerty123456", "1q2w3e4r5t6y", "iloveyou1234", "abcdefghijkl",
        "abc123456789", "aaaaaaaaaaaa", "111111111111", "000000000000", "letmein12345", "welcome12345",
        "administrator", "admin1234567", "changeme1234", "football1234", "baseball1234", "sunshine1234",
        "princess1234", "trustno11234", "superman1234", "monkey123456", "dragon123456", "master123456",
        "correcthorsebatterystaple", "jobquality123", "jobquality2026",
    };

    public Task<IdentityResult> ValidateAsync(UserManager<EditorUser> manager, EditorUser user, string? password)
    {
        if (password is null)
        {
            return Task.FromResult(IdentityResult.Success);
        }

        var squeezed = password.Replace(" ", string.Empty, StringComparison.Ordinal);
        if (Common.Contains(squeezed) || (user.Email is { Length: > 0 } email && squeezed.Contains(email.Split('@')[0], StringComparison.OrdinalIgnoreCase) && email.Split('@')[0].Length >= 4))
        {
            return Task.FromResult(IdentityResult.Failed(new IdentityError
            {
                Code = "CommonPassword",
                Description = "This password is too common or too close to the email address. Choose a longer phrase of unrelated words.",
            }));
        }

        return Task.FromResult(IdentityResult.Success);
    }
}
