using Microsoft.EntityFrameworkCore;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using WorkflowHub.Server.Tests.Infrastructure;

namespace WorkflowHub.Server.Tests;

public sealed class HealthTests(WorkflowHubFactory factory) : IClassFixture<WorkflowHubFactory>
{
    [Fact]
    public async Task Health_answers_200_without_sign_in_and_reports_the_database()
    {
        var response = await factory.CreateClient().GetAsync("/health");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Healthy", body.GetProperty("status").GetString());
        Assert.True(body.GetProperty("databaseReachable").GetBoolean());
    }

    [Fact]
    public async Task Database_file_is_created_where_configured_in_wal_mode()
    {
        await factory.CreateClient().GetAsync("/health");

        Assert.True(File.Exists(factory.DatabasePath));
        var mode = await factory.WithDbAsync(async db =>
        {
            await db.Database.OpenConnectionAsync();
            await using var command = db.Database.GetDbConnection().CreateCommand();
            command.CommandText = "PRAGMA journal_mode;";
            return (string?)await command.ExecuteScalarAsync();
        });
        Assert.Equal("wal", mode);
    }

    [Fact]
    public async Task OpenApi_document_and_interactive_page_are_served_without_sign_in()
    {
        var client = factory.CreateClient();

        var document = await client.GetStringAsync("/openapi/v1.json");
        Assert.Contains("/api/campaign", document, StringComparison.Ordinal);
        Assert.Contains("/api/auth/token", document, StringComparison.Ordinal);
        Assert.Contains("\"bearer\"", document, StringComparison.Ordinal);

        var page = await client.GetAsync("/scalar");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);
    }
}
