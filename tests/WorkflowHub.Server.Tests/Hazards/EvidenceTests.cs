using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json;
using static WorkflowHub.Server.Tests.Hazards.HazardApi;

namespace WorkflowHub.Server.Tests.Hazards;

/// <summary>Evidence files: type read from the content, size bounded, stored under their SHA-256, names made safe.</summary>
public sealed class EvidenceTests(HazardServer server) : IClassFixture<HazardServer>
{
    [Fact]
    public async Task A_png_is_stored_under_its_hash_and_read_back_byte_for_byte()
    {
        var enterprise = await server.ClientForAsync("enterprise-demo");
        var hazard = await ReportAsync(enterprise, "配电箱无防护", FireArea, enterprise: null, source: "SelfInspection");
        var id = hazard.GetProperty("id").GetString()!;
        var content = Png(1024);

        var response = await UploadAsync(enterprise, id, content, "../../etc/整改<前>.png");

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var evidence = await response.Content.ReadFromJsonAsync<JsonElement>();
        var sha = Convert.ToHexStringLower(SHA256.HashData(content));
        Assert.Equal(sha, evidence.GetProperty("sha256").GetString());
        Assert.Equal("image/png", evidence.GetProperty("contentType").GetString());
        Assert.Equal(1024, evidence.GetProperty("size").GetInt64());
        Assert.Equal("整改_前_.png", evidence.GetProperty("fileName").GetString());
        Assert.True(File.Exists(Path.Combine(server.EvidenceFolder, Guid.Parse(id).ToString("N"), sha)));

        var download = await enterprise.GetAsync($"/api/hazards/{id}/evidence/{evidence.GetProperty("id").GetString()}");
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal("image/png", download.Content.Headers.ContentType!.MediaType);
        Assert.Equal(content, await download.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task A_file_that_is_not_an_image_or_pdf_is_refused_whatever_it_is_called()
    {
        var office = await server.ClientForAsync("office");
        var hazard = await ReportAsync(office, "仓库电线私拉乱接", FireArea);
        var id = hazard.GetProperty("id").GetString()!;

        var response = await UploadAsync(office, id, "MZ\u0090 this is an executable"u8.ToArray(), "photo.jpg", "image/jpeg");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(problem.GetProperty("errors").TryGetProperty("file", out _));
        var file = await GetFileAsync(office, id);
        Assert.Empty(file.GetProperty("evidence").EnumerateArray());
    }

    [Fact]
    public async Task A_file_over_the_size_limit_is_refused_and_nothing_is_kept()
    {
        var office = await server.ClientForAsync("office");
        var hazard = await ReportAsync(office, "消防水池无水", FireArea);
        var id = hazard.GetProperty("id").GetString()!;

        var response = await UploadAsync(office, id, Png(HazardServer.EvidenceLimitBytes + 1), "big.png");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Empty((await GetFileAsync(office, id)).GetProperty("evidence").EnumerateArray());
        var folder = Path.Combine(server.EvidenceFolder, Guid.Parse(id).ToString("N"));
        Assert.True(!Directory.Exists(folder) || Directory.GetFiles(folder).Length == 0);
    }

    [Fact]
    public async Task A_pdf_is_accepted_and_someone_outside_the_hazard_cannot_read_it()
    {
        var office = await server.ClientForAsync("office");
        var hazard = await ReportAsync(office, "检测报告缺失", ChemicalsArea);
        var id = hazard.GetProperty("id").GetString()!;
        var pdf = "%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF"u8.ToArray();

        var response = await UploadAsync(office, id, pdf, "检测报告", "application/octet-stream");

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var evidence = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("application/pdf", evidence.GetProperty("contentType").GetString());
        Assert.Equal("检测报告.pdf", evidence.GetProperty("fileName").GetString());
        var fire = await server.ClientForAsync("fire-officer");
        var denied = await fire.GetAsync($"/api/hazards/{id}/evidence/{evidence.GetProperty("id").GetString()}");
        Assert.Equal(HttpStatusCode.NotFound, denied.StatusCode);
    }
}
