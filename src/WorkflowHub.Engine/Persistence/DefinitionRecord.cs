namespace WorkflowHub.Engine.Persistence;

/// <summary>A deployed process definition: one row per (key, version). The XML is the whole deployed file, kept exactly as deployed.</summary>
public sealed class DefinitionRecord
{
    /// <summary>Unique id, formatted "key:version:hash-prefix".</summary>
    public string Id { get; set; } = "";

    /// <summary>The BPMN process id.</summary>
    public string Key { get; set; } = "";

    public int Version { get; set; }

    public string? Name { get; set; }

    /// <summary>The deployed XML, character for character.</summary>
    public string Xml { get; set; } = "";

    /// <summary>SHA-256 of the XML (hex, lower case); a redeploy with the same hash is not a new version.</summary>
    public string ContentHash { get; set; } = "";

    public DateTimeOffset DeployedAt { get; set; }

    public string? DeployedBy { get; set; }
}
