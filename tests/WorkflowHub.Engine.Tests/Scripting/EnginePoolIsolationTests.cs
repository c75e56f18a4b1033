using WorkflowHub.Engine.Scripting;

namespace WorkflowHub.Engine.Tests.Scripting;

/// <summary>Engines are pooled and reused: nothing one evaluation leaves behind may be seen by the next one.</summary>
public class EnginePoolIsolationTests
{
    // Limits of their own, so these tests own a pool of one or two engines and really reuse them.
    private static readonly ScriptLimits Limits = new() { MaxStatements = 20_000 };

    private readonly ScriptEvaluator _evaluator = new(Limits);
    private readonly ScriptCompiler _compiler = new();

    [Fact]
    public void Declarations_and_globals_of_one_script_are_gone_in_the_next()
    {
        const string leaver = "var leaked = 1; let lexical = 2; const constant = 3; class Shape {} function declared() {} globalThis.viaGlobal = 4; 'done'";
        for (var i = 0; i < 3; i++)
        {
            // Run twice or more on a reused engine: a surviving let/const/class would make the redeclaration throw.
            Assert.Equal("done", _evaluator.RunScript(_compiler, leaver, new Variables()));
            Assert.Equal(
                "undefined,undefined,undefined,undefined,undefined,undefined",
                _evaluator.RunScript(_compiler, "[typeof leaked, typeof lexical, typeof constant, typeof Shape, typeof declared, typeof viaGlobal].join()", new Variables()));
        }
    }

    [Fact]
    public void Variables_of_one_instance_are_not_visible_to_another()
    {
        var first = new Variables(new() { ["secret"] = "from instance one", ["amount"] = 5L });
        Assert.Equal("from instance one", _evaluator.RunScript(_compiler, "secret", first));
        Assert.True(_evaluator.EvaluateCondition(_compiler, "${amount > 3}", first));

        var second = new Variables();
        Assert.Equal("undefined/undefined", _evaluator.RunScript(_compiler, "typeof secret + '/' + typeof amount", second));
        Assert.Equal(second.InstanceId.ToString(), _evaluator.RunScript(_compiler, "execution.processInstanceId", second));
        Assert.Null(_evaluator.RunScript(_compiler, "execution.getVariable('secret')", second));
    }

    [Fact]
    public void A_script_failure_does_not_leave_its_globals_behind()
    {
        Assert.Throws<ScriptFailedException>(() => _evaluator.RunScript(_compiler, "globalThis.half = 1; let partial = 2; throw new Error('stop');", new Variables()));
        Assert.Equal("undefined,undefined", _evaluator.RunScript(_compiler, "[typeof half, typeof partial].join()", new Variables()));
    }

    [Theory]
    [InlineData("Array.prototype.push = function () { return 42; };")]
    [InlineData("Object.prototype.polluted = true;")]
    [InlineData("Math.max = function () { return -1; };")]
    [InlineData("JSON.stringify = function () { return 'forged'; };")]
    public void Built_ins_cannot_be_tampered_with(string tamper)
    {
        Assert.Throws<ScriptFailedException>(() => _evaluator.RunScript(_compiler, tamper, new Variables()));
        Assert.Equal(
            "1,undefined,2,[1]",
            _evaluator.RunScript(_compiler, "[[].push('a'), String(({}).polluted), Math.max(1, 2), JSON.stringify([1])].join()", new Variables()));
    }

    [Fact]
    public void Shadowing_inherited_names_still_works_but_replacing_the_built_ins_does_not()
    {
        const string shadowing = "class Failure extends Error { constructor() { super('m'); this.name = 'Failure'; } } const o = {}; o.toString = () => 'own'; String(o) + '/' + new Failure().name";
        Assert.Equal("own/Failure", _evaluator.RunScript(_compiler, shadowing, new Variables()));

        Assert.Throws<ScriptFailedException>(() => _evaluator.RunScript(_compiler, "Error.prototype.name = 'Hacked';", new Variables()));
        Assert.Throws<ScriptFailedException>(() => _evaluator.RunScript(_compiler, "Object.prototype.toString = () => 'forged';", new Variables()));
        Assert.Throws<ScriptFailedException>(() => _evaluator.RunScript(_compiler, "Object.defineProperty(Error.prototype, 'name', { value: 'Hacked' });", new Variables()));
        Assert.Throws<ScriptFailedException>(() => _evaluator.RunScript(_compiler, "Object.freeze({}).toString = () => 'x';", new Variables()));
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal("Error/[object Object]", _evaluator.RunScript(_compiler, "new Error('x').name + '/' + String({})", new Variables()));
        }
    }

    [Fact]
    public async Task Parallel_evaluations_each_see_only_their_own_variables()
    {
        await Task.WhenAll(Enumerable.Range(0, 8).Select(worker => Task.Run(() =>
        {
            for (var i = 0; i < 200; i++)
            {
                var variables = new Variables(new() { ["mine"] = (long)(worker * 1000 + i) });
                var result = _evaluator.RunScript(_compiler, "let copy = mine; execution.setVariable('seen', copy); copy", variables);
                Assert.Equal((long)(worker * 1000 + i), result);
                Assert.Equal(result, variables.Values["seen"]);
            }
        })));
    }

    private sealed class Variables(Dictionary<string, object?>? values = null) : IVariableAccess
    {
        public Dictionary<string, object?> Values { get; } = values ?? [];

        public string? BusinessKey => null;

        public Guid InstanceId { get; } = Guid.NewGuid();

        public IReadOnlyDictionary<string, object?> Visible() => Values;

        public bool TryGet(string name, out object? value) => Values.TryGetValue(name, out value);

        public void Set(string name, object? value) => Values[name] = value;
    }
}
