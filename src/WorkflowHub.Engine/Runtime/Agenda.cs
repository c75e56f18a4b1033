namespace WorkflowHub.Engine.Runtime;

/// <summary>
/// The queue of small operations a command runs until empty. Operations enqueue their follow-ups instead of calling
/// them, so a chain of 10,000 elements runs in constant stack depth.
/// </summary>
internal sealed class Agenda
{
    private readonly Queue<Func<Task>> _operations = new();

    public void Enqueue(Func<Task> operation) => _operations.Enqueue(operation);

    public void Enqueue(Action operation) => _operations.Enqueue(() =>
    {
        operation();
        return Task.CompletedTask;
    });

    public bool TryDequeue(out Func<Task> operation) => _operations.TryDequeue(out operation!);
}
