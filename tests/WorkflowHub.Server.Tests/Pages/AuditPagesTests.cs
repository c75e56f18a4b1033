using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;
using WorkflowHub.Server.Tests.Decisions;

namespace WorkflowHub.Server.Tests.Pages;

/// <summary>
/// The audit trace and the rules page as server-rendered HTML: decisions taken by a real sweep on a hand-moved clock,
/// pages fetched (and the thresholds form posted) as the roles that use them.
/// </summary>
public sealed partial class AuditPagesTests(DecisionsServer server) : IClassFixture<DecisionsServer>
{
    private const string FireUnit = "city-fire-rescue";

    [Fact]
    public async Task An_auditor_lists_and_opens_a_decision_and_a_department_officer_is_refused()
    {
        var hazard = await server.SeedOverdueHazardAsync("YH2020880101", FireUnit, overdueDays: 3);
        await DecisionApi.SweepAsync(server);
        var auditor = await server.ClientForAsync("auditor");
        var decision = Assert.Single(await DecisionApi.AboutAsync(auditor, hazard.Id.ToString("D")));

        var list = await auditor.GetStringAsync("/decisions?subject=YH2020880101&kind=Reminder");
        Assert.Contains($"data-decision-id=\"{DecisionApi.Id(decision)}\"", list, StringComparison.Ordinal);
        Assert.Contains("共 1 项决策", list, StringComparison.Ordinal);
        var none = await auditor.GetStringAsync("/decisions?subject=YH2020880101&kind=Interview");
        Assert.Contains("data-testid=\"no-decisions\"", none, StringComparison.Ordinal);
        var backwards = await auditor.GetStringAsync("/decisions?from=2020-06-10&to=2020-06-01");
        Assert.Contains("data-testid=\"filter-invalid\"", backwards, StringComparison.Ordinal);

        var details = await auditor.GetStringAsync($"/decisions/{DecisionApi.Id(decision)}");
        Assert.Contains("GeneralHazard.Reminder", details, StringComparison.Ordinal);
        Assert.Contains(decision.GetProperty("reasonZh").GetString()!, details, StringComparison.Ordinal);
        Assert.Contains("data-key=\"generalHazard.reminderAfterDaysOverdue\"", details, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"fact-table\"", details, StringComparison.Ordinal);
        Assert.Contains("<td>YH2020880101</td>", details, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"replay-button\"", details, StringComparison.Ordinal);

        var officer = await server.ClientForAsync("fire-officer");
        var refused = await officer.GetAsync($"/decisions/{DecisionApi.Id(decision)}");
        Assert.True(
            refused.StatusCode == HttpStatusCode.Forbidden || refused.RequestMessage!.RequestUri!.AbsolutePath.Contains("access-denied", StringComparison.Ordinal),
            $"a department officer is refused the audit trace, got {refused.StatusCode} at {refused.RequestMessage!.RequestUri}");
        var head = await server.ClientForAsync("fire-head");
        var headList = await head.GetStringAsync("/decisions");
        Assert.Contains("YH2020880101", headList, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_rules_page_refuses_a_bad_threshold_at_its_field_and_saves_a_good_one_as_a_new_version()
    {
        // Redirects are not followed (the test client would drop the bearer token on the way): the save's answer is checked as sent.
        var admin = await ClientWithoutRedirectsAsync("admin");
        var page = await admin.GetStringAsync("/rules");
        var token = AntiforgeryField().Match(page).Groups[1].Value;
        var fields = ThresholdInput().Matches(page).ToDictionary(m => WebUtility.HtmlDecode(m.Groups[1].Value), m => m.Groups[2].Value);
        Assert.Equal(13, fields.Count);
        var before = await admin.GetFromJsonAsync<JsonElement>("/api/rules/policy");

        fields["threshold:generalHazard.supervisionAfterDaysOverdue"] = "-3";
        var refused = await PostAsync(admin, token, fields);
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var refusedHtml = await refused.Content.ReadAsStringAsync();
        Assert.Matches(new Regex("data-key=\"generalHazard.supervisionAfterDaysOverdue\"[\\s\\S]*?data-testid=\"field-error\">天数须为"), refusedHtml);
        Assert.Equal(
            before.GetProperty("number").GetInt32(),
            (await admin.GetFromJsonAsync<JsonElement>("/api/rules/policy")).GetProperty("number").GetInt32());

        fields["threshold:generalHazard.supervisionAfterDaysOverdue"] = "8";
        var saved = await PostAsync(admin, token, fields);
        var current = await admin.GetFromJsonAsync<JsonElement>("/api/rules/policy");
        Assert.Equal(before.GetProperty("number").GetInt32() + 1, current.GetProperty("number").GetInt32());
        // Post, redirect, get: the save redirects to the page saying which version it made.
        var savedUrl = $"/rules?saved={current.GetProperty("number").GetInt32()}";
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal(savedUrl, saved.Headers.Location!.OriginalString);
        var savedHtml = await admin.GetStringAsync(savedUrl);
        Assert.Equal(8m, current.GetProperty("policy").GetProperty("generalHazard").GetProperty("supervisionAfterDaysOverdue").GetDecimal());
        Assert.Contains("data-testid=\"policy-saved\"", savedHtml, StringComparison.Ordinal);
        Assert.Matches(new Regex($"<tr data-version=\"{current.GetProperty("number").GetInt32()}\">[\\s\\S]*?admin[\\s\\S]*?generalHazard.supervisionAfterDaysOverdue</code> = 8"), savedHtml);

        // An auditor reads the same page without the form's save button, and may not post it.
        var auditor = await server.ClientForAsync("auditor");
        var auditorPage = await auditor.GetStringAsync("/rules");
        Assert.DoesNotContain("data-testid=\"save-policy\"", auditorPage, StringComparison.Ordinal);
        var auditorToken = AntiforgeryField().Match(auditorPage).Groups[1].Value;
        var forbidden = await PostAsync(auditor, auditorToken, fields);
        Assert.True(
            forbidden.StatusCode == HttpStatusCode.Forbidden || forbidden.RequestMessage!.RequestUri!.AbsolutePath.Contains("access-denied", StringComparison.Ordinal),
            $"an auditor may not save thresholds, got {forbidden.StatusCode} at {forbidden.RequestMessage!.RequestUri}");
        Assert.Equal(current.GetProperty("number").GetInt32(), (await admin.GetFromJsonAsync<JsonElement>("/api/rules/policy")).GetProperty("number").GetInt32());
    }

    private async Task<HttpClient> ClientWithoutRedirectsAsync(string userName)
    {
        var client = server.Factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var signedIn = await server.ClientForAsync(userName);
        client.DefaultRequestHeaders.Authorization = signedIn.DefaultRequestHeaders.Authorization;
        return client;
    }

    private static Task<HttpResponseMessage> PostAsync(HttpClient client, string token, Dictionary<string, string> fields)
    {
        var form = new Dictionary<string, string>(fields) { ["__RequestVerificationToken"] = token, ["Comment"] = "page test" };
        return client.PostAsync("/rules", new FormUrlEncodedContent(form));
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryField();

    [GeneratedRegex("name=\"(threshold:[^\"]+)\" type=\"number\"[^>]*?value=\"([^\"]*)\"")]
    private static partial Regex ThresholdInput();
}
