using WorkflowHub.Engine.Scripting;

namespace WorkflowHub.Engine.Tests.Scripting;

/// <summary>
/// The direct evaluator (simple expressions and setVariable scripts without Jint) must give exactly what the Jint
/// sandbox gives — same value, same .NET type, same error — and must leave everything else to Jint.
/// </summary>
public class DirectEvaluationTests
{
    private static readonly ScriptEvaluator Evaluator = new(new ScriptLimits());

    private static Dictionary<string, object?> Values() => new(StringComparer.Ordinal)
    {
        ["n"] = 5L,
        ["d"] = 2.5,
        ["neg"] = -3L,
        ["zero"] = 0L,
        ["big"] = 9007199254740993L,
        ["s"] = "abc",
        ["empty"] = "",
        ["num"] = "5",
        ["t"] = true,
        ["f"] = false,
        ["nil"] = null,
        ["nan"] = double.NaN,
        ["inf"] = double.PositiveInfinity,
        ["list"] = new List<object?> { 1L, 2L },
        ["map"] = new Dictionary<string, object?>(StringComparer.Ordinal) { ["a"] = 1L },
    };

    public static TheoryData<string> DirectExpressions() =>
    [
        "n > 3", "n >= 5", "n < 5", "n <= 4", "n == 5", "n === 5", "n != 5", "n !== 5.0", "d * 2", "n + d", "n - 10",
        "n / 0", "-n / 0", "n % 3", "neg % 2", "0 / 0", "n / 2", "3 - 3", "-0", "0.5 + 0.25", "big", "big + 0",
        "big == 9007199254740992", "s == 'abc'", "s === \"abc\"", "s < 'abd'", "s > 'ab'", "s >= s", "s + 'def'",
        "s + empty", "empty || 'fallback'", "s && n", "nil || n", "nil && n", "!nil", "!!s", "!empty", "!zero",
        "t && f", "t || f", "!t == f", "nil == null", "nil === null", "nil == 0", "nil != f", "nil < 1", "nil >= 0",
        "t == 1", "f == 0", "t > f", "t + 1", "num == 5", "num === 5", "num < 10", "s + n", "n + s", "s - 1",
        "nan == nan", "nan != nan", "nan < 1", "nan >= nan", "inf > big", "-inf", "(n + 1) * 2", "n + 1 * 2",
        "n - 1 - 1", "n > 3 && s == 'abc' || f", "f || t && nil", "list == null", "map && n", "missing == 1",
        "missing || n", "n == 5 && missing",
    ];

    [Theory]
    [MemberData(nameof(DirectExpressions))]
    public void A_direct_expression_gives_what_jint_gives(string body)
    {
        Assert.True(new ScriptCompiler().CanEvaluateDirectly(body), body);
        AssertSameOutcome(() => Evaluator.EvaluateText(new ScriptCompiler(), "${" + body + "}", new TestVariables(Values())),
                          () => Evaluator.EvaluateText(new ScriptCompiler(directEvaluation: false), "${" + body + "}", new TestVariables(Values())),
                          body);
        AssertSameOutcome(() => Evaluator.EvaluateCondition(new ScriptCompiler(), "${" + body + "}", new TestVariables(Values())),
                          () => Evaluator.EvaluateCondition(new ScriptCompiler(directEvaluation: false), "${" + body + "}", new TestVariables(Values())),
                          body);
    }

    [Theory]
    [InlineData("Math.max(n, 1)")]
    [InlineData("n > 3 ? 'a' : 'b'")]
    [InlineData("nil ?? n")]
    [InlineData("s.length")]
    [InlineData("list[0]")]
    [InlineData("n ** 2")]
    [InlineData("typeof n")]
    [InlineData("n in map")]
    [InlineData("n++")]
    [InlineData("n = 1")]
    [InlineData("n & 1")]
    [InlineData("n << 1")]
    [InlineData("+n")]
    [InlineData("`t${n}`")]
    [InlineData("'a\\'b' == s")]
    [InlineData("n > 3 // note")]
    [InlineData("/* note */ n")]
    [InlineData("1e3")]
    [InlineData("0x10")]
    [InlineData("01")]
    [InlineData("10n")]
    [InlineData(".5")]
    [InlineData("undefined")]
    [InlineData("NaN == n")]
    [InlineData("toString == n")]
    [InlineData("execution.getVariable('n')")]
    [InlineData("n == 1, 2")]
    [InlineData("n >>> 1")]
    public void Anything_else_is_left_to_jint_and_still_evaluates_there(string body)
    {
        Assert.False(new ScriptCompiler().CanEvaluateDirectly(body), body);
        AssertSameOutcome(() => Evaluator.EvaluateText(new ScriptCompiler(), "${" + body + "}", new TestVariables(Values())),
                          () => Evaluator.EvaluateText(new ScriptCompiler(directEvaluation: false), "${" + body + "}", new TestVariables(Values())),
                          body);
    }

