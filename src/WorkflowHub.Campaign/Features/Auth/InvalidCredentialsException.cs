namespace WorkflowHub.Campaign.Features.Auth;

/// <summary>The user name or password is wrong, or the account is locked (HTTP 401). Says nothing about which.</summary>
public sealed class InvalidCredentialsException(string message = "The user name or password is wrong.") : Exception(message);
