using System.Text.Json;
using WorkflowHub.Campaign.Workflows;

namespace WorkflowHub.Server.Tests.Workflows;

public sealed class JsonVariablesTests
{
    private static Dictionary<string, object?> Convert(string json)
    {
        using var document = JsonDocument.Parse(json);
        return JsonVariables.ToVariables(document.RootElement);
    }

    [Fact]
    public void Every_json_kind_becomes_the_plain_value_the_engine_stores()
    {
        var variables = Convert("""
            {"text":"重大","yes":true,"no":false,"none":null,"whole":42,"big":9007199254740993,"real":2.5,"exp":1e3,
             "list":[1,"a",[true]],"map":{"inner":{"depth":-7}}}
            """);

        Assert.Equal("重大", variables["text"]);
        Assert.Equal(true, variables["yes"]);
        Assert.Equal(false, variables["no"]);
        Assert.Null(variables["none"]);
        Assert.Equal(42L, variables["whole"]);
        Assert.Equal(9007199254740993L, variables["big"]);
        Assert.Equal(2.5, variables["real"]);
        Assert.Equal(1000.0, variables["exp"]);
        var list = Assert.IsType<List<object?>>(variables["list"]);
        Assert.Equal(1L, list[0]);
        Assert.Equal("a", list[1]);
        Assert.Equal([true], Assert.IsType<List<object?>>(list[2]));
        var map = Assert.IsType<Dictionary<string, object?>>(variables["map"]);
        Assert.Equal(-7L, Assert.IsType<Dictionary<string, object?>>(map["inner"])["depth"]);
    }

    [Fact]
    public void Absent_or_null_variables_are_an_empty_set()
    {
        Assert.Empty(JsonVariables.ToVariables(null));
        Assert.Empty(Convert("null"));
    }

    [Theory]
    [InlineData("[1,2]")]
    [InlineData("\"text\"")]
    [InlineData("{\"\":1}")]
    public void Anything_but_an_object_of_named_values_is_refused(string json) =>
        Assert.Throws<FormatException>(() => Convert(json));

    [Fact]
    public void Nesting_deeper_than_the_limit_is_refused()
    {
        var deep = new string('[', JsonVariables.MaxDepth + 2) + new string(']', JsonVariables.MaxDepth + 2);

        Assert.Throws<FormatException>(() => Convert($"{{\"deep\":{deep}}}"));
    }
}
