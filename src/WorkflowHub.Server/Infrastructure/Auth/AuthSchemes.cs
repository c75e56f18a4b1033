namespace WorkflowHub.Server.Infrastructure.Auth;

public static class AuthSchemes
{
    /// <summary>Picks the bearer scheme when the request carries an Authorization header, else the cookie.</summary>
    public const string CookieOrBearer = "CookieOrBearer";
}
