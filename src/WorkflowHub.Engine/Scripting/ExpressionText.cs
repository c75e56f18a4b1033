using System.Text;

namespace WorkflowHub.Engine.Scripting;

/// <summary>
/// Splits attribute and condition text into literal parts and ${...} / #{...} JavaScript bodies.
/// "${a}" is one body; "Task for ${name}" is a template; text without a marker is a literal.
/// </summary>
public static class ExpressionText
{
    public static bool ContainsExpression(string? text) => text is not null && (text.Contains("${", StringComparison.Ordinal) || text.Contains("#{", StringComparison.Ordinal));

    /// <summary>The body when the whole text is exactly one ${...}; otherwise null.</summary>
    public static string? TryGetSingleBody(string text)
    {
        var trimmed = text.Trim();
        var parts = Split(trimmed);
        return parts is [{ IsExpression: true } only] ? only.Text : null;
    }

    /// <summary>Splits text into parts; braces inside string literals and nested objects are balanced.</summary>
    public static IReadOnlyList<ExpressionPart> Split(string text)
    {
        var parts = new List<ExpressionPart>();
        var literal = new StringBuilder();
        var i = 0;
        while (i < text.Length)
        {
            if ((text[i] == '$' || text[i] == '#') && i + 1 < text.Length && text[i + 1] == '{')
            {
                var end = FindClosingBrace(text, i + 2);
                if (end < 0)
                {
                    throw new FormatException($"The expression '{text}' has no closing '}}'.");
                }

                if (literal.Length > 0)
                {
                    parts.Add(new ExpressionPart(literal.ToString(), false));
                    literal.Clear();
                }

                parts.Add(new ExpressionPart(text[(i + 2)..end], true));
                i = end + 1;
            }
            else
            {
                literal.Append(text[i]);
                i++;
            }
        }

        if (literal.Length > 0)
        {
            parts.Add(new ExpressionPart(literal.ToString(), false));
        }

        return parts;
    }

    private static int FindClosingBrace(string text, int start)
    {
        var depth = 0;
        char quote = '\0';
        for (var i = start; i < text.Length; i++)
        {
            var c = text[i];
            if (quote != '\0')
            {
                if (c == '\\')
                {
                    i++;
                }
                else if (c == quote)
                {
                    quote = '\0';
                }

                continue;
            }

            switch (c)
            {
                case '\'' or '"' or '`':
                    quote = c;
                    break;
                case '{':
                    depth++;
                    break;
                case '}' when depth == 0:
                    return i;
                case '}':
                    depth--;
                    break;
            }
        }

        return -1;
    }
}

public readonly record struct ExpressionPart(string Text, bool IsExpression);
