using System.Globalization;

namespace WorkflowHub.Engine.Scripting.Direct;

/// <summary>
/// Recognises the small part of JavaScript the direct evaluator runs, with JavaScript's precedence
/// (|| &lt; &amp;&amp; &lt; equality &lt; relational &lt; + - &lt; * / % &lt; unary ! -). Anything else — a call, a member,
/// ?:, ??, a template, an escape in a string, a comment, an exponent — makes it return null, and the body runs in Jint.
/// </summary>
internal sealed class DirectParser
{
    /// <summary>Nesting beyond this (parentheses, unary operators) is left to Jint rather than recursed into here.</summary>
    private const int MaxDepth = 32;

    private readonly string _text;
    private int _position;
    private int _depth;

    private DirectParser(string text) => _text = text;

    /// <summary>A ${...} body as a direct expression, or null when it is not one of the simple forms.</summary>
    public static DirectExpression? ParseExpression(string body)
    {
        var parser = new DirectParser(body);
        var expression = parser.Expression();
        return expression is not null && parser.AtEnd() ? expression : null;
    }

    /// <summary>
    /// A script made only of <c>execution.setVariable('name', expression);</c> statements, or null. The trailing
    /// semicolon of the last statement is optional; every other statement needs its own.
    /// </summary>
    public static DirectScript? ParseScript(string body)
    {
        var parser = new DirectParser(body);
        var assignments = new List<(string Name, DirectExpression Value)>();
        while (!parser.AtEnd())
        {
            if (!parser.Word("execution") || !parser.Symbol(".") || !parser.Word("setVariable") || !parser.Symbol("(")
                || parser.StringLiteral() is not { } name || !parser.Symbol(",") || parser.Expression() is not { } value || !parser.Symbol(")"))
            {
                return null;
            }

            assignments.Add((name, value));
            if (!parser.Symbol(";") && !parser.AtEnd())
            {
                return null;
            }
        }

        return assignments.Count == 0 ? null : new DirectScript([.. assignments]);
    }

    private DirectExpression? Expression()
    {
        if (++_depth > MaxDepth)
        {
            return null;
        }

        var expression = Or();
        _depth--;
        return expression;
    }

    private DirectExpression? Or()
    {
        var left = And();
        while (left is not null && Symbol("||"))
        {
            left = And() is { } right ? new LogicalExpression(left, right, isAnd: false) : null;
        }

        return left;
    }

    private DirectExpression? And()
    {
        var left = Equality();
        while (left is not null && Symbol("&&"))
        {
            left = Equality() is { } right ? new LogicalExpression(left, right, isAnd: true) : null;
        }

        return left;
    }

    private DirectExpression? Equality()
    {
        var left = Relational();
        while (left is not null)
        {
            SkipSpace();
            BinaryOperator op;
            if (Symbol("==="))
            {
                op = BinaryOperator.StrictEqual;
            }
            else if (Symbol("!=="))
            {
                op = BinaryOperator.StrictNotEqual;
            }
            else if (Symbol("=="))
            {
                op = BinaryOperator.LooseEqual;
            }
            else if (Symbol("!="))
            {
                op = BinaryOperator.LooseNotEqual;
            }
            else
            {
                break;
            }

            left = Relational() is { } right ? new BinaryExpression(left, right, op) : null;
        }

        return left;
    }

    private DirectExpression? Relational()
    {
        var left = Additive();
        while (left is not null)
        {
            SkipSpace();
            BinaryOperator op;
            if (Symbol("<="))
            {
                op = BinaryOperator.LessOrEqual;
            }
            else if (Symbol(">="))
            {
                op = BinaryOperator.GreaterOrEqual;
            }
            else if (Peek() == '<' && !IsAt("<<"))
            {
                _position++;
                op = BinaryOperator.Less;
            }
            else if (Peek() == '>' && !IsAt(">>"))
            {
                _position++;
                op = BinaryOperator.Greater;
            }
            else
            {
                break;
            }

            left = Additive() is { } right ? new BinaryExpression(left, right, op) : null;
        }

        return left;
    }

    private DirectExpression? Additive()
    {
        var left = Multiplicative();
        while (left is not null)
        {
            SkipSpace();
            BinaryOperator op;
            if (Peek() == '+' && !IsAt("++") && !IsAt("+="))
            {
                op = BinaryOperator.Add;
            }
            else if (Peek() == '-' && !IsAt("--") && !IsAt("-="))
            {
                op = BinaryOperator.Subtract;
            }
            else
            {
                break;
            }

            _position++;
            left = Multiplicative() is { } right ? new BinaryExpression(left, right, op) : null;
        }

        return left;
    }

    private DirectExpression? Multiplicative()
    {
        var left = Unary();
        while (left is not null)
        {
            SkipSpace();
            BinaryOperator op;
            if (IsAt("**") || IsAt("*=") || IsAt("/=") || IsAt("%=") || IsAt("//") || IsAt("/*"))
            {
                // Exponentiation, compound assignment, comments: not ours.
                return null;
            }

            switch (Peek())
            {
                case '*':
                    op = BinaryOperator.Multiply;
                    break;
                case '/':
                    op = BinaryOperator.Divide;
                    break;
                case '%':
                    op = BinaryOperator.Remainder;
                    break;
                default:
                    return left;
            }

            _position++;
            left = Unary() is { } right ? new BinaryExpression(left, right, op) : null;
        }

        return left;
    }

