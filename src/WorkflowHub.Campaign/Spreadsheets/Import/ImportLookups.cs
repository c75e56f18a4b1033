using WorkflowHub.Campaign.Spreadsheets.Export;

namespace WorkflowHub.Campaign.Spreadsheets.Import;

/// <summary>Resolves what a user typed for an area or a district to the plan's code; the application builds it from the plan.</summary>
public interface IImportLookups
{
    bool TryResolveArea(string text, out string areaCode);

    bool TryResolveDistrict(string text, out string districtCode);
}

/// <summary>A code with the Chinese names a user may type for it.</summary>
public sealed record LookupEntry(string Code, string NameZh, params IReadOnlyList<string> Aliases);

/// <summary>Dictionary lookups accepting the code (any case) or any Chinese name (full-width and half-width brackets alike).</summary>
public sealed class ImportLookups : IImportLookups
{
    private readonly Dictionary<string, string> _areas;
    private readonly Dictionary<string, string> _districts;

    public ImportLookups(IEnumerable<LookupEntry> areas, IEnumerable<LookupEntry> districts)
    {
        _areas = Index(areas);
        _districts = Index(districts);
    }

    /// <summary>Areas answer to their code, full name and short name (消防安全整治 and 消防安全).</summary>
    public static ImportLookups FromPlan(IEnumerable<SpreadsheetArea> areas, IEnumerable<LookupEntry> districts) => new(
        areas.Select(a => new LookupEntry(a.Code, a.NameZh, a.DisplayShortNameZh)), districts);

    public bool TryResolveArea(string text, out string areaCode) => Resolve(_areas, text, out areaCode);

    public bool TryResolveDistrict(string text, out string districtCode) => Resolve(_districts, text, out districtCode);

    private static bool Resolve(Dictionary<string, string> index, string text, out string code)
    {
        if (index.TryGetValue(Normalize(text), out var found))
        {
            code = found;
            return true;
        }
        code = string.Empty;
        return false;
    }

    private static Dictionary<string, string> Index(IEnumerable<LookupEntry> entries)
    {
        var index = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var entry in entries)
        {
            foreach (var key in entry.Aliases.Prepend(entry.NameZh).Prepend(entry.Code))
            {
                index.TryAdd(Normalize(key), entry.Code);
            }
        }
        return index;
    }

    private static string Normalize(string text) => text.Trim().Replace('（', '(').Replace('）', ')');
}
