using Acornima.Ast;
using Jint;
using Jint.Native;
using Jint.Runtime.Interop;

namespace WorkflowHub.Engine.Scripting;

/// <summary>
/// Runs compiled expressions and scripts in a fresh, constrained Jint engine: strict mode, time, statement, memory and
/// recursion limits, no CLR access. Variables are plain JavaScript globals; scripts also get an <c>execution</c> object
/// with <c>getVariable(name)</c>, <c>setVariable(name, value)</c>, <c>businessKey</c> and <c>processInstanceId</c>.
/// Every failure surfaces as <see cref="ScriptFailedException"/>.
/// </summary>
public sealed class ScriptEvaluator(ScriptLimits limits)
{
    public ScriptLimits Limits { get; } = limits;

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

        return Evaluate(compiler.CompileExpression(body), body, variables, writeBack: false);
    }

    /// <summary>Runs a script task body; returns its completion value (for camunda:resultVariable).</summary>
    public object? RunScript(ScriptCompiler compiler, string body, IVariableAccess variables) =>
        Evaluate(compiler.CompileScript(body), body, variables, writeBack: true);

    /// <summary>
    /// Only the variables whose names occur in the source are converted into the engine (a name that does not occur
    /// cannot be referenced except through reflection-like <c>globalThis[...]</c> lookups), and <c>execution</c> only
    /// when the source mentions it: conversions, not JavaScript, dominate the cost of a small condition.
    /// </summary>
    private object? Evaluate(Prepared<Script> script, string source, IVariableAccess variables, bool writeBack)
    {
        try
        {
            var engine = new Jint.Engine(options => options
                .Strict()
                .TimeoutInterval(Limits.Timeout)
                .MaxStatements(Limits.MaxStatements)
                .LimitMemory(Limits.MaxMemoryBytes)
                .LimitRecursion(Limits.MaxRecursionDepth));
            foreach (var (name, value) in variables.Visible())
            {
                if (source.Contains(name, StringComparison.Ordinal))
                {
                    engine.SetValue(name, JsValueConverter.ToJs(engine, value));
                }
            }

            if (source.Contains("execution", StringComparison.Ordinal))
            {
                engine.SetValue("execution", CreateExecutionObject(engine, variables, writeBack));
            }
            var result = engine.Evaluate(in script);
            return JsValueConverter.FromJs(result);
        }
        catch (ScriptFailedException)
        {
            throw;
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            throw new ScriptFailedException(Describe(ex), ex);
        }
    }

    private static JsObject CreateExecutionObject(Jint.Engine engine, IVariableAccess variables, bool writable)
    {
        var execution = new JsObject(engine);
        execution.Set("getVariable", new ClrFunction(engine, "getVariable", (_, args) =>
            variables.TryGet(args.Length > 0 ? args[0].ToString() : "", out var value) ? JsValueConverter.ToJs(engine, value) : JsValue.Null));
        execution.Set("setVariable", new ClrFunction(engine, "setVariable", (_, args) =>
        {
            if (!writable)
            {
                throw new ScriptFailedException("Expressions cannot set variables; use a script task.");
            }

            if (args.Length < 1 || !args[0].IsString())
            {
                throw new ScriptFailedException("setVariable(name, value) needs a variable name.");
            }

            variables.Set(args[0].AsString(), JsValueConverter.FromJs(args.Length > 1 ? args[1] : JsValue.Undefined));
            return JsValue.Undefined;
        }));
        execution.Set("businessKey", variables.BusinessKey is null ? JsValue.Null : new JsString(variables.BusinessKey));
        execution.Set("processInstanceId", new JsString(variables.InstanceId.ToString()));
        return execution;
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
