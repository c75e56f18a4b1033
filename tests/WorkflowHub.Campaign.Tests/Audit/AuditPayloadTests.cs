using System.Text.Json;
using WorkflowHub.Campaign.Audit;

namespace WorkflowHub.Campaign.Tests.Audit;

public sealed class AuditPayloadTests
{
    private sealed record SignIn(string UserName, string Password);

    private sealed record Upload(Guid HazardId, string FileName, Stream Content);

    private sealed record WithVariables(Guid Id, JsonElement Variables);

    private sealed record Big(string Text);

    [Fact]
    public void Passwords_are_redacted_and_other_fields_kept()
    {
        var json = AuditPayload.For(new SignIn("office", "Demo#2020"));

        Assert.DoesNotContain("Demo#2020", json, StringComparison.Ordinal);
        using var document = JsonDocument.Parse(json);
        Assert.Equal("office", document.RootElement.GetProperty("userName").GetString());
        Assert.Equal(AuditPayload.Redacted, document.RootElement.GetProperty("password").GetString());
    }

    [Fact]
    public void Secrets_nested_in_variables_are_redacted_at_any_depth()
    {
        var variables = JsonDocument.Parse("""{"comment":"整改到位","account":{"api_key":"k-123","accessToken":"t-456","items":[{"Password":"p"}]}}""").RootElement;

        var json = AuditPayload.For(new WithVariables(Guid.NewGuid(), variables));

        Assert.DoesNotContain("k-123", json, StringComparison.Ordinal);
        Assert.DoesNotContain("t-456", json, StringComparison.Ordinal);
        Assert.DoesNotContain("\"p\"", json, StringComparison.Ordinal);
        Assert.Contains("整改到位", json, StringComparison.Ordinal);
    }

    [Fact]
    public void Uploaded_streams_are_left_out()
    {
        using var content = new MemoryStream([1, 2, 3]);

        var json = AuditPayload.For(new Upload(Guid.Empty, "photo.jpg", content));

        using var document = JsonDocument.Parse(json);
        Assert.Equal("photo.jpg", document.RootElement.GetProperty("fileName").GetString());
        Assert.False(document.RootElement.TryGetProperty("content", out _));
    }

    [Fact]
    public void An_oversized_payload_is_stored_as_its_length_and_hash()
    {
        var json = AuditPayload.For(new Big(new string('x', AuditPayload.MaxLength * 2)));

        Assert.True(json.Length <= AuditPayload.MaxLength);
        using var document = JsonDocument.Parse(json);
        Assert.True(document.RootElement.GetProperty("truncated").GetBoolean());
        Assert.Matches("^[0-9a-f]{64}$", document.RootElement.GetProperty("sha256").GetString()!);
    }

    [Theory]
    [InlineData("Password", true)]
    [InlineData("newPassword", true)]
    [InlineData("client_secret", true)]
    [InlineData("refreshToken", true)]
    [InlineData("title", false)]
    [InlineData("userName", false)]
    public void Secret_names_are_recognised(string name, bool secret) =>
        Assert.Equal(secret, AuditPayload.IsSecretName(name));
}
