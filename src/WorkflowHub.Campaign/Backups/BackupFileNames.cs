using System.Globalization;
using System.Security.Cryptography;
using System.Text.RegularExpressions;

namespace WorkflowHub.Campaign.Backups;

/// <summary>
/// Backup files are named by the server only (<c>workflowhub-20200715-100000-1a2b3c.db</c>); a name from a request is
/// accepted only when it has exactly this form, so it can never point outside the backup folder.
/// </summary>
public static partial class BackupFileNames
{
    public static string New(DateTimeOffset now) =>
        string.Create(CultureInfo.InvariantCulture, $"workflowhub-{now.UtcDateTime:yyyyMMdd-HHmmss}-{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(3))}.db");

    public static bool IsValid(string? name) => name is not null && Pattern().IsMatch(name);

    [GeneratedRegex(@"^workflowhub-\d{8}-\d{6}-[0-9a-f]{6}\.db$", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
