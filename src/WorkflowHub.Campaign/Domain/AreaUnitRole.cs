namespace WorkflowHub.Campaign.Domain;

/// <summary>How a unit takes part in an area: it leads (牵头) or shares responsibility.</summary>
public enum AreaUnitRole
{
    Lead,
    Co,
}
