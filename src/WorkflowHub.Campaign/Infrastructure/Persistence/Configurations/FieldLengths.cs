namespace WorkflowHub.Campaign.Infrastructure.Persistence.Configurations;

/// <summary>Column lengths shared by the model and the validators, so both agree on what fits.</summary>
public static class FieldLengths
{
    public const int Code = 64;
    public const int Kind = 32;
    public const int Name = 200;
    public const int Unit = 32;
    public const int Text = 4000;
}
