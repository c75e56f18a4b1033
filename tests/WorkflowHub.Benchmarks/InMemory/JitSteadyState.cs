using System.Diagnostics;
using System.Runtime;

namespace WorkflowHub.Benchmarks.InMemory;

/// <summary>
/// Runs a benchmark's own rounds, untimed, until the JIT has finished with them: at least <see cref="MinimumTime"/>, and
/// then until no method has been compiled for <see cref="QuietTime"/> (tier-1 recompilations included), at most
/// <see cref="MaximumTime"/>. Without it the comparison measures start-up rather than throughput: BenchmarkDotNet's
/// few warm-up rounds last ~10 ms each for our engine, which ends them while its code is still at tier 0, whereas
/// WorkflowCore's rounds last ~100 ms each and its code tiers up during them.
/// </summary>
public static class JitSteadyState
{
    public static readonly TimeSpan MinimumTime = TimeSpan.FromSeconds(2);

    public static readonly TimeSpan QuietTime = TimeSpan.FromSeconds(1);

    public static readonly TimeSpan MaximumTime = TimeSpan.FromSeconds(30);

    /// <summary>Runs set-up, round and clean-up in a loop, as the benchmark's iterations do, until the JIT is quiet.</summary>
    public static void WarmUp(Action setUp, Func<Task> round, Action cleanUp)
    {
        var clock = Stopwatch.StartNew();
        var compiled = JitInfo.GetCompiledMethodCount();
        var lastCompilation = clock.Elapsed;
        while (clock.Elapsed < MaximumTime && (clock.Elapsed < MinimumTime || clock.Elapsed - lastCompilation < QuietTime))
        {
            setUp();
            round().GetAwaiter().GetResult();
            cleanUp();
            var now = JitInfo.GetCompiledMethodCount();
            if (now != compiled)
            {
                (compiled, lastCompilation) = (now, clock.Elapsed);
            }
        }

        Console.WriteLine($"// warm-up: {clock.Elapsed.TotalSeconds:F1} s until the JIT was quiet for {QuietTime.TotalSeconds:F0} s ({compiled} methods compiled in the process)");
    }
}