    [Fact]
    public void Deep_nesting_is_left_to_jint()
    {
        var body = new string('(', 40) + "n" + new string(')', 40);
        Assert.False(new ScriptCompiler().CanEvaluateDirectly(body));
        Assert.True(new ScriptCompiler().CanEvaluateDirectly(new string('(', 10) + "n" + new string(')', 10)));
        Assert.Equal(5L, Evaluator.EvaluateText(new ScriptCompiler(), "${" + body + "}", new TestVariables(Values())));
    }

    [Theory]
    [InlineData("execution.setVariable('a', 1);")]
    [InlineData("execution.setVariable('a', 1)")]
    [InlineData("  execution . setVariable ( \"a\" , n + 1 ) ;\n execution.setVariable('b', s + 'x');  ")]
    [InlineData("execution.setVariable('n', 10); execution.setVariable('m', n);")]
    [InlineData("execution.setVariable('late', big > n && s);")]
    [InlineData("execution.setVariable('x', list == null);")]
    [InlineData("execution.setVariable('a', 1); execution.setVariable('b', missing);")]
    [InlineData("execution.setVariable('c', num * 2);")]
    public void A_direct_script_does_what_jint_does(string script)
    {
        Assert.True(new ScriptCompiler().CanRunDirectly(script), script);
        var direct = new TestVariables(Values());
        var jint = new TestVariables(Values());
        AssertSameOutcome(() => Evaluator.RunScript(new ScriptCompiler(), script, direct),
                          () => Evaluator.RunScript(new ScriptCompiler(directEvaluation: false), script, jint),
                          script);
        Assert.Equal(jint.Written, direct.Written);
        Assert.Equal(jint.Snapshot(), direct.Snapshot());
    }

    [Theory]
    [InlineData("execution.setVariable('a', 1); var x = 2;")]
    [InlineData("execution.setVariable('a', 1)\nexecution.setVariable('b', 2)")]
    [InlineData("execution.setVariable('a')")]
    [InlineData("execution.setVariable(s, 1)")]
    [InlineData("execution.getVariable('n')")]
    [InlineData("execution.setVariable('a', Math.max(n, 2));")]
    [InlineData("")]
    public void Other_scripts_are_left_to_jint(string script)
    {
        Assert.False(new ScriptCompiler().CanRunDirectly(script), script);
        var direct = new TestVariables(Values());
        var jint = new TestVariables(Values());
        AssertSameOutcome(() => Evaluator.RunScript(new ScriptCompiler(), script, direct),
                          () => Evaluator.RunScript(new ScriptCompiler(directEvaluation: false), script, jint),
                          script);
        Assert.Equal(jint.Snapshot(), direct.Snapshot());
    }

    [Fact]
    public void A_statement_limit_the_script_could_reach_sends_it_to_jint()
    {
        var tight = new ScriptEvaluator(new ScriptLimits { MaxStatements = 2 });
        var variables = new TestVariables(Values());
        var error = Assert.Throws<ScriptFailedException>(() => tight.RunScript(new ScriptCompiler(), "execution.setVariable('a', 1); execution.setVariable('b', 2); execution.setVariable('c', 3);", variables));
        Assert.Contains("statements", error.Message);
    }

    private static void AssertSameOutcome<T>(Func<T> direct, Func<T> jint, string source)
    {
        var expected = Outcome(jint);
        var actual = Outcome(direct);
        Assert.True(Equals(expected.Value, actual.Value) && expected.Value?.GetType() == actual.Value?.GetType() && expected.Error == actual.Error,
            $"{source}: Jint gave {Describe(expected)}, the direct path gave {Describe(actual)}");
    }

    private static (object? Value, string? Error) Outcome<T>(Func<T> run)
    {
        try
        {
            return (run(), null);
        }
        catch (ScriptFailedException ex)
        {
            return (null, ex.Message);
        }
    }

    private static string Describe((object? Value, string? Error) outcome) =>
        outcome.Error is not null ? $"error '{outcome.Error}'" : $"{outcome.Value ?? "null"} ({outcome.Value?.GetType().Name ?? "null"})";

    private sealed class TestVariables(Dictionary<string, object?> values) : IVariableAccess
    {
        public List<string> Written { get; } = [];

        public string? BusinessKey => "B-1";

        public Guid InstanceId => Guid.Empty;

        public IReadOnlyDictionary<string, object?> Visible() => values;

        public bool TryGet(string name, out object? value) => values.TryGetValue(name, out value);

        public void Set(string name, object? value)
        {
            Written.Add(name);
            values[name] = value;
        }

        /// <summary>Every variable with its value and .NET type, for comparing both paths' writes.</summary>
        public List<string> Snapshot() => values
            .OrderBy(kv => kv.Key, StringComparer.Ordinal)
            .Select(kv => $"{kv.Key}={Format(kv.Value)}:{kv.Value?.GetType().Name}")
            .ToList();

        private static string Format(object? value) => value switch
        {
            List<object?> list => "[" + string.Join(",", list.Select(Format)) + "]",
            Dictionary<string, object?> map => "{" + string.Join(",", map.Select(kv => kv.Key + ":" + Format(kv.Value))) + "}",
            double d => d.ToString("R", System.Globalization.CultureInfo.InvariantCulture),
            _ => value?.ToString() ?? "null",
        };
    }
}
