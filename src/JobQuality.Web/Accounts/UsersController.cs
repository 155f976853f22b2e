using System.ComponentModel.DataAnnotations;
using JobQuality.Web.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace JobQuality.Web.Accounts;

/// <summary>Admins add editors, and disable or re-enable their accounts.</summary>
[Authorize(Policy = Roles.Admins)]
[Route("admin/users")]
public sealed class UsersController(JobQualityDbContext db, EditorAccounts accounts) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index(string? done, CancellationToken cancellationToken) =>
        View("Users", await PageAsync(new NewAccountForm(), done, cancellationToken));

    [HttpPost("")]
    public async Task<IActionResult> Create([Bind(Prefix = "Form")] NewAccountForm form, CancellationToken cancellationToken)
    {
        if (ModelState.IsValid)
        {
            var errors = await accounts.CreateAsync(form.Email, form.Role, form.Password, Actor);
            foreach (var error in errors)
            {
                var field = error.Contains("role", StringComparison.OrdinalIgnoreCase) ? nameof(form.Role)
                    : error.Contains("password", StringComparison.OrdinalIgnoreCase) ? nameof(form.Password)
                    : nameof(form.Email);
                ModelState.AddModelError("Form." + field, error);
            }
        }

        if (!ModelState.IsValid)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            form.Password = string.Empty;
            return View("Users", await PageAsync(form, null, cancellationToken));
        }

        return Redirect("/admin/users?done=created");
    }

    [HttpPost("{id}/disable")]
    public Task<IActionResult> Disable(string id) => SetDisabledAsync(id, disabled: true);

    [HttpPost("{id}/enable")]
    public Task<IActionResult> Enable(string id) => SetDisabledAsync(id, disabled: false);

    private string Actor => User.Identity?.Name ?? "unknown";

    private async Task<IActionResult> SetDisabledAsync(string id, bool disabled)
    {
        if (disabled && await db.Users.AnyAsync(u => u.Id == id && u.UserName == Actor))
        {
            return BadRequest("You cannot disable your own account.");
        }

        return await accounts.SetDisabledAsync(id, disabled, Actor)
            ? Redirect("/admin/users?done=" + (disabled ? "disabled" : "enabled"))
            : NotFound();
    }

    private async Task<UsersPage> PageAsync(NewAccountForm form, string? done, CancellationToken cancellationToken)
    {
        var roles = await (from userRole in db.UserRoles
                           join role in db.Roles on userRole.RoleId equals role.Id
                           select new { userRole.UserId, role.Name }).ToListAsync(cancellationToken);
        var users = await db.Users.AsNoTracking().OrderBy(u => u.Email)
            .Select(u => new { u.Id, u.Email, u.DisabledAt, u.CreatedAt, u.LockoutEnd })
            .ToListAsync(cancellationToken);
        return new UsersPage
        {
            Form = form,
            Message = done switch
            {
                "created" => "The account was created. Share the password with its owner in person or by phone.",
                "disabled" => "The account was disabled and signed out.",
                "enabled" => "The account was enabled again.",
                _ => null,
            },
            Accounts = users.Select(u => new AccountRow(u.Id, u.Email ?? string.Empty,
                string.Join(", ", roles.Where(r => r.UserId == u.Id).Select(r => r.Name)),
                u.DisabledAt is not null, u.CreatedAt, u.LockoutEnd)).ToList(),
        };
    }
}

public sealed class NewAccountForm
{
    [Required(ErrorMessage = "Enter the editor's email address.")]
    [EmailAddress(ErrorMessage = "Enter an email address such as name@example.org.")]
    [Display(Name = "Email")]
    public string Email { get; set; } = string.Empty;

    [Required]
    [Display(Name = "Role")]
    public string Role { get; set; } = Roles.Editor;

    [Required(ErrorMessage = "Set a first password of at least 12 characters.")]
    [DataType(DataType.Password)]
    [Display(Name = "First password")]
    public string Password { get; set; } = string.Empty;
}

public sealed class UsersPage
{
    public required NewAccountForm Form { get; init; }

    public string? Message { get; init; }

    public required IReadOnlyList<AccountRow> Accounts { get; init; }
}

public sealed record AccountRow(string Id, string Email, string Roles, bool IsDisabled, DateTime CreatedAt, DateTimeOffset? LockoutEnd);
