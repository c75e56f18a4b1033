using BenchmarkDotNet.Attributes;
using WorkflowHub.Engine;
using WorkflowHub.Engine.Persistence;
using WorkflowHub.Engine.Persistence.InMemory;

namespace WorkflowHub.Benchmarks.InMemory;

/// <summary>
/// One operation = one instance of the three-step workflow from start to completion, measured as rounds of
/// <see cref="InstancesPerRound"/> instances ("start N, wait until all N completed") on fresh in-memory stores,
/// so neither side pays for earlier rounds' instances. The Ratio column is against WorkflowCore. Each benchmark first
/// runs its rounds untimed until the JIT is done with them (<see cref="JitSteadyState"/>), so both libraries are
/// measured as a long-running service runs them.
/// </summary>
[MemoryDiagnoser]
public class ThreeStepWorkflowBenchmarks
{
    public const int InstancesPerRound = 1_000;

    private static readonly TimeSpan RoundTimeout = TimeSpan.FromMinutes(2);

    private readonly CompletionSignal _signal = new();
    private WorkflowCoreHost? _workflowCore;
    private WorkflowEngine _engine = null!;
    private JobExecutor[] _executors = [];

    [GlobalSetup(Target = nameof(WorkflowCore))]
    public void WarmUpWorkflowCore() => JitSteadyState.WarmUp(StartWorkflowCore, WorkflowCore, StopWorkflowCore);

    [GlobalSetup(Target = nameof(WorkflowHubScriptTasks))]
    public void WarmUpScriptTasks() => JitSteadyState.WarmUp(DeployScriptProcess, WorkflowHubScriptTasks, NoCleanUp);

    [GlobalSetup(Target = nameof(WorkflowHubJintScriptTasks))]
    public void WarmUpJintScriptTasks() => JitSteadyState.WarmUp(DeployJintScriptProcess, WorkflowHubJintScriptTasks, NoCleanUp);

    [GlobalSetup(Target = nameof(WorkflowHubScriptTasksParallelCallers))]
    public void WarmUpParallelCallers() => JitSteadyState.WarmUp(DeployScriptProcess, WorkflowHubScriptTasksParallelCallers, NoCleanUp);

    [GlobalSetup(Target = nameof(WorkflowHubServiceTasksViaJobs))]
    public void WarmUpServiceTasksViaJobs() => JitSteadyState.WarmUp(DeployServiceProcess, WorkflowHubServiceTasksViaJobs, NoCleanUp);

    [IterationSetup(Target = nameof(WorkflowCore))]
    public void StartWorkflowCore()
    {
        _signal.Reset(InstancesPerRound);
        _workflowCore = new WorkflowCoreHost(_signal);
    }

    [IterationCleanup(Target = nameof(WorkflowCore))]
    public void StopWorkflowCore()
    {
        _workflowCore?.DisposeAsync().AsTask().GetAwaiter().GetResult();
        _workflowCore = null;
    }

    [IterationSetup(Targets = [nameof(WorkflowHubScriptTasks), nameof(WorkflowHubScriptTasksParallelCallers)])]
    public void DeployScriptProcess()
    {
        _engine = new WorkflowEngine(new InMemoryEngineStore());
        _engine.DeployAsync(WorkflowHubThreeSteps.ScriptProcess).GetAwaiter().GetResult();
    }

    [IterationSetup(Target = nameof(WorkflowHubJintScriptTasks))]
    public void DeployJintScriptProcess()
    {
        _engine = new WorkflowEngine(new InMemoryEngineStore());
        _engine.DeployAsync(WorkflowHubThreeSteps.JintScriptProcess).GetAwaiter().GetResult();
    }

