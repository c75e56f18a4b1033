namespace WorkflowHub.Engine.Scripting;

/// <summary>The variables an expression or script sees (its scope and every enclosing scope) and where writes go.</summary>
public interface IVariableAccess
{
    /// <summary>Every visible variable; inner scopes shadow outer ones.</summary>
    IReadOnlyDictionary<string, object?> Visible();

    bool TryGet(string name, out object? value);

    void Set(string name, object? value);

    string? BusinessKey { get; }

    Guid InstanceId { get; }
}
