using System.Globalization;
using System.Text;

namespace WorkflowHub.Engine.Parsing;

/// <summary>
/// Translates the simple FEEL / XPath-style conditions other modelers write (Zeebe's "= approved", Trisotech's
/// <c>Vacation Approval = "Approved"</c>, Signavio's <c>bpmn:getDataObject('approved')</c>) into the JavaScript the
/// engine evaluates. Supported: names (with spaces), string/number/boolean/null literals, comparisons
/// (= != &lt; &lt;= &gt; &gt;=), and/or/not(), parentheses, <c>some/every x in list satisfies cond</c>.
/// Anything else returns null, and the deploy names the flow as unsupported.
/// </summary>
internal static class FeelTranslator
{
    private static readonly HashSet<string> Keywords = ["and", "or", "not", "some", "every", "in", "satisfies", "true", "false", "null"];

    public static string? TryTranslate(string text)
    {
        var source = text.Trim();
        if (source.StartsWith('='))
        {
            source = source[1..];
        }

        try
        {
            var tokens = Tokenize(source);
            var position = 0;
            var result = Expression(tokens, ref position, stopAtParen: false);
            return position == tokens.Count && result.Length > 0 ? result : null;
        }
        catch (FormatException)
        {
            return null;
        }
    }

    private enum Kind
    {
        Name,
        Literal,
        Operator,
        Open,
        Close,
        Comma,
    }

    private readonly record struct Token(Kind Kind, string Text);

    private static List<Token> Tokenize(string s)
    {
        var tokens = new List<Token>();
        var i = 0;
        while (i < s.Length)
        {
            var c = s[i];
            if (char.IsWhiteSpace(c))
            {
                i++;
            }
            else if (c is '\'' or '"')
            {
                var end = s.IndexOf(c, i + 1);
                if (end < 0)
                {
                    throw new FormatException("Unterminated string.");
                }

                tokens.Add(new Token(Kind.Literal, JsString(s[(i + 1)..end])));
                i = end + 1;
            }
            else if (char.IsDigit(c))
            {
                var start = i;
                while (i < s.Length && (char.IsDigit(s[i]) || s[i] == '.'))
                {
                    i++;
                }

                tokens.Add(new Token(Kind.Literal, double.Parse(s[start..i], CultureInfo.InvariantCulture).ToString(CultureInfo.InvariantCulture)));
            }
            else if (char.IsLetter(c) || c == '_')
            {
                var start = i;
                while (i < s.Length && (char.IsLetterOrDigit(s[i]) || s[i] is '_' or ':' or '.'))
                {
                    i++;
                }

                tokens.Add(new Token(Kind.Name, s[start..i]));
            }
            else if (c == '(')
            {
                tokens.Add(new Token(Kind.Open, "("));
                i++;
            }
            else if (c == ')')
            {
                tokens.Add(new Token(Kind.Close, ")"));
                i++;
            }
            else if (c == ',')
            {
                tokens.Add(new Token(Kind.Comma, ","));
                i++;
            }
            else
            {
                var two = i + 1 < s.Length ? s.Substring(i, 2) : "";
                var op = two switch
                {
                    "==" => "==",
                    "!=" => "!=",
                    "<=" => "<=",
                    ">=" => ">=",
                    _ => c switch
                    {
                        '=' => "==",
                        '<' => "<",
                        '>' => ">",
                        '+' or '-' or '*' or '/' => c.ToString(),
                        _ => throw new FormatException($"Unexpected '{c}'."),
                    },
                };
                tokens.Add(new Token(Kind.Operator, op));
                i += op.Length == 2 && two == op ? 2 : 1;
            }
        }

        return tokens;
    }

    private static string Expression(List<Token> tokens, ref int position, bool stopAtParen)
    {
        var output = new StringBuilder();
        while (position < tokens.Count)
        {
            var token = tokens[position];
            if (token.Kind == Kind.Close)
            {
                if (stopAtParen)
                {
                    return output.ToString();
                }

                throw new FormatException("Unbalanced ')'.");
            }

            position++;
            switch (token.Kind)
            {
                case Kind.Open:
                    output.Append('(').Append(Expression(tokens, ref position, stopAtParen: true)).Append(')');
                    Expect(tokens, ref position, Kind.Close);
                    break;
                case Kind.Literal:
                case Kind.Operator:
                case Kind.Comma:
                    output.Append(' ').Append(token.Text).Append(' ');
                    break;
                case Kind.Name:
                    output.Append(Name(tokens, ref position, token.Text));
                    break;
            }
        }

        return output.ToString();
    }

    private static string Name(List<Token> tokens, ref int position, string first)
    {
        switch (first)
        {
            case "and":
                return " && ";
            case "or":
                return " || ";
            case "true" or "false" or "null":
                return " " + first + " ";
            case "not":
                return " !";
            case "some" or "every":
                var variable = tokens[position++];
                if (variable.Kind != Kind.Name || tokens[position++].Text != "in")
                {
                    throw new FormatException("Expected 'x in list'.");
                }

                var listStart = position;
                while (position < tokens.Count && tokens[position].Text != "satisfies")
                {
                    position++;
                }

                var listPosition = 0;
                var list = Expression(tokens.GetRange(listStart, position - listStart), ref listPosition, stopAtParen: false);
                position++;
                var condition = Expression(tokens, ref position, stopAtParen: true);
                return $"({list}).{(first == "some" ? "some" : "every")}(({Identifier(variable.Text)}) => {condition})";
            case "bpmn:getDataObject":
                Expect(tokens, ref position, Kind.Open);
                var name = tokens[position++];
                Expect(tokens, ref position, Kind.Close);
                return Variable(name.Text.Trim('"'));
        }

        var parts = new List<string> { first };
        while (position < tokens.Count && tokens[position].Kind == Kind.Name && !Keywords.Contains(tokens[position].Text))
        {
            parts.Add(tokens[position++].Text);
        }

        return Variable(string.Join(' ', parts));
    }

    private static void Expect(List<Token> tokens, ref int position, Kind kind)
    {
        if (position >= tokens.Count || tokens[position].Kind != kind)
        {
            throw new FormatException($"Expected {kind}.");
        }

        position++;
    }

    private static string Variable(string name) =>
        System.Text.RegularExpressions.Regex.IsMatch(name, "^[A-Za-z_][A-Za-z0-9_]*(\\.[A-Za-z_][A-Za-z0-9_]*)*$") ? name : $"execution.getVariable({JsString(name)})";

    private static string Identifier(string name) =>
        System.Text.RegularExpressions.Regex.IsMatch(name, "^[A-Za-z_][A-Za-z0-9_]*$") ? name : throw new FormatException($"'{name}' cannot be a loop variable.");

    private static string JsString(string value) => "\"" + value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\"";
}
