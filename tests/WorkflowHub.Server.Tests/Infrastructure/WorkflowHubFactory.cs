using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using WorkflowHub.Campaign.Infrastructure.Persistence;
using WorkflowHub.Testing.Hosting;

namespace WorkflowHub.Server.Tests.Infrastructure;

/// <summary>
/// The real server on a real SQLite file in its own temp folder, demo accounts on with <see cref="DemoPassword"/>.
/// Pass a folder to start a second server on the same database (a restart).
/// </summary>
public sealed class WorkflowHubFactory : WebApplicationFactory<Program>
{
    public const string DemoPassword = "Test#Demo2026";

    private readonly Dictionary<string, string?> _settings;
    private readonly bool _ownsFolder;

    public WorkflowHubFactory()
        : this(TempFolders.Create(), ownsFolder: true, settings: null)
    {
    }

    private WorkflowHubFactory(string folder, bool ownsFolder, IReadOnlyDictionary<string, string?>? settings)
    {
        Folder = folder;
        _ownsFolder = ownsFolder;
        _settings = new Dictionary<string, string?>
        {
            ["Storage:DatabasePath"] = DatabasePath,
            ["Demo:Enabled"] = "true",
            ["Demo:Password"] = DemoPassword,
            // Demo hazards are generated only by the tests that ask for them.
            ["Demo:Hazards"] = "0",
            // Tests sign the same demo users in again and again; the limit itself is tested with its own setting.
            ["SignInRateLimit:PermitLimit"] = "100000",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            _settings[key] = value;
        }
    }

    /// <summary>A server on the database in <paramref name="folder"/>, which outlives it; <paramref name="settings"/> override configuration.</summary>
    public static WorkflowHubFactory OnFolder(string folder, IReadOnlyDictionary<string, string?>? settings = null) =>
        new(folder, ownsFolder: false, settings);

    public string Folder { get; }

    public string DatabasePath => Path.Combine(Folder, "workflowhub.db");

    public Task<HttpClient> CreateClientForAsync(string userName, string password = DemoPassword) =>
        this.CreateSignedInClientAsync(userName, password);

    /// <summary>Runs <paramref name="action"/> on a fresh DbContext of the server, to look at what was stored.</summary>
    public async Task<T> WithDbAsync<T>(Func<CampaignDbContext, Task<T>> action)
    {
        await using var scope = Services.CreateAsyncScope();
        return await action(scope.ServiceProvider.GetRequiredService<CampaignDbContext>());
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        SqliteConnection.ClearAllPools();
        if (disposing && _ownsFolder)
        {
            TempFolders.Delete(Folder);
        }
    }

    public sealed record TokenResponse(string TokenType, string AccessToken, long ExpiresIn, string? RefreshToken);
}
