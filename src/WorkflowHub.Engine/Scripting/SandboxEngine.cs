using Jint;

namespace WorkflowHub.Engine.Scripting;

/// <summary>
/// One constrained Jint engine that serves many evaluations, one at a time. Building an engine (its whole global
/// object) costs far more than a small script, so engines are pooled; between evaluations the engine is returned to
/// the clean state captured at construction: the globals and top-level let/const/class declarations an evaluation
/// left behind are removed (Jint's global snapshot), the built-ins are locked (<see cref="IntrinsicsLockdown"/>), and
/// the limits (time, statements, memory, call stack) restart.
/// </summary>
internal sealed class SandboxEngine
{
    private readonly GlobalSnapshot _clean;

    public SandboxEngine(ScriptLimits limits)
    {
        Engine = new Jint.Engine(options =>
        {
            options.Strict()
                .Constraint(new DeadlineConstraint(limits.Timeout))
                .MaxStatements(limits.MaxStatements)
                .LimitMemory(limits.MaxMemoryBytes)
                .LimitRecursion(limits.MaxRecursionDepth);
            options.Constraints.RegexTimeout = limits.Timeout;
        });
        IntrinsicsLockdown.Apply(Engine);
        Engine.SetValue("execution", ExecutionObject.Create(this));
        _clean = Engine.Advanced.CaptureGlobalSnapshot();
    }

    public Jint.Engine Engine { get; }

    /// <summary>The variables of the evaluation in progress, which the <c>execution</c> object serves; null between evaluations.</summary>
    public IVariableAccess? Variables { get; private set; }

    /// <summary>Whether <c>execution.setVariable</c> may write (scripts) or not (expressions).</summary>
    public bool Writable { get; private set; }

    /// <summary>Starts an evaluation (Jint restarts the time, statement and memory limits itself on every Evaluate).</summary>
    public void Begin(IVariableAccess variables, bool writable)
    {
        Variables = variables;
        Writable = writable;
    }

    /// <summary>Removes what the evaluation left in the global scope; false when that was not possible (drop the engine).</summary>
    public bool End()
    {
        Variables = null;
        try
        {
            Engine.Advanced.RestoreGlobalSnapshot(_clean);
        }
        catch (InvalidOperationException)
        {
            return false;
        }

        return true;
    }
}
