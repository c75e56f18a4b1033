using System.Collections;
using System.Reflection;
using WorkflowHub.Engine.Scripting;
using WorkflowHub.Engine.Tests.Support;
using static WorkflowHub.Engine.Tests.Support.Bpmn;

namespace WorkflowHub.Engine.Tests.Scripting;

/// <summary>
/// A Jint sandbox is built in the background only when a deployed definition has a body that needs one: the build
/// costs seconds of CPU and JIT, which a process whose scripts and conditions all run directly should not pay.
/// </summary>
public class SandboxWarmUpTests
{
    [Fact]
    public void Bodies_of_the_direct_forms_need_no_sandbox()
    {
        var compiler = new ScriptCompiler();
        compiler.CompileScript("execution.setVariable('a', 1); execution.setVariable('b', 'text');");
        compiler.CompileExpression("grade == 'major' && count > 2");
        compiler.CompileExpression("owner");
        compiler.CompileText("${approved}");

        Assert.False(compiler.NeedsSandbox);
    }

    [Theory]
    [InlineData("script", "var v = 1; execution.setVariable('a', v);")]
    [InlineData("expression", "Math.max(a, b) > 2")]
    [InlineData("text", "due ${deadline.substring(0, 10)}")]
    public void A_body_only_Jint_can_run_needs_the_sandbox(string kind, string body)
    {
        var compiler = new ScriptCompiler();
        compiler.CompileScript("execution.setVariable('a', 1);");
        Assert.False(compiler.NeedsSandbox);

        switch (kind)
        {
            case "script":
                compiler.CompileScript(body);
                break;
            case "expression":
                compiler.CompileExpression(body);
                break;
            default:
                compiler.CompileText(body);
                break;
        }

        Assert.True(compiler.NeedsSandbox);
    }

    [Fact]
    public void Without_direct_evaluation_every_body_needs_the_sandbox()
    {
        var compiler = new ScriptCompiler(directEvaluation: false);
        compiler.CompileScript("execution.setVariable('a', 1);");

        Assert.True(compiler.NeedsSandbox);
    }

    [Fact]
    public async Task Deploying_direct_scripts_leaves_the_pool_cold_and_a_Jint_script_warms_it()
    {
        // Limits of their own: a pool no other test shares.
        var limits = new ScriptLimits { MaxStatements = 54_321 };
        var h = new EngineHarness(options: new WorkflowEngineOptions { ScriptLimits = limits });
        await h.DeployAsync(Process($$"""
            <bpmn:startEvent id="start" />
            <bpmn:scriptTask id="direct" scriptFormat="javascript"><bpmn:script>execution.setVariable('x', 1);</bpmn:script></bpmn:scriptTask>
            <bpmn:endEvent id="end" />
            {{Flow("f0", "start", "direct")}}{{Flow("f1", "direct", "end")}}
            """, id: "direct-only"));
        var started = await h.Engine.StartInstanceAsync("direct-only");

        Assert.Equal(1L, started.Variables["x"]);
        Assert.False(WarmUpStarted(limits));

        await h.DeployAsync(Process($$"""
            <bpmn:startEvent id="start" />
            <bpmn:scriptTask id="jint" scriptFormat="javascript"><bpmn:script>var v = 2; execution.setVariable('x', v);</bpmn:script></bpmn:scriptTask>
            <bpmn:endEvent id="end" />
            {{Flow("f0", "start", "jint")}}{{Flow("f1", "jint", "end")}}
            """, id: "needs-jint"));

        Assert.True(WarmUpStarted(limits));
        Assert.Equal(2L, (await h.Engine.StartInstanceAsync("needs-jint")).Variables["x"]);
    }

    /// <summary>Whether the process-wide pool of these limits has started building its first engine.</summary>
    private static bool WarmUpStarted(ScriptLimits limits)
    {
        var pools = (IDictionary)typeof(ScriptEvaluator).GetField("Pools", BindingFlags.NonPublic | BindingFlags.Static)!.GetValue(null)!;
        var pool = pools[limits]!;
        return (int)pool.GetType().GetField("_warmUpStarted", BindingFlags.NonPublic | BindingFlags.Instance)!.GetValue(pool)! == 1;
    }
}
