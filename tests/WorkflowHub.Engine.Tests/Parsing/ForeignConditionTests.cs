using WorkflowHub.Engine.Parsing;
using WorkflowHub.Engine.Tests.Support;
using static WorkflowHub.Engine.Tests.Support.Bpmn;

namespace WorkflowHub.Engine.Tests.Parsing;

public class ForeignConditionTests
{
    private static string Gateway(string condition, string language = "") => Process($$"""
        <bpmn:startEvent id="s" />
        <bpmn:exclusiveGateway id="gw" default="no" />
        <bpmn:userTask id="yesTask" /><bpmn:userTask id="noTask" />
        {{Flow("f0", "s", "gw")}}
        <bpmn:sequenceFlow id="yes" sourceRef="gw" targetRef="yesTask"><bpmn:conditionExpression {{language}}><![CDATA[{{condition}}]]></bpmn:conditionExpression></bpmn:sequenceFlow>
        {{Flow("no", "gw", "noTask")}}
        """);

    [Theory]
    [InlineData("= approved", "", true)]
    [InlineData("= not(approved)", "", false)]
    [InlineData("Vacation Approval = \"Approved\"", "language=\"https://www.omg.org/spec/DMN/20191111/FEEL/\"", true)]
    [InlineData("bpmn:getDataObject('clarified') = 'yes'", "", true)]
    [InlineData("= some risk in riskLevels satisfies risk = \"red\"", "", true)]
    [InlineData("= every risk in riskLevels satisfies risk = \"red\"", "", false)]
    [InlineData("= score >= 10 and (grade != \"minor\" or approved)", "", true)]
    public async Task Simple_feel_and_xpath_conditions_run_as_javascript(string condition, string language, bool expected)
    {
        var h = new EngineHarness();
        var deployed = await h.DeployAsync(Gateway(condition, language));
        Assert.Contains(deployed.Warnings, w => w.ElementId == "yes");
        var instance = await h.Engine.StartInstanceAsync("p", variables: new Dictionary<string, object?>
        {
            ["approved"] = true, ["Vacation Approval"] = "Approved", ["clarified"] = "yes", ["riskLevels"] = new[] { "green", "red" },
            ["score"] = 12, ["grade"] = "major",
        });
        Assert.Equal([expected ? "yesTask" : "noTask"], instance.ActiveElementIds);
    }

    [Fact]
    public async Task Feel_it_cannot_translate_is_named_as_unsupported()
    {
        var h = new EngineHarness();
        var error = await Assert.ThrowsAsync<BpmnValidationException>(() => h.DeployAsync(Gateway("= date(\"2020-01-01\") + duration(\"P1D\") in [1..3]")));
        Assert.Contains(error.Errors, e => e.ElementId == "yes" && e.Message.Contains("not supported"));
    }

    [Fact]
    public void JavaScript_conditions_are_kept_as_written()
    {
        var process = new BpmnParser().Parse(Gateway("${approved && score > 3}")).Processes[0];
        Assert.Equal("${approved && score > 3}", process.Flows["yes"].Condition);
    }
}
