using Jint;
using Jint.Native;
using Jint.Native.Object;
using Jint.Runtime;
using Jint.Runtime.Interop;
using Jint.Runtime.Descriptors;

namespace WorkflowHub.Engine.Scripting;

/// <summary>
/// Makes a pooled engine's built-ins (every constructor, namespace and prototype reachable from the global object)
/// tamper-proof, so a script cannot leave a poisoned <c>Array.prototype.push</c> or <c>Object.prototype.x</c> behind
/// for the next instance: they stop accepting new properties and their properties become read-only. A read-only
/// inherited property would make the ordinary <c>obj.toString = ...</c> or <c>this.name = ...</c> (in an Error
/// subclass) throw in strict mode, so the writable names scripts commonly shadow become accessors instead, as SES's
/// "override mistake" fix does: reading yields the built-in value, assigning on an object that inherits it creates
/// that object's own property, and assigning on the built-in itself throws.
/// </summary>
internal static class IntrinsicsLockdown
{
    private static readonly HashSet<string> ShadowedNames = new(StringComparer.Ordinal)
    {
        "constructor", "toString", "toLocaleString", "valueOf", "toJSON", "name", "message", "stack", "cause", "length",
    };

    public static void Apply(Jint.Engine engine)
    {
        var global = engine.Global;
        var seen = new HashSet<ObjectInstance>(ReferenceEqualityComparer.Instance) { global };
        var pending = new Stack<ObjectInstance>();
        foreach (var key in global.GetOwnPropertyKeys())
        {
            Push(global.GetOwnProperty(key), seen, pending);
        }

        while (pending.Count > 0)
        {
            Lock(engine, pending.Pop(), seen, pending);
        }
    }

    private static void Lock(Jint.Engine engine, ObjectInstance target, HashSet<ObjectInstance> seen, Stack<ObjectInstance> pending)
    {
        if (target.Prototype is { } prototype && seen.Add(prototype))
        {
            pending.Push(prototype);
        }

        foreach (var key in target.GetOwnPropertyKeys())
        {
            var descriptor = target.GetOwnProperty(key);
            if (descriptor == PropertyDescriptor.Undefined)
            {
                continue;
            }

            Push(descriptor, seen, pending);
            if (descriptor.IsDataDescriptor())
            {
                var locked = descriptor.Writable && key.IsString() && ShadowedNames.Contains(key.AsString())
                    ? OverridableAccessor(engine, target, key, descriptor)
                    : new PropertyDescriptor(descriptor.Value, descriptor.Enumerable ? PropertyFlag.Enumerable : PropertyFlag.None);
                target.DefineOwnProperty(key, locked);
            }
            else if (descriptor.Configurable)
            {
                target.DefineOwnProperty(key, new GetSetPropertyDescriptor(descriptor.Get, descriptor.Set, descriptor.Enumerable, configurable: false));
            }
        }

        target.PreventExtensions();
    }

    private static GetSetPropertyDescriptor OverridableAccessor(Jint.Engine engine, ObjectInstance owner, JsValue key, PropertyDescriptor descriptor)
    {
        var value = descriptor.Value;
        var getter = new ClrFunction(engine, "get", (_, _) => value);
        var setter = new ClrFunction(engine, "set", (thisObject, args) =>
        {
            if (thisObject is not ObjectInstance receiver || ReferenceEquals(receiver, owner)
                || !receiver.DefineOwnProperty(key, new PropertyDescriptor(args.Length > 0 ? args[0] : JsValue.Undefined, PropertyFlag.ConfigurableEnumerableWritable)))
            {
                throw new JavaScriptException(engine.Intrinsics.TypeError, $"Cannot assign to read only property '{key}' of a built-in object");
            }

            return JsValue.Undefined;
        });
        getter.PreventExtensions();
        setter.PreventExtensions();
        return new GetSetPropertyDescriptor(getter, setter, descriptor.Enumerable, configurable: false);
    }

    private static void Push(PropertyDescriptor descriptor, HashSet<ObjectInstance> seen, Stack<ObjectInstance> pending)
    {
        if (descriptor == PropertyDescriptor.Undefined)
        {
            return;
        }

        if (descriptor.IsDataDescriptor())
        {
            if (descriptor.Value is ObjectInstance value && seen.Add(value))
            {
                pending.Push(value);
            }

            return;
        }

        if (descriptor.Get is ObjectInstance getter && seen.Add(getter))
        {
            pending.Push(getter);
        }

        if (descriptor.Set is ObjectInstance setter && seen.Add(setter))
        {
            pending.Push(setter);
        }
    }
}
