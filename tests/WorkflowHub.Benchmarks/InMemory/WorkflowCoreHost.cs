using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using WorkflowCore.Interface;

namespace WorkflowHub.Benchmarks.InMemory;

/// <summary>A WorkflowCore host with its defaults (in-memory persistence, single-node queue and locks), started fresh per round.</summary>
public sealed class WorkflowCoreHost : IAsyncDisposable
{
    private readonly ServiceProvider _services;
    private readonly IWorkflowHost _host;

    public WorkflowCoreHost(CompletionSignal signal)
    {
        var services = new ServiceCollection();
        services.AddSingleton<ILoggerFactory>(NullLoggerFactory.Instance);
        services.AddSingleton(typeof(ILogger<>), typeof(NullLogger<>));
        services.AddSingleton(signal);
        services.AddTransient<WorkflowCoreThreeSteps.FirstStep>();
        services.AddTransient<WorkflowCoreThreeSteps.SecondStep>();
        services.AddTransient<WorkflowCoreThreeSteps.FinalStep>();
        services.AddWorkflow();
        _services = services.BuildServiceProvider();
        _host = _services.GetRequiredService<IWorkflowHost>();
        _host.RegisterWorkflow<WorkflowCoreThreeSteps>();
        _host.Start();
    }

    public Task<string> StartAsync() => _host.StartWorkflow(WorkflowCoreThreeSteps.WorkflowId);

    public async ValueTask DisposeAsync()
    {
        _host.Stop();
        await _services.DisposeAsync();
    }
}
