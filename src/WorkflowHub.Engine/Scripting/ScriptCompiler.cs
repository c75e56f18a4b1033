using System.Collections.Concurrent;
using Acornima.Ast;
using Jint;
using WorkflowHub.Engine.Scripting.Direct;

namespace WorkflowHub.Engine.Scripting;

/// <summary>
/// Compiles ${...} bodies and script task bodies once (Jint prepared scripts) and caches them. One instance per
/// definition, so a definition's expressions are parsed at deploy and reused by every command. Bodies of the simple
/// forms (comparisons of variables with literals, <c>execution.setVariable('x', ...)</c> scripts) also get a direct
/// form that runs without Jint (<see cref="DirectParser"/>); the Jint form is still compiled, so errors stay the same.
/// </summary>
/// <param name="directEvaluation">False runs every body in Jint (tests compare both paths with it).</param>
public sealed class ScriptCompiler(bool directEvaluation = true)
{
    private readonly ConcurrentDictionary<string, Prepared<Script>> _expressions = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, Prepared<Script>> _scripts = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, IReadOnlyList<ExpressionPart>> _texts = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, string?> _identifiers = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, DirectExpression?> _directExpressions = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, DirectScript?> _directScripts = new(StringComparer.Ordinal);

    private volatile bool _needsSandbox;

    /// <summary>Whether simple bodies run without Jint.</summary>
    public bool DirectEvaluation { get; } = directEvaluation;

    /// <summary>
    /// Whether a body compiled so far has no direct form, so running it takes a Jint sandbox. Deploying such a
    /// definition warms the sandbox pool; a definition of simple bodies only does not (see <see cref="ScriptEvaluator.WarmUp"/>).
    /// </summary>
    public bool NeedsSandbox => _needsSandbox;

    private static readonly HashSet<string> Reserved = ["true", "false", "null", "undefined", "this", "NaN", "Infinity", "execution"];

    /// <summary>The text split into literal and ${...} parts, cached.</summary>
    public IReadOnlyList<ExpressionPart> Split(string text) => _texts.GetOrAdd(text, ExpressionText.Split);

    /// <summary>The trimmed body when it is a plain variable name, else null (cached).</summary>
    public string? IsIdentifier(string body) => _identifiers.GetOrAdd(body, static b =>
    {
        var trimmed = b.Trim();
        if (trimmed.Length == 0 || Reserved.Contains(trimmed) || !(char.IsLetter(trimmed[0]) || trimmed[0] is '_' or '$'))
        {
            return null;
        }

        foreach (var c in trimmed)
        {
            if (!(char.IsLetterOrDigit(c) || c is '_' or '$'))
            {
                return null;
            }
        }

        return trimmed;
    });

    /// <summary>Compiles a ${...} body as one JavaScript expression.</summary>
    /// <exception cref="ScriptFailedException">The body is not a valid expression.</exception>
    public Prepared<Script> CompileExpression(string body)
    {
        var prepared = _expressions.GetOrAdd(body, static b => Prepare("(" + b + "\n)", "expression", b));
        if (!_needsSandbox && IsIdentifier(body) is null && GetDirectExpression(body) is null)
        {
            _needsSandbox = true;
        }

        return prepared;
    }

    /// <summary>The direct form of a ${...} body, or null when it must run in Jint (cached).</summary>
    internal DirectExpression? GetDirectExpression(string body) =>
        DirectEvaluation ? _directExpressions.GetOrAdd(body, static b => DirectParser.ParseExpression(b)) : null;

    /// <summary>The direct form of a script task body, or null when it must run in Jint (cached).</summary>
    internal DirectScript? GetDirectScript(string body) =>
        DirectEvaluation ? _directScripts.GetOrAdd(body, static b => DirectParser.ParseScript(b)) : null;

    /// <summary>Whether a ${...} body has a direct form (it may still go to Jint for values the direct form does not handle).</summary>
    public bool CanEvaluateDirectly(string body) => GetDirectExpression(body) is not null;

    /// <summary>Whether a script task body has a direct form (it may still go to Jint for values the direct form does not handle).</summary>
    public bool CanRunDirectly(string body) => GetDirectScript(body) is not null;

    /// <exception cref="ScriptFailedException">The script does not parse.</exception>
    public Prepared<Script> CompileScript(string body)
    {
        var prepared = _scripts.GetOrAdd(body, static b => Prepare(b, "script", b));
        if (!_needsSandbox && GetDirectScript(body) is null)
        {
            _needsSandbox = true;
        }

        return prepared;
    }

    /// <summary>Compiles every ${...} part of a text; a plain literal compiles to nothing.</summary>
    public void CompileText(string text)
    {
        foreach (var part in ExpressionText.Split(text))
        {
            if (part.IsExpression)
            {
                CompileExpression(part.Text);
            }
        }
    }

    private static Prepared<Script> Prepare(string code, string kind, string original)
    {
        try
        {
            return Jint.Engine.PrepareScript(code, kind, strict: true);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            throw new ScriptFailedException($"The {kind} '{Shorten(original)}' does not parse: {ex.Message}", ex);
        }
    }

    internal static string Shorten(string text) => text.Length <= 80 ? text : text[..77] + "...";
}
