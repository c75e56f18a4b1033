namespace WorkflowHub.Engine.Parsing;

internal static class ExpressionLanguages
{
    public static bool IsJavaScript(string language) =>
        language.Trim().ToLowerInvariant() is "javascript" or "js" or "ecmascript" or "text/javascript" or "application/javascript"
            or "http://www.ecma-international.org/ecma-262" or "juel" or "";
}
