namespace WorkflowHub.Server.Infrastructure.Web;

/// <summary>The languages of the web UI: Chinese first and by default, English on request.</summary>
public static class UiCultures
{
    public const string Default = "zh-CN";
    public const string English = "en";
    public const string CookieName = "WorkflowHub.Culture";
    public const string CsrfHeaderName = "X-CSRF-TOKEN";

    public static IReadOnlyList<string> Supported { get; } = [Default, English];

    public static bool IsEnglish => System.Globalization.CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en";

    /// <summary>Picks the Chinese or the English text of a bilingual record for the current request.</summary>
    public static string Pick(string zh, string en) => IsEnglish && !string.IsNullOrWhiteSpace(en) ? en : zh;
}