    [IterationSetup(Target = nameof(WorkflowHubServiceTasksViaJobs))]
    public void DeployServiceProcess()
    {
        _signal.Reset(InstancesPerRound);
        var handlers = WorkflowHubThreeSteps.Topics
            .Select((topic, i) => new WorkflowHubThreeSteps.StepHandler(topic, i == WorkflowHubThreeSteps.Topics.Length - 1 ? _signal : null))
            .ToList();
        _engine = new WorkflowEngine(new InMemoryEngineStore(), externalTaskHandlers: handlers);
        _engine.DeployAsync(WorkflowHubThreeSteps.ServiceProcess).GetAwaiter().GetResult();
        _executors = Enumerable.Range(0, Environment.ProcessorCount)
            .Select(i => new JobExecutor(_engine, options: new JobExecutorOptions { LockOwner = $"bench-{i}", BatchSize = 20 }))
            .ToArray();
    }

    /// <summary>WorkflowCore 3.22 defaults: start N from one caller, its worker threads run the steps, wait for the last step of every instance.</summary>
    [Benchmark(Baseline = true, OperationsPerInvoke = InstancesPerRound)]
    public async Task WorkflowCore()
    {
        for (var i = 0; i < InstancesPerRound; i++)
        {
            await _workflowCore!.StartAsync();
        }

        await _signal.WaitAsync(RoundTimeout);
    }

    /// <summary>Our engine, one caller: each start command runs the three script tasks and commits the completed instance.</summary>
    [Benchmark(OperationsPerInvoke = InstancesPerRound)]
    public async Task WorkflowHubScriptTasks()
    {
        for (var i = 0; i < InstancesPerRound; i++)
        {
            await StartCompletedAsync(WorkflowHubThreeSteps.ScriptProcessKey);
        }
    }

    /// <summary>Our engine, one caller, with scripts that need the Jint sandbox (a local variable each): three real Jint evaluations per instance.</summary>
    [Benchmark(OperationsPerInvoke = InstancesPerRound)]
    public async Task WorkflowHubJintScriptTasks()
    {
        for (var i = 0; i < InstancesPerRound; i++)
        {
            await StartCompletedAsync(WorkflowHubThreeSteps.JintScriptProcessKey);
        }
    }

    /// <summary>Our engine, one caller per core (WorkflowCore also runs one worker per core).</summary>
    [Benchmark(OperationsPerInvoke = InstancesPerRound)]
    public async Task WorkflowHubScriptTasksParallelCallers()
    {
        var callers = Environment.ProcessorCount;
        await Task.WhenAll(Enumerable.Range(0, callers).Select(c => Task.Run(async () =>
        {
            for (var i = c; i < InstancesPerRound; i += callers)
            {
                await StartCompletedAsync(WorkflowHubThreeSteps.ScriptProcessKey);
            }
        })));
    }

    /// <summary>Our engine through its job executor: start N from one caller, one executor per core runs the three external tasks.</summary>
    [Benchmark(OperationsPerInvoke = InstancesPerRound)]
    public async Task WorkflowHubServiceTasksViaJobs()
    {
        var workers = _executors.Select(executor => Task.Run(async () =>
        {
            while (!_signal.Completed.IsCompleted)
            {
                if (await executor.RunOnceAsync() == 0)
                {
                    await Task.Yield();
                }
            }
        })).ToArray();
        for (var i = 0; i < InstancesPerRound; i++)
        {
            await _engine.StartInstanceAsync(WorkflowHubThreeSteps.ServiceProcessKey);
        }

        await _signal.WaitAsync(RoundTimeout);
        // Every handler call has returned; waiting for the workers waits for the commands that complete the last tasks.
        await Task.WhenAll(workers);
    }

    /// <summary>Our rounds leave nothing running: the next set-up replaces the store.</summary>
    private static void NoCleanUp()
    {
    }

    private async Task StartCompletedAsync(string key)
    {
        var instance = await _engine.StartInstanceAsync(key);
        if (instance.State != InstanceState.Completed)
        {
            throw new InvalidOperationException($"Instance {instance.Id} stopped at {string.Join(", ", instance.ActiveElementIds)}.");
        }
    }
}