    private DirectExpression? Unary()
    {
        SkipSpace();

        if (Peek() == '!' && !IsAt("!="))
        {
            _position++;
            return Nested() is { } operand ? new NotExpression(operand) : null;
        }

        if (Peek() == '-' && !IsAt("--") && !IsAt("-="))
        {
            _position++;
            return Nested() is { } operand ? new NegateExpression(operand) : null;
        }

        return Primary();
    }

    private DirectExpression? Nested()
    {
        if (++_depth > MaxDepth)
        {
            return null;
        }

        var operand = Unary();
        _depth--;
        return operand;
    }

    private DirectExpression? Primary()
    {
        SkipSpace();
        var c = Peek();
        if (c == '(')
        {
            _position++;
            var inner = Expression();
            return inner is not null && Symbol(")") ? inner : null;
        }

        if (c is '\'' or '"')
        {
            return StringLiteral() is { } text ? new LiteralExpression(DirectValue.From(text)) : null;
        }

        if (char.IsAsciiDigit(c))
        {
            return NumberLiteral();
        }

        if (Identifier() is not { } name)
        {
            return null;
        }

        return name switch
        {
            "true" => new LiteralExpression(DirectValue.From(true)),
            "false" => new LiteralExpression(DirectValue.From(false)),
            "null" => new LiteralExpression(DirectValue.Null),
            _ when JavaScriptNames.IsUsableIdentifier(name) && !FollowedByMemberOrCall() => new VariableExpression(name),
            _ => null,
        };
    }

    /// <summary>Decimal integers and fractions without exponent, leading zero, separator or BigInt suffix.</summary>
    private LiteralExpression? NumberLiteral()
    {
        var start = _position;
        while (char.IsAsciiDigit(Peek()))
        {
            _position++;
        }

        if (_position - start > 1 && _text[start] == '0')
        {
            return null;
        }

        if (Peek() == '.')
        {
            _position++;
            var fraction = _position;
            while (char.IsAsciiDigit(Peek()))
            {
                _position++;
            }

            if (_position == fraction)
            {
                return null;
            }
        }

        if (IsIdentifierPart(Peek()) || Peek() == '.')
        {
            return null;
        }

        var value = double.Parse(_text.AsSpan(start, _position - start), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture);
        return new LiteralExpression(DirectValue.From(value));
    }

    /// <summary>'...' or "..." without escapes or line breaks.</summary>
    private string? StringLiteral()
    {
        SkipSpace();
        var quote = Peek();
        if (quote is not ('\'' or '"'))
        {
            return null;
        }

        var start = ++_position;
        while (_position < _text.Length)
        {
            var c = _text[_position];
            if (c == quote)
            {
                _position++;
                return _text[start..(_position - 1)];
            }

            if (c is '\\' or '\n' or '\r')
            {
                return null;
            }

            _position++;
        }

        return null;
    }

    private string? Identifier()
    {
        SkipSpace();
        var start = _position;
        if (!(char.IsAsciiLetter(Peek()) || Peek() is '_' or '$'))
        {
            return null;
        }

        while (IsIdentifierPart(Peek()))
        {
            _position++;
        }

        // A non-ASCII letter may continue a JavaScript identifier; such names are left to Jint.
        return Peek() > 127 ? null : _text[start.._position];
    }

    private bool FollowedByMemberOrCall()
    {
        SkipSpace();
        return Peek() is '.' or '(' or '[' or '`' || IsAt("=") && !IsAt("==") || IsAt("?.");
    }

    private bool Word(string word)
    {
        SkipSpace();
        var start = _position;
        if (Identifier() == word)
        {
            return true;
        }

        _position = start;
        return false;
    }

    private bool Symbol(string symbol)
    {
        SkipSpace();
        if (!IsAt(symbol))
        {
            return false;
        }

        // "=" must not be the start of "==" or "===" (and so on): take the longest operator only.
        var next = _position + symbol.Length < _text.Length ? _text[_position + symbol.Length] : '\0';
        if ((symbol is "==" or "!=" && next == '=') || (symbol is "|" or "&" && next == symbol[0]))
        {
            return false;
        }

        _position += symbol.Length;
        return true;
    }

    private bool IsAt(string symbol) => string.CompareOrdinal(_text, _position, symbol, 0, symbol.Length) == 0;

    private char Peek() => _position < _text.Length ? _text[_position] : '\0';

    private bool AtEnd()
    {
        SkipSpace();
        return _position >= _text.Length;
    }

    private void SkipSpace()
    {
        while (_position < _text.Length && _text[_position] is ' ' or '\t' or '\n' or '\r')
        {
            _position++;
        }
    }

    private static bool IsIdentifierPart(char c) => char.IsAsciiLetterOrDigit(c) || c is '_' or '$' || c > 127;
}
