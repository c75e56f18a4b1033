namespace WorkflowHub.Campaign.Hazards.Demo;

/// <summary>Configuration section <c>Demo</c> (hazard part): with <c>Demo:Enabled</c>, an empty registry gets <see cref="Hazards"/> generated hazards.</summary>
public sealed class DemoHazardsOptions
{
    public const string SectionName = "Demo";
    public const int DefaultHazards = 300;

    public bool Enabled { get; set; }

    /// <summary>How many hazards to generate; 0 generates none.</summary>
    public int Hazards { get; set; } = DefaultHazards;

    /// <summary>Hazards per transaction: one commit per batch keeps thousands of loops quick on SQLite.</summary>
    public int BatchSize { get; set; } = 100;

    /// <summary>The random seed, so every demo city looks the same.</summary>
    public int Seed { get; set; } = 2020;
}
