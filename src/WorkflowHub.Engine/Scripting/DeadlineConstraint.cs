using Jint;

namespace WorkflowHub.Engine.Scripting;

/// <summary>
/// The sandbox's time limit as a plain deadline on the coarse millisecond tick count. Jint's TimeoutInterval arms a
/// timer on every reset, and even one high-resolution clock read per evaluation showed up in profiles (the clock is
/// a system call on this kind of virtual machine); a limit counted in hundreds of milliseconds needs neither.
/// </summary>
internal sealed class DeadlineConstraint(TimeSpan timeout) : Constraint
{
    private readonly long _budgetMilliseconds = Math.Max(1, (long)Math.Ceiling(timeout.TotalMilliseconds));
    private long _deadline;

    public override void Check()
    {
        if (Environment.TickCount64 > _deadline)
        {
            throw new TimeoutException($"The script ran longer than {timeout.TotalMilliseconds:F0} ms.");
        }
    }

    public override void Reset() => _deadline = Environment.TickCount64 + _budgetMilliseconds;
}
