using WorkflowHub.Engine.Scripting;

namespace WorkflowHub.Engine.Tests.Scripting;

/// <summary>The script runtime's one-time initialisation, started in the background by a host's start-up.</summary>
public class ScriptRuntimeInitializationTests
{
    [Fact]
    public async Task It_starts_once_completes_and_leaves_scripts_compiling()
    {
        var first = ScriptRuntimeInitialization.StartInBackground();
        var second = ScriptRuntimeInitialization.StartInBackground();

        Assert.Same(first, second);
        await first.WaitAsync(TimeSpan.FromMinutes(1));
        Assert.True(first.IsCompletedSuccessfully);

        var compiler = new ScriptCompiler();
        compiler.CompileExpression("Math.max(a, b) > 2");
        Assert.True(compiler.NeedsSandbox);
    }
}
