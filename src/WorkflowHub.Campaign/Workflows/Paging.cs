namespace WorkflowHub.Campaign.Workflows;

/// <summary>Limits shared by the list requests' validators.</summary>
public static class Paging
{
    public const int DefaultTake = 50;
    public const int MaxTake = 200;

    /// <summary>Deep pages of merged or filtered lists are assembled in memory; beyond this, narrow the filter.</summary>
    public const int MaxSkip = 10_000;
}
