using System.Security.Cryptography;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using WorkflowHub.Campaign.Domain;
using WorkflowHub.Campaign.Infrastructure.Persistence;
using WorkflowHub.Campaign.Infrastructure.Startup;
using WorkflowHub.Campaign.Plan;

namespace WorkflowHub.Campaign.Accounts;

/// <summary>
/// Creates the roles; on a first start without users creates <c>admin</c> with a random password printed once;
/// with <c>Demo:Enabled</c> adds the demo enterprise and any missing demo account (existing passwords are kept).
/// </summary>
public sealed class SeedAccountsStep(
    CampaignDbContext db,
    UserManager<AppUser> users,
    RoleManager<IdentityRole> roles,
    IOptions<DemoOptions> demoOptions,
    ILogger<SeedAccountsStep> logger) : IStartupStep
{
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        foreach (var role in Roles.All)
        {
            if (!await roles.RoleExistsAsync(role))
            {
                EnsureSucceeded(await roles.CreateAsync(new IdentityRole(role)), $"role {role}");
            }
        }

        var demo = demoOptions.Value;
        if (demo.Enabled)
        {
            await SeedDemoAsync(demo, cancellationToken);
        }
        else if (!await users.Users.AnyAsync(cancellationToken))
        {
            await CreateFirstAdminAsync();
        }
    }

    private async Task CreateFirstAdminAsync()
    {
        var password = GeneratePassword();
        await CreateUserAsync(new DemoAccount("admin", "系统管理员", Roles.Admin, DemoData.SafetyOfficeCode), password);

        // Printed once and never stored in clear: the operator signs in and changes it.
        Console.WriteLine();
        Console.WriteLine("==============================================================");
        Console.WriteLine($" First start: created user 'admin' with password: {password}");
        Console.WriteLine(" It is shown only this once.");
        Console.WriteLine("==============================================================");
        Console.WriteLine();
        logger.LogWarning("First start: created the user 'admin'; its one-time password was printed to the console");
    }

    private async Task SeedDemoAsync(DemoOptions demo, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(demo.Password))
        {
            throw new StartupAbortedException("Demo:Enabled is true but Demo:Password is empty: set the password the demo accounts share.");
        }

        var district = await db.OrgUnits
            .Where(u => u.Kind == OrgUnitKind.District)
            .OrderBy(u => u.Code)
            .Select(u => u.Code)
            .FirstOrDefaultAsync(cancellationToken)
            ?? throw new StartupAbortedException("The demo data needs at least one district in the campaign plan.");

        if (!await db.OrgUnits.AnyAsync(u => u.Code == DemoData.EnterpriseCode, cancellationToken))
        {
            db.OrgUnits.Add(DemoData.Enterprise(district));
            await db.SaveChangesAsync(cancellationToken);
        }

        var created = 0;
        foreach (var account in DemoData.Accounts(district))
        {
            if (await users.FindByNameAsync(account.UserName) is null)
            {
                await CreateUserAsync(account, demo.Password);
                created++;
            }
        }

        if (created > 0)
        {
            logger.LogWarning("Demo mode: created {Count} demo accounts sharing the password from Demo:Password", created);
        }
    }

    private async Task CreateUserAsync(DemoAccount account, string password)
    {
        var user = new AppUser
        {
            UserName = account.UserName,
            DisplayName = account.DisplayName,
            OrgUnitCode = account.OrgUnitCode,
            EmailConfirmed = true,
        };
        EnsureSucceeded(await users.CreateAsync(user, password), $"user {account.UserName}");
        EnsureSucceeded(await users.AddToRoleAsync(user, account.Role), $"role of user {account.UserName}");
    }

    private static string GeneratePassword()
    {
        // Letters, digits and symbols from each class, so Identity's default password rules always pass.
        const string alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";
        var core = RandomNumberGenerator.GetString(alphabet, 16);
        return $"{core}-A7a";
    }

    private static void EnsureSucceeded(IdentityResult result, string what)
    {
        if (!result.Succeeded)
        {
            throw new StartupAbortedException($"Could not create {what}: {string.Join(" ", result.Errors.Select(e => e.Description))}");
        }
    }
}
