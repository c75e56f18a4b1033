using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using WorkflowHub.Testing.Hosting;

namespace WorkflowHub.EndToEnd.Tests.Infrastructure;

/// <summary>
/// The real server on Kestrel at 127.0.0.1 on a free port, with its own SQLite file, the demo accounts sharing
/// <see cref="DemoPassword"/> and a small set of demo hazards.
/// </summary>
public sealed class TestServerFactory : WebApplicationFactory<Program>
{
    public const string DemoPassword = "E2e#Demo2026";

    public TestServerFactory()
    {
        Folder = TempFolders.Create();
        UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
    }

    public string Folder { get; }

    /// <summary>How many demo hazards the registry starts with: few, so the server starts quickly (WH_E2E_DEMO_HAZARDS overrides).</summary>
    private static string DemoHazards =>
        Environment.GetEnvironmentVariable("WH_E2E_DEMO_HAZARDS") is { Length: > 0 } configured ? configured : "40";

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        // The build output holds no wwwroot (it is not a publish): serve the pages' scripts and styles from the project.
        builder.UseStaticWebAssets();
        builder.UseSetting("Storage:DatabasePath", Path.Combine(Folder, "workflowhub.db"));
        // Evidence uploaded by the tests stays in the test's folder, not in the project's data folder.
        builder.UseSetting("Storage:EvidencePath", Path.Combine(Folder, "evidence"));
        builder.UseSetting("Demo:Enabled", "true");
        builder.UseSetting("Demo:Password", DemoPassword);
        builder.UseSetting("Demo:Hazards", DemoHazards);
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            TempFolders.Delete(Folder);
        }
    }
}
