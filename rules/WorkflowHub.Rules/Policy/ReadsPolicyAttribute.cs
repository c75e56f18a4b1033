namespace WorkflowHub.Rules.Policy;

/// <summary>Declares a policy key a rule reads, so the catalogue can show auditors which thresholds drive which rule.</summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = false)]
public sealed class ReadsPolicyAttribute(string key) : Attribute
{
    public string Key { get; } = key;
}
