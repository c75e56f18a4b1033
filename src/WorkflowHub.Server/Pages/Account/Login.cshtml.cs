using Mediator;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using WorkflowHub.Campaign.Features.Auth;
using WorkflowHub.Server.Infrastructure.Auth;

namespace WorkflowHub.Server.Pages.Account;

/// <summary>
/// Signs in with the same request as <c>POST /api/auth/token</c> (password check with lockout, the same attempt limit
/// per client and user name), then issues the cookie.
/// </summary>
public sealed class LoginModel(ISender sender, SignInRateLimiter rateLimiter) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    [BindProperty]
    public string? UserName { get; set; }

    [BindProperty]
    public string? Password { get; set; }

    /// <summary>Resource key of the error to show, if the last attempt failed.</summary>
    public string? ErrorKey { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(UserName) || string.IsNullOrEmpty(Password))
        {
            ErrorKey = "Login.Required";
            return Page();
        }

        if (!rateLimiter.TryAcquire(HttpContext, UserName))
        {
            ErrorKey = "Login.TooManyAttempts";
            Password = null;
            rateLimiter.WriteRetryAfter(Response);
            Response.StatusCode = StatusCodes.Status429TooManyRequests;
            return Page();
        }

        try
        {
            var principal = await sender.Send(new IssueToken(UserName.Trim(), Password), cancellationToken);
            await HttpContext.SignInAsync(IdentityConstants.ApplicationScheme, principal);
        }
        catch (Exception exception) when (exception is InvalidCredentialsException or FluentValidation.ValidationException)
        {
            ErrorKey = "Login.Failed";
            Password = null;
            return Page();
        }

        return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "~/");
    }
}
