using System.Net.Http.Json;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using WorkflowHub.Campaign.Accounts;
using WorkflowHub.Server.Tests.Infrastructure;
using WorkflowHub.Testing.Hosting;

namespace WorkflowHub.Server.Tests;

/// <summary>Start-up steps: migrate, import the plan, seed accounts, each safe to run again on the same file.</summary>
public sealed partial class StartupTests : IDisposable
{
    private readonly string _folder = TempFolders.Create();

    public void Dispose()
    {
        TempFolders.Delete(_folder);
    }

    private sealed record Counts(int OrgUnits, int Phases, int Areas, int AreaUnits, int AreaTasks, int Targets, int Users, long VersionSum);

    private static Task<Counts> CountAsync(WorkflowHubFactory factory) => factory.WithDbAsync(async db => new Counts(
        await db.OrgUnits.CountAsync(),
        await db.Phases.CountAsync(),
        await db.Areas.CountAsync(),
        await db.AreaUnits.CountAsync(),
        await db.AreaTasks.CountAsync(),
        await db.Targets.CountAsync(),
        await db.Users.CountAsync(),
        await db.OrgUnits.SumAsync(u => u.Version) + await db.Areas.SumAsync(a => a.Version) + await db.Targets.SumAsync(t => t.Version)));

    [Fact]
    public async Task Restarting_on_the_same_database_imports_the_plan_again_without_duplicates_or_changes()
    {
        Counts first;
        using (var factory = WorkflowHubFactory.OnFolder(_folder))
        {
            first = await CountAsync(factory);
        }

        using (var again = WorkflowHubFactory.OnFolder(_folder))
        {
            var second = await CountAsync(again);
            Assert.Equal(first, second);
            var health = await again.CreateClient().GetAsync("/health");
            Assert.Equal(System.Net.HttpStatusCode.OK, health.StatusCode);
        }

        Assert.Equal(18, first.Areas);
        Assert.Equal(8, first.Users);
    }

    [Fact]
    public async Task Without_demo_the_first_start_creates_only_admin_with_a_random_password()
    {
        using var factory = WorkflowHubFactory.OnFolder(_folder, new Dictionary<string, string?> { ["Demo:Enabled"] = "false" });

        var (userNames, roles, demoPasswordWorks) = await factory.WithDbAsync(async db =>
        {
            await using var scope = factory.Services.CreateAsyncScope();
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            var admin = await users.FindByNameAsync("admin");
            return (
                await db.Users.Select(u => u.UserName).ToListAsync(),
                await users.GetRolesAsync(admin!),
                await users.CheckPasswordAsync(admin!, WorkflowHubFactory.DemoPassword));
        });

        Assert.Equal(["admin"], userNames);
        Assert.Equal([Roles.Admin], roles);
        Assert.False(demoPasswordWorks);
    }

    [Fact]
    public async Task A_fresh_server_process_serves_health_within_seconds_and_prints_the_admin_password_once()
    {
        var database = Path.Combine(_folder, "fresh.db");
        var started = System.Diagnostics.Stopwatch.StartNew();
        string firstOutput;
        await using (var server = ServerProcess.Start(database, new Dictionary<string, string> { ["Demo:Enabled"] = "false" }))
        {
            var address = await server.WaitUntilListeningAsync(TimeSpan.FromSeconds(90));
            using var client = new HttpClient { BaseAddress = address };
            var health = await client.GetAsync("/health");
            started.Stop();

            Assert.Equal(System.Net.HttpStatusCode.OK, health.StatusCode);
            // Seconds on a quiet machine; the bound leaves room for a CI machine busy with other test projects.
            Assert.True(started.Elapsed < TimeSpan.FromSeconds(60), $"Took {started.Elapsed}");
            firstOutput = server.Output;
        }

        var password = Assert.Single(AdminPasswordPattern().Matches(firstOutput)).Groups["password"].Value;
        await using (var again = ServerProcess.Start(database, new Dictionary<string, string> { ["Demo:Enabled"] = "false" }))
        {
            await again.WaitUntilListeningAsync(TimeSpan.FromSeconds(90));
            Assert.DoesNotMatch(AdminPasswordPattern(), again.Output);
        }

        using var factory = WorkflowHubFactory.OnFolder(_folder, new Dictionary<string, string?>
        {
            ["Storage:DatabasePath"] = database,
            ["Demo:Enabled"] = "false",
        });
        var token = await factory.CreateClient().PostAsJsonAsync("/api/auth/token", new { userName = "admin", password });
        Assert.Equal(System.Net.HttpStatusCode.OK, token.StatusCode);
    }

    [Fact]
    public async Task A_broken_plan_file_stops_start_up_with_exit_code_1_and_a_message_naming_the_bad_entry()
    {
        var planPath = Path.Combine(_folder, "broken-plan.json");
        var original = await File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, "workflows", "campaign-plan.json"));
        var broken = original.Replace("\"city-fire-rescue\"", "\"CITY FIRE RESCUE!\"", StringComparison.Ordinal);
        Assert.NotEqual(original, broken);
        await File.WriteAllTextAsync(planPath, broken);

        await using var server = ServerProcess.Start(Path.Combine(_folder, "broken.db"), new Dictionary<string, string> { ["Campaign:PlanPath"] = planPath });

        Assert.Equal(1, await server.WaitForExitAsync(TimeSpan.FromSeconds(90)));
        Assert.Contains($"WorkflowHub did not start: The campaign plan {planPath} is invalid", server.Output, StringComparison.Ordinal);
        Assert.Contains("CITY FIRE RESCUE!", server.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("Now listening", server.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_missing_plan_file_stops_start_up_with_exit_code_1()
    {
        var planPath = Path.Combine(_folder, "no-such-plan.json");

        await using var server = ServerProcess.Start(Path.Combine(_folder, "missing.db"), new Dictionary<string, string> { ["Campaign:PlanPath"] = planPath });

        Assert.Equal(1, await server.WaitForExitAsync(TimeSpan.FromSeconds(90)));
        Assert.Contains(planPath, server.Output, StringComparison.Ordinal);
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"created user 'admin' with password: (?<password>\S+)")]
    private static partial System.Text.RegularExpressions.Regex AdminPasswordPattern();
}
