using Microsoft.AspNetCore.Identity;

namespace JobQuality.Web.Accounts;

/// <summary>Someone who signs in to write and publish: an editor or an admin.</summary>
public sealed class EditorUser : IdentityUser
{
    /// <summary>When an admin disabled the account; a disabled account cannot sign in.</summary>
    public DateTime? DisabledAt { get; set; }

    public DateTime CreatedAt { get; set; }
}

/// <summary>The two roles of the editor area.</summary>
public static class Roles
{
    public const string Admin = "Admin";
    public const string Editor = "Editor";

    public static IReadOnlyList<string> All { get; } = [Admin, Editor];

    /// <summary>Policy: admins and editors.</summary>
    public const string Editors = "Editors";

    /// <summary>Policy: admins only.</summary>
    public const string Admins = "Admins";

    /// <summary>The role as stored, whatever case it was typed in; null when there is no such role.</summary>
    public static string? Find(string? name) =>
        All.FirstOrDefault(r => string.Equals(r, name?.Trim(), StringComparison.OrdinalIgnoreCase));
}
