using WorkflowHub.Testing.PostgreSql;
using Xunit.Abstractions;
using Xunit.Sdk;

namespace WorkflowHub.Engine.EntityFrameworkCore.Tests.Support;

/// <summary>
/// Discovers <see cref="StoreFactAttribute"/> facts. The attribute sits on the shared contract's methods, so only the
/// concrete test class can say whether a fact needs PostgreSQL: a skipped case carries the reason the server is missing.
/// </summary>
public sealed class StoreFactDiscoverer(IMessageSink diagnosticMessageSink) : IXunitTestCaseDiscoverer
{
    public IEnumerable<IXunitTestCase> Discover(ITestFrameworkDiscoveryOptions discoveryOptions, ITestMethod testMethod, IAttributeInfo factAttribute)
    {
        ArgumentNullException.ThrowIfNull(discoveryOptions);
        ArgumentNullException.ThrowIfNull(testMethod);
        var display = discoveryOptions.MethodDisplayOrDefault();
        var displayOptions = discoveryOptions.MethodDisplayOptionsOrDefault();
        var needsPostgreSql = testMethod.TestClass.Class.GetCustomAttributes(typeof(RequiresPostgreSqlAttribute)).Any();
        if (needsPostgreSql && PostgreSqlCluster.SkipReason is { } reason)
        {
            return [new XunitSkippedDataRowTestCase(diagnosticMessageSink, display, displayOptions, testMethod, reason)];
        }

        return [new XunitTestCase(diagnosticMessageSink, display, displayOptions, testMethod)];
    }
}
