using System.Collections.Concurrent;
using Acornima.Ast;
using Jint;

namespace WorkflowHub.Engine.Scripting;

/// <summary>
/// Runs compiled expressions and scripts in a constrained Jint engine: strict mode, time, statement, memory and
/// recursion limits, no CLR access. Engines are pooled and reset between evaluations (<see cref="SandboxEngine"/>), so
/// nothing one evaluation declares is visible to the next. Variables are plain JavaScript globals; scripts also get an <c>execution</c> object
/// with <c>getVariable(name)</c>, <c>setVariable(name, value)</c>, <c>businessKey</c> and <c>processInstanceId</c>.
/// Every failure surfaces as <see cref="ScriptFailedException"/>.
/// </summary>
public sealed class ScriptEvaluator
{
    /// <summary>Pools by limits (a record, compared by value), so every engine of the process with the same limits shares its warm engines.</summary>
    private static readonly ConcurrentDictionary<ScriptLimits, SandboxPool> Pools = new();

    private readonly SandboxPool _pool;

    public ScriptEvaluator(ScriptLimits limits)
    {
        ArgumentNullException.ThrowIfNull(limits);
        Limits = limits;
        _pool = Pools.GetOrAdd(limits, static l => new SandboxPool(l));
    }

    /// <summary>
    /// Builds the pool's first engine in the background (once per pool), so the first script that needs Jint does not
    /// pay for it nor for Jint's one-off set-up. Called when a definition whose bodies need the sandbox is deployed,
    /// not for every engine: the build takes seconds of CPU and JIT, and while any thread keeps compiling new methods
    /// the runtime postpones optimizing the hot ones, so a process whose scripts all run directly should not pay it.
    /// </summary>
    public void WarmUp() => _pool.WarmUpInBackground();

    public ScriptLimits Limits { get; }

    /// <summary>Evaluates a text: "${x}" yields x's value, "a ${x} b" yields a string, a literal yields itself.</summary>
    public object? EvaluateText(ScriptCompiler compiler, string text, IVariableAccess variables)
    {
        var parts = compiler.Split(text);
        if (parts is [{ IsExpression: true } single])
        {
            return EvaluateExpression(compiler, single.Text, variables);
        }

        if (!parts.Any(p => p.IsExpression))
        {
            return text;
        }

        var builder = new System.Text.StringBuilder();
        foreach (var part in parts)
        {
            builder.Append(part.IsExpression
                ? Convert.ToString(EvaluateExpression(compiler, part.Text, variables), System.Globalization.CultureInfo.InvariantCulture)
                : part.Text);
        }

        return builder.ToString();
    }

    /// <summary>Evaluates a condition; a text without ${...} is taken as a JavaScript expression body.</summary>
    public bool EvaluateCondition(ScriptCompiler compiler, string condition, IVariableAccess variables)
    {
        var value = ExpressionText.ContainsExpression(condition)
            ? EvaluateText(compiler, condition, variables)
            : EvaluateExpression(compiler, condition, variables);
        return VariableValues.IsTruthy(value);
    }

    /// <summary>A bare variable name (the most common expression: ${owner}, ${approved}) is read without starting JavaScript.</summary>
    private object? EvaluateExpression(ScriptCompiler compiler, string body, IVariableAccess variables)
    {
        if (compiler.IsIdentifier(body) is { } name)
        {
            return variables.TryGet(name, out var value) ? value : throw new ScriptFailedException($"Script error: {name} is not defined");
        }

        // Comparisons and the like on primitive values: computed in .NET with JavaScript's rules, else Jint.
        if (compiler.GetDirectExpression(body) is { } direct && direct.TryEvaluateToVariable(variables, out var result))
        {
            return result;
        }

        return Evaluate(compiler.CompileExpression(body), body, variables, writeBack: false);
    }

    /// <summary>Runs a script task body; returns its completion value (for camunda:resultVariable).</summary>
    public object? RunScript(ScriptCompiler compiler, string body, IVariableAccess variables)
    {
        // Scripts that only set variables to simple values (completion value: undefined) run without Jint.
        if (compiler.GetDirectScript(body) is { } direct && direct.FitsWithin(Limits) && direct.TryRun(variables))
        {
            return null;
        }

        return Evaluate(compiler.CompileScript(body), body, variables, writeBack: true);
    }

    /// <summary>
    /// Only the variables whose names occur in the source are converted into the engine (a name that does not occur
    /// cannot be referenced except through reflection-like <c>globalThis[...]</c> lookups): conversions, not
    /// JavaScript, dominate the cost of a small condition.
    /// </summary>
    private object? Evaluate(Prepared<Script> script, string source, IVariableAccess variables, bool writeBack)
    {
        var sandbox = _pool.Rent();
        var clean = false;
        try
        {
            sandbox.Begin(variables, writeBack);
            var engine = sandbox.Engine;
            foreach (var (name, value) in variables is Runtime.ExecutionVariables scoped ? scoped.VisibleView() : variables.Visible())
            {
                // "execution" is the engine's own object (ExecutionObject); a variable of that name stays hidden, as it always was.
                if (source.Contains(name, StringComparison.Ordinal) && name != "execution")
                {
                    engine.SetValue(name, JsValueConverter.ToJs(engine, value));
                }
            }

            var result = JsValueConverter.FromJs(engine.Evaluate(in script));
            clean = true;
            return result;
        }
        catch (ScriptFailedException)
        {
            throw;
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            throw new ScriptFailedException(Describe(ex), ex);
        }
        finally
        {
            // A failed evaluation may have stopped anywhere (a limit, a host exception): that engine is not reused.
            if (clean && sandbox.End())
            {
                _pool.Return(sandbox);
            }
        }
    }

    private static string Describe(Exception ex) => ex switch
    {
        Jint.Runtime.StatementsCountOverflowException => "The script ran more statements than the sandbox allows.",
        Jint.Runtime.MemoryLimitExceededException => "The script used more memory than the sandbox allows.",
        Jint.Runtime.RecursionDepthOverflowException => "The script recursed deeper than the sandbox allows.",
        TimeoutException => "The script ran longer than the sandbox allows.",
        Jint.Runtime.JavaScriptException js => $"Script error: {js.Message}",
        _ => $"Script failure: {ex.Message}",
    };
}
