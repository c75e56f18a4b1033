using Microsoft.Extensions.DependencyInjection;
using WorkflowHub.Server.Infrastructure.Hosting;

namespace WorkflowHub.Server.Tests.Backups;

public sealed class DatabaseCommandsTests
{
    [Fact]
    public void The_verb_and_its_file_are_taken_off_and_configuration_arguments_stay_for_the_host()
    {
        string[] args = ["restore", "/srv/backups/x.db", "--Storage:DatabasePath=/srv/data/workflowhub.db"];

        Assert.Equal(("restore", "/srv/backups/x.db"), DatabaseCommands.Parse(args));
        Assert.Equal(["--Storage:DatabasePath=/srv/data/workflowhub.db"], DatabaseCommands.HostArguments(args));
    }

    [Fact]
    public void Without_a_verb_the_arguments_are_the_servers()
    {
        string[] args = ["--urls=http://127.0.0.1:5099"];

        Assert.Null(DatabaseCommands.Parse(args));
        Assert.Same(args, DatabaseCommands.HostArguments(args));
    }

    [Fact]
    public async Task A_verb_without_its_file_is_a_usage_error()
    {
        var error = new StringWriter();

        Assert.Equal(2, await DatabaseCommands.RunAsync(new ServiceCollection().BuildServiceProvider(), ["backup"], TextWriter.Null, error));
        Assert.Contains("Usage", error.ToString(), StringComparison.Ordinal);
    }
}
