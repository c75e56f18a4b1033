using WorkflowCore.Interface;
using WorkflowCore.Models;

namespace WorkflowHub.Benchmarks.InMemory;

/// <summary>WorkflowCore's side: three step bodies in a row, the last one reports the instance as finished.</summary>
public sealed class WorkflowCoreThreeSteps : IWorkflow
{
    public const string WorkflowId = "three-steps";

    public string Id => WorkflowId;

    public int Version => 1;

    public void Build(IWorkflowBuilder<object> builder) =>
        builder.StartWith<FirstStep>().Then<SecondStep>().Then<FinalStep>();

    public sealed class FirstStep : StepBody
    {
        public override ExecutionResult Run(IStepExecutionContext context) => ExecutionResult.Next();
    }

    public sealed class SecondStep : StepBody
    {
        public override ExecutionResult Run(IStepExecutionContext context) => ExecutionResult.Next();
    }

    public sealed class FinalStep(CompletionSignal signal) : StepBody
    {
        public override ExecutionResult Run(IStepExecutionContext context)
        {
            signal.Signal();
            return ExecutionResult.Next();
        }
    }
}
