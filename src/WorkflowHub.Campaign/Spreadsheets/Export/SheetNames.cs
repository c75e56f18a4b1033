namespace WorkflowHub.Campaign.Spreadsheets.Export;

/// <summary>Makes names Excel accepts for sheets: at most 31 characters, none of []:*?/\, no edge apostrophe, unique ignoring case.</summary>
public sealed class SheetNames
{
    public const int MaxLength = 31;
    private static readonly char[] Forbidden = ['[', ']', ':', '*', '?', '/', '\\'];
    private readonly HashSet<string> _taken = new(StringComparer.OrdinalIgnoreCase);

    public string Reserve(string wanted)
    {
        var name = Sanitize(wanted);
        var candidate = name;
        for (var n = 2; !_taken.Add(candidate); n++)
        {
            var suffix = $"({n})";
            candidate = name[..Math.Min(name.Length, MaxLength - suffix.Length)] + suffix;
        }
        return candidate;
    }

    public static string Sanitize(string wanted)
    {
        var chars = wanted.Trim().Select(c => Array.IndexOf(Forbidden, c) >= 0 || char.IsControl(c) ? '_' : c).ToArray();
        var name = new string(chars).Trim('\'').Trim();
        if (name.Length > MaxLength)
        {
            name = name[..MaxLength].TrimEnd('\'');
        }
        return name.Length == 0 ? "Sheet" : name;
    }
}
