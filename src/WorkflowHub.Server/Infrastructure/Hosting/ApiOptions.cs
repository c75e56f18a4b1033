namespace WorkflowHub.Server.Infrastructure.Hosting;

/// <summary>Configuration section <c>Api</c>.</summary>
public sealed class ApiOptions
{
    public const string SectionName = "Api";

    /// <summary>The largest JSON body an /api request may send, in bytes (the server-wide limit is Kestrel:Limits:MaxRequestBodySize).</summary>
    public long MaxJsonBodyBytes { get; set; } = 1024 * 1024;
}
