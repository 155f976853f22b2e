using JobQuality.Web.Audit;
using Microsoft.AspNetCore.Identity;

namespace JobQuality.Web.Accounts;

/// <summary>Creating, disabling and re-enabling editor accounts, from the command line or the admin pages.</summary>
public sealed class EditorAccounts(UserManager<EditorUser> users, RoleManager<IdentityRole> roles, AuditLog audit, TimeProvider clock)
{
    /// <summary>Creates an account; the errors say what to change (duplicate email, weak password, unknown role).</summary>
    public async Task<IReadOnlyList<string>> CreateAsync(string email, string role, string password, string actor)
    {
        var normalizedRole = Roles.Find(role);
        if (normalizedRole is null)
        {
            return [$"Unknown role '{role}': use {string.Join(" or ", Roles.All)}."];
        }

        email = email.Trim();
        if (!System.Net.Mail.MailAddress.TryCreate(email, out _))
        {
            return [$"'{email}' is not an email address."];
        }

        if (await users.FindByEmailAsync(email) is not null)
        {
            return [$"An account for {email} already exists."];
        }

        foreach (var name in Roles.All)
        {
            if (!await roles.RoleExistsAsync(name))
            {
                await roles.CreateAsync(new IdentityRole(name));
            }
        }

        var user = new EditorUser
        {
            UserName = email,
            Email = email,
            EmailConfirmed = true,
            CreatedAt = clock.GetUtcNow().UtcDateTime,
        };
        var created = await users.CreateAsync(user, password);
        if (!created.Succeeded)
        {
            return created.Errors.Select(e => e.Description).ToList();
        }

        await users.AddToRoleAsync(user, normalizedRole);
        await audit.RecordAsync(actor, AuditActions.AccountCreated, email, normalizedRole);
        return [];
    }

    public async Task<bool> SetDisabledAsync(string userId, bool disabled, string actor)
    {
        var user = await users.FindByIdAsync(userId);
        if (user is null)
        {
            return false;
        }

        user.DisabledAt = disabled ? clock.GetUtcNow().UtcDateTime : null;
        await users.UpdateAsync(user);

        // A new security stamp signs the account out everywhere at the next check.
        await users.UpdateSecurityStampAsync(user);
        await audit.RecordAsync(actor, disabled ? AuditActions.AccountDisabled : AuditActions.AccountEnabled, user.Email);
        return true;
    }
}
