namespace WorkflowHub.Engine.Scripting.Direct;

/// <summary>
/// A ${...} body compiled to a small tree evaluated in .NET, for the forms whose meaning on primitives is simple and
/// exact (variables, literals, comparisons, ! && ||, arithmetic on numbers, string concatenation). Evaluation gives up
/// (returns false) whenever a value falls outside that: a missing variable, a list or map, a comparison that would
/// need JavaScript's string-to-number conversion. The caller then runs the same body in the Jint sandbox, so every
/// result and every error stays Jint's.
/// </summary>
internal abstract class DirectExpression
{
    /// <summary>Longest string a concatenation may build here; a longer one is left to the sandbox and its memory limit.</summary>
    internal const int MaxStringLength = 1 << 16;

    public abstract bool TryEvaluate(IVariableAccess variables, out DirectValue value);

    /// <summary>The result as a stored variable value, or false to take the Jint path.</summary>
    public virtual bool TryEvaluateToVariable(IVariableAccess variables, out object? result)
    {
        if (TryEvaluate(variables, out var value))
        {
            result = value.ToVariable();
            return true;
        }

        result = null;
        return false;
    }
}

internal sealed class LiteralExpression(DirectValue value) : DirectExpression
{
    // Stored values are immutable primitives, so every evaluation can hand out the one boxed value instead of boxing
    // anew (and the history's JSON of a variable write can be reused for it, see VariableWriteData).
    private readonly object? _variable = value.ToVariable();

    public override bool TryEvaluate(IVariableAccess variables, out DirectValue result)
    {
        result = value;
        return true;
    }

    public override bool TryEvaluateToVariable(IVariableAccess variables, out object? result)
    {
        result = _variable;
        return true;
    }
}

internal sealed class VariableExpression(string name) : DirectExpression
{
    public override bool TryEvaluate(IVariableAccess variables, out DirectValue result)
    {
        // A missing variable is a ReferenceError in the sandbox: Jint reports it in its own words.
        if (variables.TryGet(name, out var stored) && DirectValue.TryFromVariable(stored, out result))
        {
            return true;
        }

        result = default;
        return false;
    }
}

internal sealed class NotExpression(DirectExpression operand) : DirectExpression
{
    public override bool TryEvaluate(IVariableAccess variables, out DirectValue result)
    {
        if (operand.TryEvaluate(variables, out var value))
        {
            result = DirectValue.From(!value.IsTruthy);
            return true;
        }

        result = default;
        return false;
    }
}

internal sealed class NegateExpression(DirectExpression operand) : DirectExpression
{
    public override bool TryEvaluate(IVariableAccess variables, out DirectValue result)
    {
        if (operand.TryEvaluate(variables, out var value) && value.Kind == DirectKind.Number)
        {
            result = DirectValue.From(-value.Number);
            return true;
        }

        result = default;
        return false;
    }
}

/// <summary>&amp;&amp; and ||: short-circuit, and the result is one of the operands (not a boolean), as in JavaScript.</summary>
internal sealed class LogicalExpression(DirectExpression left, DirectExpression right, bool isAnd) : DirectExpression
{
    public override bool TryEvaluate(IVariableAccess variables, out DirectValue result)
    {
        if (!left.TryEvaluate(variables, out var first))
        {
            result = default;
            return false;
        }

        if (first.IsTruthy != isAnd)
        {
            result = first;
            return true;
        }

        return right.TryEvaluate(variables, out result);
    }
}

internal enum BinaryOperator
{
    StrictEqual,
    StrictNotEqual,
    LooseEqual,
    LooseNotEqual,
    Less,
    LessOrEqual,
    Greater,
    GreaterOrEqual,
    Add,
    Subtract,
    Multiply,
    Divide,
    Remainder,
}

internal sealed class BinaryExpression(DirectExpression left, DirectExpression right, BinaryOperator op) : DirectExpression
{
    public override bool TryEvaluate(IVariableAccess variables, out DirectValue result)
    {
        if (!left.TryEvaluate(variables, out var a) || !right.TryEvaluate(variables, out var b))
        {
            result = default;
            return false;
        }

        return op switch
        {
            BinaryOperator.StrictEqual => Set(StrictEquals(a, b), out result),
            BinaryOperator.StrictNotEqual => Set(!StrictEquals(a, b), out result),
            BinaryOperator.LooseEqual => TryLooseEquals(a, b, out var equal) ? Set(equal, out result) : GiveUp(out result),
            BinaryOperator.LooseNotEqual => TryLooseEquals(a, b, out var same) ? Set(!same, out result) : GiveUp(out result),
            BinaryOperator.Less or BinaryOperator.LessOrEqual or BinaryOperator.Greater or BinaryOperator.GreaterOrEqual => TryCompare(a, b, out result),
            BinaryOperator.Add => TryAdd(a, b, out result),
            _ => TryArithmetic(a, b, out result),
        };
    }

