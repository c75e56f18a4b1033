using System.Runtime.CompilerServices;

namespace WorkflowHub.Engine.Scripting;

/// <summary>
/// Runs the script runtime's one-time, process-wide initialisation on a thread-pool thread. Jint's first use (compiling
/// a condition at deployment, or building a sandbox) runs its static initialisers, and Jint 4.18's Temporal time zone
/// provider lists and sorts every system time zone by display name, asking ICU for each: about 0.4 s of CPU, paid once
/// per process whatever the scripts are. A host that calls this at the start of its start-up does that work on a second
/// core while the database is migrated, instead of in the middle of the first deployment.
/// </summary>
public static class ScriptRuntimeInitialization
{
    private static Task? _started;

    /// <summary>Starts the initialisation (the first call only) and returns its task; a failure surfaces again at the first real use.</summary>
    public static Task StartInBackground()
    {
        var task = Volatile.Read(ref _started);
        if (task is not null)
        {
            return task;
        }

        var created = new Task(static () => RuntimeHelpers.RunClassConstructor(typeof(Jint.Engine).TypeHandle));
        if (Interlocked.CompareExchange(ref _started, created, null) is { } existing)
        {
            return existing;
        }

        created.Start(TaskScheduler.Default);
        return created;
    }
}
