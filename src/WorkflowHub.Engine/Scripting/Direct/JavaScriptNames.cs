using Jint;

namespace WorkflowHub.Engine.Scripting.Direct;

/// <summary>
/// Names an identifier of the direct evaluator may not have: keywords and literals of the language, and every global
/// of the sandbox and of its prototypes (Math, JSON, undefined, toString, execution, ...), whose meaning Jint decides even when a variable shares the name.
/// </summary>
internal static class JavaScriptNames
{
    private static readonly HashSet<string> Keywords =
    [
        "break", "case", "catch", "class", "const", "continue", "debugger", "default", "delete", "do", "else", "enum", "export",
        "extends", "false", "finally", "for", "function", "if", "import", "in", "instanceof", "new", "null", "return", "super",
        "switch", "this", "throw", "true", "try", "typeof", "var", "void", "while", "with", "yield", "let", "static",
        "implements", "interface", "package", "private", "protected", "public", "await", "async", "of", "get", "set",
        "arguments", "eval", "undefined", "NaN", "Infinity", "globalThis", "execution",
    ];

    private static readonly Lazy<HashSet<string>> Globals = new(() =>
    {
        var engine = new Jint.Engine();
        var names = new HashSet<string>(StringComparer.Ordinal);
        // The global object and its prototypes (Object.prototype's toString, constructor, ...).
        for (var scope = engine.Global; scope is not null; scope = scope.Prototype)
        {
            foreach (var key in scope.GetOwnPropertyKeys())
            {
                if (key.IsString())
                {
                    names.Add(key.AsString());
                }
            }
        }

        return names;
    });

    public static bool IsUsableIdentifier(string name) => !Keywords.Contains(name) && !Globals.Value.Contains(name);
}
