using Jint;
using Jint.Native;
using Jint.Native.Object;
using Jint.Runtime.Descriptors;
using Jint.Runtime.Interop;

namespace WorkflowHub.Engine.Scripting;

/// <summary>
/// The <c>execution</c> global of a pooled engine: <c>getVariable(name)</c>, <c>setVariable(name, value)</c>,
/// <c>businessKey</c> and <c>processInstanceId</c>, all answering for the evaluation in progress. Built once per
/// engine and sealed read-only, so no evaluation can hang anything on it for the next one.
/// </summary>
internal static class ExecutionObject
{
    public static JsObject Create(SandboxEngine sandbox)
    {
        var engine = sandbox.Engine;
        var execution = new JsObject(engine);
        Define(execution, "getVariable", new ClrFunction(engine, "getVariable", (_, args) =>
            Current(sandbox).TryGet(args.Length > 0 ? args[0].ToString() : "", out var value) ? JsValueConverter.ToJs(engine, value) : JsValue.Null));
        Define(execution, "setVariable", new ClrFunction(engine, "setVariable", (_, args) =>
        {
            if (!sandbox.Writable)
            {
                throw new ScriptFailedException("Expressions cannot set variables; use a script task.");
            }

            if (args.Length < 1 || !args[0].IsString())
            {
                throw new ScriptFailedException("setVariable(name, value) needs a variable name.");
            }

            Current(sandbox).Set(args[0].AsString(), JsValueConverter.FromJs(args.Length > 1 ? args[1] : JsValue.Undefined));
            return JsValue.Undefined;
        }));
        DefineGetter(execution, "businessKey", new ClrFunction(engine, "businessKey", (_, _) =>
            Current(sandbox).BusinessKey is { } key ? new JsString(key) : JsValue.Null));
        DefineGetter(execution, "processInstanceId", new ClrFunction(engine, "processInstanceId", (_, _) =>
            new JsString(Current(sandbox).InstanceId.ToString())));
        execution.PreventExtensions();
        return execution;
    }

    private static IVariableAccess Current(SandboxEngine sandbox) =>
        sandbox.Variables ?? throw new ScriptFailedException("The execution object is only available while a script runs.");

    private static void Define(ObjectInstance target, string name, ObjectInstance function)
    {
        function.PreventExtensions();
        target.DefineOwnProperty(name, new PropertyDescriptor(function, PropertyFlag.Enumerable));
    }

    private static void DefineGetter(ObjectInstance target, string name, ObjectInstance getter)
    {
        getter.PreventExtensions();
        target.DefineOwnProperty(name, new GetSetPropertyDescriptor(getter, JsValue.Undefined, enumerable: true, configurable: false));
    }
}
