using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using WorkflowHub.Campaign.Features.Tasks;
using WorkflowHub.Campaign.Infrastructure.Persistence;
using WorkflowHub.Server.Tests.Infrastructure;

namespace WorkflowHub.Server.Tests;

/// <summary>
/// What every API request would otherwise build again (docs/performance.md, "Through HTTP"): the validators and the
/// campaign database's options are made once per process, while the DbContext itself stays one per request.
/// </summary>
public sealed class RequestScopeCostTests : IDisposable
{
    private readonly WorkflowHubFactory _factory = new();

    public void Dispose() => _factory.Dispose();

    [Fact]
    public async Task Two_requests_share_the_validators_and_database_options_but_not_the_context()
    {
        await using var first = _factory.Services.CreateAsyncScope();
        await using var second = _factory.Services.CreateAsyncScope();

        Assert.Same(
            Assert.Single(first.ServiceProvider.GetServices<IValidator<CompleteTask>>()),
            Assert.Single(second.ServiceProvider.GetServices<IValidator<CompleteTask>>()));
        Assert.Same(
            first.ServiceProvider.GetRequiredService<DbContextOptions<CampaignDbContext>>(),
            second.ServiceProvider.GetRequiredService<DbContextOptions<CampaignDbContext>>());
        Assert.NotSame(
            first.ServiceProvider.GetRequiredService<CampaignDbContext>(),
            second.ServiceProvider.GetRequiredService<CampaignDbContext>());
    }

    [Fact]
    public void Every_validator_depends_only_on_what_lives_as_long_as_it_does()
    {
        // A singleton validator would keep a scoped dependency (a DbContext, the current user) of the first request forever.
        var validators = typeof(CompleteTask).Assembly.GetTypes()
            .Where(type => type is { IsAbstract: false, IsGenericTypeDefinition: false }
                && type.GetInterfaces().Any(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IValidator<>)))
            .ToList();

        Assert.Contains(typeof(CompleteTaskValidator), validators);
        foreach (var validator in validators)
        {
            var dependencies = validator.GetConstructors().SelectMany(c => c.GetParameters()).Select(p => p.ParameterType);
            Assert.All(dependencies, dependency => Assert.True(dependency == typeof(TimeProvider), $"{validator.Name} depends on {dependency.Name}."));
        }
    }

    [Fact]
    public async Task A_shared_validator_still_refuses_what_it_refused_per_request()
    {
        var validator = _factory.Services.GetRequiredService<IValidator<CompleteTask>>();
        using var notAnObject = System.Text.Json.JsonDocument.Parse("[1, 2]");

        var refused = await validator.ValidateAsync(new CompleteTask(Guid.NewGuid(), notAnObject.RootElement));
        var accepted = await validator.ValidateAsync(new CompleteTask(Guid.NewGuid(), null));

        Assert.False(refused.IsValid);
        Assert.True(accepted.IsValid);
    }
}
