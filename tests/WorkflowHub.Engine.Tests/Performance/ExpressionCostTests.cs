using System.Diagnostics;
using WorkflowHub.Engine.Scripting;
using Xunit.Abstractions;

namespace WorkflowHub.Engine.Tests.Performance;

public class ExpressionCostTests(ITestOutputHelper output)
{
    [Fact]
    public void A_javascript_condition_costs_a_few_microseconds_not_milliseconds()
    {
        var evaluator = new ScriptEvaluator(new ScriptLimits());
        var compiler = new ScriptCompiler();
        var variables = new Vars();
        for (var i = 0; i < 200; i++)
        {
            evaluator.EvaluateCondition(compiler, "${grade == 'major' && days > 2}", variables);
        }

        const int n = 2000;
        var watch = Stopwatch.StartNew();
        for (var i = 0; i < n; i++)
        {
            Assert.True(evaluator.EvaluateCondition(compiler, "${grade == 'major' && days > 2}", variables));
        }

        var perCall = watch.Elapsed.TotalMicroseconds / n;
        output.WriteLine($"{perCall:F1} µs per JavaScript condition");
        Assert.True(perCall < 5000, $"{perCall:F1} µs");
    }

    private sealed class Vars : IVariableAccess
    {
        private readonly Dictionary<string, object?> _values = new() { ["grade"] = "major", ["days"] = 3L, ["owner"] = "li", ["items"] = new List<object?> { 1L, 2L } };

        public string? BusinessKey => "B";

        public Guid InstanceId => Guid.Empty;

        public IReadOnlyDictionary<string, object?> Visible() => _values;

        public bool TryGet(string name, out object? value) => _values.TryGetValue(name, out value);

        public void Set(string name, object? value) => _values[name] = value;
    }
}
