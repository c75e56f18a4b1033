using WorkflowHub.Engine.Scripting;
using WorkflowHub.Engine.Tests.Support;
using static WorkflowHub.Engine.Tests.Support.Bpmn;

namespace WorkflowHub.Engine.Tests.Scripting;

public class SandboxTests
{
    private static string ScriptProcess(string script) => Process($$"""
        <bpmn:startEvent id="start" />
        <bpmn:scriptTask id="run" scriptFormat="javascript" camunda:resultVariable="result"><bpmn:script><![CDATA[{{script}}]]></bpmn:script></bpmn:scriptTask>
        <bpmn:userTask id="after" />
        {{Flow("f0", "start", "run")}}{{Flow("f1", "run", "after")}}
        """);

    private static EngineHarness Harness() => new(options: new WorkflowEngineOptions
    {
        ScriptLimits = new ScriptLimits { Timeout = TimeSpan.FromMilliseconds(500), MaxStatements = 50_000, MaxMemoryBytes = 4 * 1024 * 1024 },
    });

    [Fact]
    public async Task Script_result_and_set_variables_are_stored()
    {
        var h = Harness();
        await h.DeployAsync(ScriptProcess("execution.setVariable('grade', score > 80 ? 'major' : 'general'); ({ total: score * 2, tags: ['a', 'b'] })"));
        var instance = await h.Engine.StartInstanceAsync("p", variables: new Dictionary<string, object?> { ["score"] = 90 });
        Assert.Equal("major", instance.Variables["grade"]);
        var result = Assert.IsType<Dictionary<string, object?>>(instance.Variables["result"]);
        Assert.Equal(180L, result["total"]);
        Assert.Equal(["a", "b"], Assert.IsType<List<object?>>(result["tags"]));
    }

    [Theory]
    [InlineData("while (true) {}", "statements")]
    [InlineData("var a = []; while (true) { a.push('xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx' + a.length); }", "")]
    [InlineData("function f(n) { return f(n + 1) + 1; } f(0);", "recursed")]
    [InlineData("undefinedThing.call()", "Script error")]
    [InlineData("System.IO.File.ReadAllText('/etc/passwd')", "Script error")]
    public async Task Runaway_or_failing_scripts_become_incidents_on_the_element(string script, string messagePart)
    {
        var h = Harness();
        await h.DeployAsync(ScriptProcess(script));
        var instance = await h.Engine.StartInstanceAsync("p");
        var incident = Assert.Single(instance.Incidents);
        Assert.Equal("run", incident.ElementId);
        Assert.Contains(messagePart, incident.Message);
        Assert.Equal(["run"], instance.ActiveElementIds);
    }

    [Fact]
    public void Expressions_see_variables_but_cannot_set_them()
    {
        var evaluator = new ScriptEvaluator(new ScriptLimits());
        var compiler = new ScriptCompiler();
        var variables = new TestVariables(new() { ["grade"] = "major", ["days"] = 3L });
        Assert.True(evaluator.EvaluateCondition(compiler, "${grade == 'major' && days > 2}", variables));
        Assert.Equal("H-3 days", evaluator.EvaluateText(compiler, "H-${days} days", variables));
        Assert.Throws<ScriptFailedException>(() => evaluator.EvaluateText(compiler, "${execution.setVariable('x', 1)}", variables));
        Assert.Throws<ScriptFailedException>(() => compiler.CompileExpression("a ==="));
    }

    private sealed class TestVariables(Dictionary<string, object?> values) : IVariableAccess
    {
        public string? BusinessKey => null;

        public Guid InstanceId => Guid.Empty;

        public IReadOnlyDictionary<string, object?> Visible() => values;

        public bool TryGet(string name, out object? value) => values.TryGetValue(name, out value);

        public void Set(string name, object? value) => values[name] = value;
    }
}
