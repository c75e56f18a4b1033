namespace WorkflowHub.Benchmarks.Measurement;

/// <summary>Console output of the plain harnesses: one heading per section, one line per figure, goals marked.</summary>
public static class Report
{
    public static void Heading(string title)
    {
        Console.WriteLine();
        Console.WriteLine($"## {title}");
        Console.WriteLine($"   {MachineLoad.Describe()}");
    }

    public static void Line(string text) => Console.WriteLine($"   {text}");

    public static void Goal(string what, bool met) => Console.WriteLine($"   GOAL {(met ? "MET" : "MISSED")}: {what}");
}
