using System.ComponentModel.DataAnnotations;
using JobQuality.Web.Audit;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using JobQuality.Web.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;

namespace JobQuality.Web.Accounts;

/// <summary>Signing editors in and out. Every attempt, good or bad, goes into the audit log.</summary>
[Route("account")]
public sealed class AccountController(SignInManager<EditorUser> signIn, AuditLog audit) : Controller
{
    private const string Refused = "That email and password do not match an account that may sign in.";

    [HttpGet("login")]
    public IActionResult Login(string? returnUrl) => View(new LoginForm { ReturnUrl = returnUrl });

    [HttpPost("login")]
    [EnableRateLimiting(RateLimits.SignIn)]
    public async Task<IActionResult> Login(LoginForm form, CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return View(form);
        }

        var result = await signIn.PasswordSignInAsync(form.Email.Trim(), form.Password, form.RememberMe, lockoutOnFailure: true);
        if (result.Succeeded)
        {
            await audit.RecordAsync(form.Email.Trim(), AuditActions.SignedIn, cancellationToken: cancellationToken);
            return LocalRedirect(Url.IsLocalUrl(form.ReturnUrl) ? form.ReturnUrl : "/admin");
        }

        await audit.RecordAsync(form.Email.Trim(), result.IsLockedOut ? AuditActions.LockedOut : AuditActions.SignInFailed,
            detail: result.IsNotAllowed ? "account disabled" : null, cancellationToken: cancellationToken);

        // The same words for an unknown email and a wrong password, so neither gives the other away.
        ModelState.AddModelError(string.Empty, result.IsLockedOut
            ? "Too many failed attempts: this account is locked for 15 minutes. Try again later."
            : Refused);
        Response.StatusCode = result.IsLockedOut ? StatusCodes.Status429TooManyRequests : StatusCodes.Status401Unauthorized;
        return View(form);
    }

    [Authorize]
    [HttpPost("logout")]
    public async Task<IActionResult> Logout(CancellationToken cancellationToken)
    {
        var who = User.Identity?.Name ?? "unknown";
        await signIn.SignOutAsync();
        await audit.RecordAsync(who, AuditActions.SignedOut, cancellationToken: cancellationToken);
        return Redirect("/");
    }
}

public sealed class LoginForm
{
    [Required(ErrorMessage = "Enter your email address.")]
    [EmailAddress(ErrorMessage = "Enter an email address such as name@example.org.")]
    [StringLength(256)]
    [Display(Name = "Email")]
    public string Email { get; set; } = string.Empty;

    [Required(ErrorMessage = "Enter your password.")]
    [StringLength(512)]
    [DataType(DataType.Password)]
    [Display(Name = "Password")]
    public string Password { get; set; } = string.Empty;

    [Display(Name = "Keep me signed in on this device")]
    public bool RememberMe { get; set; }

    public string? ReturnUrl { get; set; }
}
