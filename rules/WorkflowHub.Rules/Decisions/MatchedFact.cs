using System.Text.Json;
using System.Text.Json.Serialization;
using WorkflowHub.Rules.Serialization;

namespace WorkflowHub.Rules.Decisions;

/// <summary>
/// One fact a rule matched: the NRules declaration name, its type, and its JSON. Facts are immutable,
/// so the JSON is written when first asked for (usually when the decision is stored) rather than in
/// the middle of a sweep, and it is still the fact exactly as it was matched.
/// </summary>
public sealed class MatchedFact
{
    private readonly Lazy<JsonElement> value;

    [JsonConstructor]
    public MatchedFact(string declaration, string factType, JsonElement value)
    {
        Declaration = declaration;
        FactType = factType;
        this.value = new Lazy<JsonElement>(value);
    }

    internal MatchedFact(string declaration, string factType, object fact, Type declaredType)
    {
        Declaration = declaration;
        FactType = factType;
        this.value = new Lazy<JsonElement>(() => JsonSerializer.SerializeToElement(fact, declaredType, RulesJson.Options));
    }

    public string Declaration { get; }

    public string FactType { get; }

    public JsonElement Value => value.Value;
}
