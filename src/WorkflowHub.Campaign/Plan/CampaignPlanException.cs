namespace WorkflowHub.Campaign.Plan;

/// <summary>The campaign plan file could not be read or breaks a rule; <see cref="Problems"/> names each bad entry.</summary>
public sealed class CampaignPlanException : Exception
{
    public CampaignPlanException()
        : this("The campaign plan is invalid.")
    {
    }

    public CampaignPlanException(string message)
        : this(message, innerException: null)
    {
    }

    public CampaignPlanException(string message, Exception? innerException)
        : base(message, innerException)
    {
        Problems = [message];
    }

    public CampaignPlanException(string sourceName, IReadOnlyList<string> problems, Exception? innerException = null)
        : base(Describe(sourceName, problems), innerException)
    {
        SourceName = sourceName;
        Problems = problems;
    }

    public string? SourceName { get; }

    public IReadOnlyList<string> Problems { get; }

    private static string Describe(string sourceName, IReadOnlyList<string> problems) =>
        problems.Count == 1
            ? $"{sourceName}: {problems[0]}"
            : $"{sourceName} has {problems.Count} problems:{Environment.NewLine}- " + string.Join(Environment.NewLine + "- ", problems);
}
