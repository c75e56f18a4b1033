namespace WorkflowHub.Server.Endpoints.Instances;

/// <summary>Query-string enums: case-insensitive names; an unknown name becomes an out-of-range value the request's validator reports by field.</summary>
internal static class QueryValues
{
    public static TEnum? Enum<TEnum>(string? value)
        where TEnum : struct, System.Enum
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        return System.Enum.TryParse<TEnum>(value, ignoreCase: true, out var parsed) && System.Enum.IsDefined(parsed)
            ? parsed
            : (TEnum)(object)(-1);
    }
}