    private static bool Set(bool value, out DirectValue result)
    {
        result = DirectValue.From(value);
        return true;
    }

    private static bool GiveUp(out DirectValue result)
    {
        result = default;
        return false;
    }

    /// <summary>===: same kind and same value; NaN equals nothing, +0 equals -0 (double == does both).</summary>
    private static bool StrictEquals(DirectValue a, DirectValue b) =>
        a.Kind == b.Kind && a.Kind switch
        {
            DirectKind.Null => true,
            DirectKind.Boolean => a.Boolean == b.Boolean,
            DirectKind.Number => a.Number == b.Number,
            _ => string.Equals(a.Text, b.Text, StringComparison.Ordinal),
        };

    /// <summary>==: only the cases that need no string-to-number conversion (that one, with its whitespace and hex rules, stays Jint's).</summary>
    private static bool TryLooseEquals(DirectValue a, DirectValue b, out bool equal)
    {
        if (a.Kind == b.Kind)
        {
            equal = StrictEquals(a, b);
            return true;
        }

        if (a.Kind == DirectKind.Null || b.Kind == DirectKind.Null)
        {
            // null == x holds only for null and undefined, and variables are never undefined.
            equal = false;
            return true;
        }

        if (a.Kind != DirectKind.String && b.Kind != DirectKind.String)
        {
            // A boolean against a number compares as 0/1.
            equal = NumberOf(a) == NumberOf(b);
            return true;
        }

        equal = false;
        return false;
    }

    private bool TryCompare(DirectValue a, DirectValue b, out DirectValue result)
    {
        bool value;
        if (a.Kind == DirectKind.String && b.Kind == DirectKind.String)
        {
            // Strings compare by UTF-16 code units.
            var order = string.CompareOrdinal(a.Text, b.Text);
            value = op switch
            {
                BinaryOperator.Less => order < 0,
                BinaryOperator.LessOrEqual => order <= 0,
                BinaryOperator.Greater => order > 0,
                _ => order >= 0,
            };
        }
        else if (a.Kind != DirectKind.String && b.Kind != DirectKind.String)
        {
            // null is 0, booleans are 0/1; any comparison with NaN is false, which double comparison gives too.
            var x = NumberOf(a);
            var y = NumberOf(b);
            value = op switch
            {
                BinaryOperator.Less => x < y,
                BinaryOperator.LessOrEqual => x <= y,
                BinaryOperator.Greater => x > y,
                _ => x >= y,
            };
        }
        else
        {
            return GiveUp(out result);
        }

        return Set(value, out result);
    }

    private static bool TryAdd(DirectValue a, DirectValue b, out DirectValue result)
    {
        if (a.Kind == DirectKind.Number && b.Kind == DirectKind.Number)
        {
            result = DirectValue.From(a.Number + b.Number);
            return true;
        }

        // Only string + string: a number's JavaScript text form (exponents, -0, precision) is Jint's business.
        if (a.Kind == DirectKind.String && b.Kind == DirectKind.String && a.Text!.Length + b.Text!.Length <= MaxStringLength)
        {
            result = DirectValue.From(string.Concat(a.Text, b.Text));
            return true;
        }

        return GiveUp(out result);
    }

    private bool TryArithmetic(DirectValue a, DirectValue b, out DirectValue result)
    {
        if (a.Kind != DirectKind.Number || b.Kind != DirectKind.Number)
        {
            return GiveUp(out result);
        }

        // IEEE double arithmetic, as JavaScript's; % truncates like JavaScript's remainder.
        result = DirectValue.From(op switch
        {
            BinaryOperator.Subtract => a.Number - b.Number,
            BinaryOperator.Multiply => a.Number * b.Number,
            BinaryOperator.Divide => a.Number / b.Number,
            _ => a.Number % b.Number,
        });
        return true;
    }

    private static double NumberOf(DirectValue value) => value.Kind switch
    {
        DirectKind.Number => value.Number,
        DirectKind.Boolean => value.Boolean ? 1 : 0,
        _ => 0,
    };
}
