using WorkflowHub.Engine.Persistence;
using WorkflowHub.Engine.Tests.Support;
using static WorkflowHub.Engine.Tests.Support.Bpmn;

namespace WorkflowHub.Engine.Tests.Runtime;

public class JobExecutorTests
{
    [Fact]
    public async Task The_loop_runs_due_jobs_until_cancelled()
    {
        var handler = new DelegateTaskHandler("mail", _ => ExternalTaskResult.Success());
        var h = new EngineHarness([handler]);
        await h.DeployAsync(Process($$"""
            <bpmn:startEvent id="s" />
            <bpmn:sendTask id="send" camunda:type="external" camunda:topic="mail" />
            <bpmn:endEvent id="e" />
            {{Flow("f0", "s", "send")}}{{Flow("f1", "send", "e")}}
            """));
        var instance = await h.Engine.StartInstanceAsync("p");
        var executor = new JobExecutor(h.Engine, TimeProvider.System, new JobExecutorOptions { LockOwner = "loop", IdleDelay = TimeSpan.FromMilliseconds(20) });
        using var cts = new CancellationTokenSource();
        var loop = executor.RunAsync(cts.Token);
        for (var i = 0; i < 200 && (await h.InstanceAsync(instance.Id)).State == InstanceState.Active; i++)
        {
            await Task.Delay(20);
        }

        await cts.CancelAsync();
        await loop;
        Assert.Equal(InstanceState.Completed, (await h.InstanceAsync(instance.Id)).State);
        Assert.Single(handler.Calls);
    }
}
