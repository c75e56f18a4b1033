using System.Collections.Concurrent;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using WorkflowHub.Campaign.Infrastructure.Persistence;
using WorkflowHub.Campaign.Infrastructure.Pipeline;
using WorkflowHub.Campaign.Infrastructure.Startup;

namespace WorkflowHub.Campaign.Tests.Infrastructure;

/// <summary>Work started in the background when the application is built, ahead of the start-up steps that need it.</summary>
public sealed class StartupPreparationsTests
{
    private sealed class Recorder
    {
        public ConcurrentBag<(string Name, ICurrentUser User)> Runs { get; } = [];
    }

    private sealed class Failing : IStartupPreparation
    {
        public void Prepare(IServiceProvider services) => throw new InvalidOperationException("broken on purpose");
    }

    private sealed class Recording : IStartupPreparation
    {
        public void Prepare(IServiceProvider services) =>
            services.GetRequiredService<Recorder>().Runs.Add((nameof(Recording), services.GetRequiredService<ICurrentUser>()));
    }

    [Fact]
    public async Task Each_runs_as_the_system_user_and_a_failure_stops_neither_the_others_nor_the_host()
    {
        var services = new ServiceCollection();
        services.AddSingleton<Recorder>();
        services.AddScoped<ActingUser>();
        services.AddScoped<ICurrentUser>(provider => provider.GetRequiredService<ActingUser>().Override ?? throw new InvalidOperationException("no user"));
        services.AddStartupPreparation<Failing>();
        services.AddStartupPreparation<Recording>();
        await using var provider = services.BuildServiceProvider();

        var tasks = StartupPreparations.Start(provider);
        await Task.WhenAll(tasks).WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(2, tasks.Count);
        Assert.All(tasks, task => Assert.True(task.IsCompletedSuccessfully));
        var run = Assert.Single(provider.GetRequiredService<Recorder>().Runs);
        Assert.Same(SystemUser.Instance, run.User);
    }

    [Fact]
    public void The_campaign_model_is_built_without_touching_the_database_file()
    {
        var folder = Path.Combine(Path.GetTempPath(), "workflowhub-campaign-tests", Guid.NewGuid().ToString("N"));
        var path = Path.Combine(folder, "campaign.db");
        var services = new ServiceCollection();
        services.AddDbContext<CampaignDbContext>(options => CampaignDbContextOptions.Configure(options, StorageOptions.BuildConnectionString(path)));
        using var provider = services.BuildServiceProvider();
        using var scope = provider.CreateScope();

        new CampaignModelPreparation().Prepare(scope.ServiceProvider);

        Assert.False(Directory.Exists(folder));
        using var other = provider.CreateScope();
        Assert.NotNull(other.ServiceProvider.GetRequiredService<CampaignDbContext>().Model.FindEntityType(typeof(WorkflowHub.Campaign.Domain.CampaignProfile)));
        SqliteConnection.ClearAllPools();
    }
}
