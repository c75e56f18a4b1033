using FluentValidation;
using Mediator;
using Microsoft.Extensions.Logging.Abstractions;
using WorkflowHub.Campaign.Accounts;
using WorkflowHub.Campaign.Infrastructure.Pipeline;
using WorkflowHub.Campaign.Tests.Infrastructure;

namespace WorkflowHub.Campaign.Tests;

[RequireRoles(Roles.Admin, Roles.CommitteeOffice)]
public sealed record AdminOrOfficeCommand(string Name) : ICommand<string>;

[AllowAnyAuthenticatedUser]
public sealed record AnyUserQuery : IQuery<string>;

[AllowAnonymousRequest]
public sealed record PublicQuery : IQuery<string>;

public sealed record UndeclaredQuery : IQuery<string>;

[AllowAnonymousRequest]
[AllowAnyAuthenticatedUser]
public sealed record DoublyDeclaredQuery : IQuery<string>;

[RequireRoles(Roles.DepartmentOfficer, Roles.Auditor)]
public sealed record ScopedCommand(string OrgUnitCode) : ICommand<string>, IOrgUnitScopedRequest;

public sealed class AdminOrOfficeCommandValidator : AbstractValidator<AdminOrOfficeCommand>
{
    public AdminOrOfficeCommandValidator() => RuleFor(c => c.Name).NotEmpty();
}

public sealed class PipelineTests
{
    private static ValueTask<string> Authorize<TMessage>(ICurrentUser user, TMessage message)
        where TMessage : IMessage =>
        new AuthorizationBehavior<TMessage, string>(user).Handle(message, (_, _) => ValueTask.FromResult("handled"), CancellationToken.None);

    [Fact]
    public async Task A_request_that_declares_no_access_rule_is_refused_even_for_an_admin()
    {
        var admin = new TestUser("city-safety-office", Roles.Admin);

        await Assert.ThrowsAsync<ForbiddenException>(() => Authorize(admin, new UndeclaredQuery()).AsTask());
        await Assert.ThrowsAsync<ForbiddenException>(() => Authorize(admin, new DoublyDeclaredQuery()).AsTask());
        await Assert.ThrowsAsync<ForbiddenException>(() => Authorize(SystemUser.Instance, new UndeclaredQuery()).AsTask());
    }

    [Fact]
    public async Task Roles_decide_who_may_send_a_request()
    {
        Assert.Equal("handled", await Authorize(new TestUser("city-safety-office", Roles.CommitteeOffice), new AdminOrOfficeCommand("x")));
        Assert.Equal("handled", await Authorize(SystemUser.Instance, new AdminOrOfficeCommand("x")));
        await Assert.ThrowsAsync<ForbiddenException>(() => Authorize(new TestUser("city-fire-rescue", Roles.DepartmentOfficer), new AdminOrOfficeCommand("x")).AsTask());
        await Assert.ThrowsAsync<UnauthenticatedException>(() => Authorize(TestUser.Anonymous, new AdminOrOfficeCommand("x")).AsTask());
    }

    [Fact]
    public async Task Any_signed_in_user_and_anonymous_rules()
    {
        Assert.Equal("handled", await Authorize(new TestUser("enterprise-demo-chem", Roles.Enterprise), new AnyUserQuery()));
        await Assert.ThrowsAsync<UnauthenticatedException>(() => Authorize(TestUser.Anonymous, new AnyUserQuery()).AsTask());
        Assert.Equal("handled", await Authorize(TestUser.Anonymous, new PublicQuery()));
    }

    [Fact]
    public async Task An_org_unit_scoped_request_is_refused_for_another_unit_and_for_auditors()
    {
        var fireOfficer = new TestUser("city-fire-rescue", Roles.DepartmentOfficer);

        Assert.Equal("handled", await Authorize(fireOfficer, new ScopedCommand("city-fire-rescue")));
        await Assert.ThrowsAsync<ForbiddenException>(() => Authorize(fireOfficer, new ScopedCommand("city-emergency")).AsTask());
        await Assert.ThrowsAsync<ForbiddenException>(() => Authorize(new TestUser("city-safety-office", Roles.Auditor), new ScopedCommand("city-fire-rescue")).AsTask());
    }

    [Fact]
    public async Task Validation_failures_stop_the_request_before_its_handler_and_name_the_field()
    {
        var behavior = new ValidationBehavior<AdminOrOfficeCommand, string>([new AdminOrOfficeCommandValidator()]);
        var handled = false;

        var exception = await Assert.ThrowsAsync<ValidationException>(() => behavior.Handle(
            new AdminOrOfficeCommand(""),
            (_, _) =>
            {
                handled = true;
                return ValueTask.FromResult("handled");
            },
            CancellationToken.None).AsTask());

        Assert.False(handled);
        Assert.Equal(nameof(AdminOrOfficeCommand.Name), Assert.Single(exception.Errors).PropertyName);
        Assert.Equal("handled", await behavior.Handle(new AdminOrOfficeCommand("ok"), (_, _) => ValueTask.FromResult("handled"), CancellationToken.None));
    }

    [Fact]
    public async Task Logging_passes_results_and_exceptions_through()
    {
        var behavior = new LoggingBehavior<PublicQuery, string>(TestUser.Anonymous, TimeProvider.System, NullLogger<LoggingBehavior<PublicQuery, string>>.Instance);

        Assert.Equal("handled", await behavior.Handle(new PublicQuery(), (_, _) => ValueTask.FromResult("handled"), CancellationToken.None));
        await Assert.ThrowsAsync<NotFoundException>(() => behavior.Handle(
            new PublicQuery(),
            (_, _) => throw NotFoundException.For("Thing", "x"),
            CancellationToken.None).AsTask());
    }

    [Fact]
    public void Committee_office_auditors_and_admins_see_all_units_others_only_their_own()
    {
        Assert.True(OrgUnitScope.SeesAllUnits(new TestUser("city-safety-office", Roles.CommitteeOffice)));
        Assert.True(OrgUnitScope.SeesAllUnits(new TestUser("city-safety-office", Roles.Auditor)));
        Assert.True(OrgUnitScope.SeesAllUnits(SystemUser.Instance));
        var district = new TestUser("district-east", Roles.LocalGovernment);
        Assert.False(OrgUnitScope.SeesAllUnits(district));
        Assert.True(OrgUnitScope.CanSee(district, "district-east"));
        Assert.False(OrgUnitScope.CanSee(district, "district-west"));

        var rows = new[] { ("a", "district-east"), ("b", "district-west") }.AsQueryable();
        Assert.Equal(["a"], rows.VisibleTo(district, r => r.Item2).Select(r => r.Item1));
        Assert.Equal(2, rows.VisibleTo(new TestUser("city-safety-office", Roles.Auditor), r => r.Item2).Count());
    }
}
