namespace WorkflowHub.Server.Resources;

/// <summary>
/// Marker for <c>IStringLocalizer&lt;SharedResource&gt;</c>: every text of the pages lives in SharedResource.resx
/// (Chinese, the neutral language) and SharedResource.en.resx (English).
/// </summary>
public sealed class SharedResource;
