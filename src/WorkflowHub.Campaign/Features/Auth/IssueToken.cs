using System.Security.Claims;
using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Identity;
using WorkflowHub.Campaign.Accounts;
using WorkflowHub.Campaign.Infrastructure.Persistence.Configurations;
using WorkflowHub.Campaign.Infrastructure.Pipeline;

namespace WorkflowHub.Campaign.Features.Auth;

/// <summary>
/// Checks a user name and password (counting failures towards lockout) and returns the principal to sign in;
/// the server turns it into a bearer token or a cookie.
/// </summary>
[AllowAnonymousRequest]
public sealed record IssueToken(string UserName, string Password) : ICommand<ClaimsPrincipal>
{
    // Keeps the password out of logs and exception messages.
    public override string ToString() => $"IssueToken {{ UserName = {UserName} }}";
}

public sealed class IssueTokenValidator : AbstractValidator<IssueToken>
{
    public IssueTokenValidator()
    {
        RuleFor(r => r.UserName).NotEmpty().MaximumLength(FieldLengths.Name);
        RuleFor(r => r.Password).NotEmpty().MaximumLength(FieldLengths.Name);
    }
}

public sealed class IssueTokenHandler(UserManager<AppUser> users, SignInManager<AppUser> signIn)
    : ICommandHandler<IssueToken, ClaimsPrincipal>
{
    public async ValueTask<ClaimsPrincipal> Handle(IssueToken command, CancellationToken cancellationToken)
    {
        var user = await users.FindByNameAsync(command.UserName);
        if (user is null)
        {
            throw new InvalidCredentialsException();
        }

        var result = await signIn.CheckPasswordSignInAsync(user, command.Password, lockoutOnFailure: true);
        if (result.IsLockedOut)
        {
            throw new InvalidCredentialsException("Too many failed sign-ins: the account is locked for a while.");
        }

        if (!result.Succeeded)
        {
            throw new InvalidCredentialsException();
        }

        return await signIn.CreateUserPrincipalAsync(user);
    }
}
