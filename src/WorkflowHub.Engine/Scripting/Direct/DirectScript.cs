namespace WorkflowHub.Engine.Scripting.Direct;

/// <summary>
/// A script task body made only of <c>execution.setVariable('name', expression);</c> statements, run without Jint.
/// Every value is computed before the first write, as in the sandbox, where the script's globals are copies taken
/// before it starts; if any value needs Jint, nothing has been written and the whole script runs there instead.
/// </summary>
/// <remarks>
/// The statements are a plain array: every script task of this form reads it, and an interface over a list of tuples
/// is shared generic code that unoptimized (tier-0) JIT code runs through the runtime's generic lookups.
/// </remarks>
internal sealed class DirectScript((string Name, DirectExpression Value)[] assignments)
{
    public int StatementCount => assignments.Length;

    /// <summary>Whether the sandbox's statement limit could stop this script: then it runs in Jint, which enforces it.</summary>
    public bool FitsWithin(ScriptLimits limits) => limits.MaxStatements <= 0 || limits.MaxStatements > (2 * assignments.Length) + 2;

    /// <summary>Runs the script (its completion value is undefined, i.e. null) or returns false having written nothing.</summary>
    public bool TryRun(IVariableAccess variables)
    {
        if (assignments.Length == 1)
        {
            var (name, expression) = assignments[0];
            if (!expression.TryEvaluateToVariable(variables, out var single))
            {
                return false;
            }

            variables.Set(name, single);
            return true;
        }

        var values = new object?[assignments.Length];
        for (var i = 0; i < values.Length; i++)
        {
            if (!assignments[i].Value.TryEvaluateToVariable(variables, out values[i]))
            {
                return false;
            }
        }

        for (var i = 0; i < values.Length; i++)
        {
            variables.Set(assignments[i].Name, values[i]);
        }

        return true;
    }
}
