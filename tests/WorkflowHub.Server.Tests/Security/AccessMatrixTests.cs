using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.Extensions.DependencyInjection;
using WorkflowHub.Campaign.Accounts;

namespace WorkflowHub.Server.Tests.Security;

/// <summary>
/// Every endpoint the app maps (API routes and Razor pages, read from its EndpointDataSource) against every role and
/// anonymous callers, with a resource of the caller's own unit and of another unit where the route takes an id.
/// <see cref="Table"/> says what each caller gets; an endpoint without a row fails the test, naming it.
/// </summary>
[Collection(SecurityServerCollection.Name)]
public sealed class AccessMatrixTests(SecurityServer server)
{
    private const string Anonymous = "(anonymous)";

    private static readonly string[] AnyRole = [.. Roles.All];
    private static readonly string[] Overseers = [Roles.Admin, Roles.CommitteeOffice, Roles.Auditor];
    private static readonly string[] Actors = [.. Roles.All.Where(r => r != Roles.Auditor)];
    private static readonly string[] Departments = [Roles.Admin, Roles.CommitteeOffice, Roles.DepartmentOfficer, Roles.DepartmentHead];
    private static readonly string[] AdminOrOffice = [Roles.Admin, Roles.CommitteeOffice];
    private static readonly string[] AdminOnly = [Roles.Admin];
    private static readonly string[] DecisionReaders = [Roles.Auditor, Roles.Admin, Roles.CommitteeOffice, Roles.DepartmentHead];

    private static readonly Dictionary<string, string> RoleOf = new(StringComparer.Ordinal)
    {
        ["admin"] = Roles.Admin,
        ["office"] = Roles.CommitteeOffice,
        ["auditor"] = Roles.Auditor,
        ["fire-officer"] = Roles.DepartmentOfficer,
        ["fire-head"] = Roles.DepartmentHead,
        ["emergency-officer"] = Roles.DepartmentOfficer,
        ["district-officer"] = Roles.LocalGovernment,
        ["enterprise-demo"] = Roles.Enterprise,
    };

    /// <summary>
    /// "METHOD /pattern" (Razor pages: "PAGE /pattern", probed with GET; their POST handlers send the same Mediator
    /// requests as the API rows and are refused without an anti-forgery token, see <see cref="CookieAndAntiforgeryTests"/>).
    /// A caller whose role is not in <see cref="Row.Allowed"/> gets 403; anonymous callers 401 (pages: a redirect to the
    /// login page) unless the row is <see cref="Row.Anonymous"/>. On an id route, a caller outside
    /// <see cref="Row.OtherUnit"/> gets <see cref="Row.Denial"/> for another unit's resource.
    /// </summary>
    private static readonly Dictionary<string, Row> Table = new(StringComparer.Ordinal)
    {
        ["POST /api/auth/token"] = Open(),
        ["GET /health"] = Open(),
        ["GET /openapi/{documentName}.json"] = Open(Res.OpenApi),
        ["GET /scalar/{documentName?}"] = Open(Res.OpenApi),
        ["GET /scalar/favicon.svg"] = Open(),
        ["GET /scalar/scalar.js"] = Open(),
        ["GET /scalar/scalar.aspnetcore.js"] = Open(),

        ["GET /api/campaign"] = new(AnyRole),
        ["GET /api/campaign/overview"] = new(AnyRole),
        ["GET /api/me"] = new(AnyRole),
        ["GET /api/notifications"] = new(AnyRole),
        ["POST /api/notifications/{id:guid}/read"] = new(AnyRole, Res.Unknown),
        ["GET /api/audit"] = new([Roles.Auditor, Roles.Admin]),
        ["GET /api/audit/verify"] = new([Roles.Auditor, Roles.Admin]),
        ["GET /api/admin/backups"] = new(AdminOnly),
        ["GET /api/admin/backups/{name}"] = new(AdminOnly, Res.Backup, MayBeMissing: true),
        ["POST /api/admin/backups"] = new(AdminOnly),
        ["GET /api/org-units"] = new(AnyRole),
        ["PUT /api/org-units/{code}"] = new(AdminOnly, Res.OrgUnit),
        ["GET /api/targets"] = new(AnyRole),
        ["POST /api/targets/{code}/reports"] = new(Departments, Res.Target),
        ["GET /api/lists/hazards.xlsx"] = new(AnyRole),
        ["GET /api/lists/measures.xlsx"] = new(AnyRole),

        ["GET /api/hazards"] = new(AnyRole),
        ["POST /api/hazards"] = new(Actors),
        ["POST /api/hazards/import"] = new(Actors),
        ["GET /api/hazards/{id:guid}"] = new(AnyRole, Res.Hazard, Overseers),
        ["POST /api/hazards/{id:guid}/evidence"] = new(Actors, Res.Hazard, AdminOrOffice),
        // The probe's empty body is refused (400) before the hazard is looked up, so another unit's hazard answers 400
        // here too; AccidentLinkTests shows that another department gets 404 for it with a valid body.
        ["POST /api/hazards/{id:guid}/accident"] = new(Departments, Res.Hazard),
        ["GET /api/hazards/{id:guid}/evidence/{evidenceId:guid}"] = new(AnyRole, Res.Evidence, Overseers),

        ["GET /api/measures"] = new(AnyRole),
        ["POST /api/measures"] = new(Departments),
        ["GET /api/measures/{id:guid}"] = new(AnyRole, Res.Measure),
        ["PUT /api/measures/{id:guid}"] = new(Departments, Res.Measure),
        ["DELETE /api/measures/{id:guid}"] = new(Departments, Res.Unknown),

        ["GET /api/decisions"] = new(AnyRole),
        ["GET /api/decisions/{id:guid}"] = new(AnyRole, Res.Unknown),
        ["POST /api/decisions/{id:guid}/replay"] = new([Roles.Auditor, Roles.Admin], Res.Unknown),
        ["POST /api/decisions/sweep"] = new(AdminOnly),
        ["GET /api/rules"] = new(AnyRole),
        ["GET /api/rules/policy"] = new(AnyRole),
        ["GET /api/rules/policy/versions"] = new(AnyRole),
        ["PUT /api/rules/policy"] = new(AdminOnly),

        ["GET /api/definitions"] = new(AnyRole),
        ["POST /api/definitions"] = new(AdminOnly),
        ["POST /api/definitions/validate"] = new(AdminOnly),
        ["GET /api/definitions/{key}"] = new(AnyRole, Res.Definition),
        ["GET /api/definitions/{key}/versions"] = new(AnyRole, Res.Definition),
        ["GET /api/definitions/{key}/xml"] = new(AnyRole, Res.Definition),
        ["GET /api/definitions/{key}/draft"] = new(AdminOnly, Res.Definition, MayBeMissing: true),
        ["PUT /api/definitions/{key}/draft"] = new(AdminOnly, Res.Definition),

        ["GET /api/instances"] = new(AnyRole),
        ["POST /api/instances"] = new(AdminOrOffice),
        ["GET /api/instances/{id:guid}"] = new(AnyRole, Res.Instance, Overseers),
        ["GET /api/instances/{id:guid}/history"] = new(AnyRole, Res.Instance, Overseers),
        ["POST /api/instances/{id:guid}/cancel"] = new(AdminOrOffice, Res.Unknown),
        ["POST /api/messages"] = new(AdminOrOffice),
        ["GET /api/incidents"] = new(Overseers),
        ["POST /api/incidents/{id:guid}/retry"] = new(AdminOnly, Res.Unknown),

        ["GET /api/tasks"] = new(AnyRole),
        ["GET /api/tasks/{id:guid}"] = new(AnyRole, Res.Task, Overseers),
        ["POST /api/tasks/{id:guid}/claim"] = new(Actors, Res.Task, AdminOnly, HttpStatusCode.Forbidden),
        ["POST /api/tasks/{id:guid}/complete"] = new(Actors, Res.Task, AdminOnly, HttpStatusCode.Forbidden),
        ["GET /api/forms/{name}"] = new(AnyRole, Res.Form),

        ["PAGE /"] = new(AnyRole),
        ["PAGE /Index"] = new(AnyRole),
        ["PAGE /culture"] = Open(),
        ["PAGE /account/login"] = Open(),
        // The page itself answers 403, so that a refused browser sees why.
        ["PAGE /account/access-denied"] = Open() with { Answers = HttpStatusCode.Forbidden },
        ["PAGE /account/logout"] = new(AnyRole),
        ["PAGE /designer"] = new(AdminOnly),
        ["PAGE /designer/{key}"] = new(AdminOnly, Res.Definition),
        ["PAGE /tasks"] = new(AnyRole),
        ["PAGE /tasks/{id:guid}"] = new(AnyRole, Res.Task, Overseers),
        ["PAGE /instances/{id:guid}"] = new(AnyRole, Res.Instance, Overseers),
        ["PAGE /hazards"] = new(AnyRole),
        ["PAGE /hazards/{id:guid}"] = new(AnyRole, Res.Hazard, Overseers),
        ["PAGE /hazards/report"] = new(Actors),
        ["PAGE /hazards/import"] = new(Actors),
        ["PAGE /decisions"] = new(DecisionReaders),
        ["PAGE /decisions/{id:guid}"] = new(DecisionReaders, Res.Unknown),
        ["PAGE /rules"] = new(DecisionReaders),
    };

    private enum Res
    {
        None,
        Unknown,
        Hazard,
        Evidence,
        Task,
        Instance,
        Measure,
        Definition,
        OrgUnit,
        Target,
        Form,
        OpenApi,
        Backup,
    }

    [Fact]
    public void Every_mapped_endpoint_has_a_row_and_every_row_an_endpoint()
    {
        var mapped = MappedEndpoints().Select(e => e.Key).ToHashSet(StringComparer.Ordinal);

        var missing = mapped.Where(key => !Table.ContainsKey(key)).Order(StringComparer.Ordinal).ToList();
        var stale = Table.Keys.Where(key => !mapped.Contains(key)).Order(StringComparer.Ordinal).ToList();

        Assert.True(missing.Count == 0, "Endpoints without a row in the access matrix (add one with the roles its request declares):\n" + string.Join('\n', missing));
        Assert.True(stale.Count == 0, "Rows of the access matrix for endpoints that no longer exist:\n" + string.Join('\n', stale));
    }

    [Fact]
    public async Task Every_endpoint_answers_every_role_and_anonymous_as_the_table_says()
    {
        var resources = await MatrixResources.CreateAsync(server);
        var callers = new List<(string Name, HttpClient Client)> { (Anonymous, server.AnonymousClient()) };
        foreach (var user in SecurityServer.DemoUsers)
        {
            callers.Add((user, await server.ClientAsync(user)));
        }

        var failures = new List<string>();
        var probes = 0;
        // Reads first, then writes, so a write that succeeds cannot change what a later read finds.
        foreach (var (key, endpoint) in MappedEndpoints().Where(e => Table.ContainsKey(e.Key)).OrderBy(e => e.Key.StartsWith("GET", StringComparison.Ordinal) || e.Key.StartsWith("PAGE", StringComparison.Ordinal) ? 0 : 1).ThenBy(e => e.Key, StringComparer.Ordinal))
        {
            var row = Table[key];
            var sides = row.Resource is Res.Hazard or Res.Evidence or Res.Task or Res.Instance ? new[] { true, false } : [true];
            foreach (var (name, client) in callers)
            {
                var user = name == Anonymous ? null : name;
                foreach (var own in sides)
                {
                    using var request = BuildRequest(key, endpoint, row, resources, user, own);
                    using var response = await client.SendAsync(request);
                    probes++;
                    var expected = Expect(row, key, user, own);
                    if (!Meets(expected, row, key, response))
                    {
                        failures.Add($"{key} as {name} ({(own ? "own" : "other unit")} resource, {request.RequestUri}): expected {expected}, got {(int)response.StatusCode} {response.Headers.Location} {Shorten(await response.Content.ReadAsStringAsync())}");
                    }
                }
            }
        }

        Assert.True(failures.Count == 0, $"{failures.Count} of {probes} probes differ from the access matrix:\n" + string.Join('\n', failures));
        Assert.True(probes > Table.Count * callers.Count, $"Only {probes} probes ran.");
    }

    private List<(string Key, RouteEndpoint Endpoint)> MappedEndpoints()
    {
        var dataSource = server.Factory.Services.GetRequiredService<EndpointDataSource>();
        var result = new List<(string, RouteEndpoint)>();
        foreach (var endpoint in dataSource.Endpoints.OfType<RouteEndpoint>())
        {
            // Static files (wwwroot, or its catch-all when no asset manifest is built) are public by design.
            if (endpoint.Metadata.Any(m => m.GetType().Name == "StaticAssetDescriptor")
                || endpoint.RoutePattern.Parameters.Any(p => p.IsCatchAll && p.ParameterPolicies.Any(policy => policy.Content == "file")))
            {
                continue;
            }

            var pattern = "/" + (endpoint.RoutePattern.RawText ?? string.Empty).TrimStart('/');
            if (endpoint.Metadata.GetMetadata<PageActionDescriptor>() is not null || endpoint.Metadata.Any(m => m.GetType().Name == "CompiledPageActionDescriptor"))
            {
                result.Add(($"PAGE {pattern}", endpoint));
                continue;
            }

            var methods = endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? ["ANY"];
            result.AddRange(methods.Select(method => ($"{method} {pattern}", endpoint)));
        }

        return result;
    }

    private static HttpRequestMessage BuildRequest(string key, RouteEndpoint endpoint, Row row, MatrixResources resources, string? user, bool own)
    {
        var method = key[..key.IndexOf(' ', StringComparison.Ordinal)];
        var path = new StringBuilder();
        foreach (var segment in endpoint.RoutePattern.PathSegments)
        {
            path.Append('/');
            foreach (var part in segment.Parts)
            {
                path.Append(part switch
                {
                    RoutePatternLiteralPart literal => literal.Content,
                    RoutePatternSeparatorPart separator => separator.Content,
                    RoutePatternParameterPart parameter => Uri.EscapeDataString(Value(parameter.Name, row.Resource, resources, user, own)),
                    _ => string.Empty,
                });
            }
        }

        var request = new HttpRequestMessage(new HttpMethod(method == "PAGE" ? "GET" : method), path.Length == 0 ? "/" : path.ToString());
        if (method is "POST" or "PUT" or "PATCH")
        {
            var accepts = endpoint.Metadata.GetMetadata<IAcceptsMetadata>()?.ContentTypes ?? [];
            request.Content = accepts.Contains("multipart/form-data") ? NotAnEvidenceFile()
                : accepts.Any(type => type.Contains("xml", StringComparison.Ordinal)) ? new StringContent("<notBpmn/>", Encoding.UTF8, "application/xml")
                : new StringContent("{}", Encoding.UTF8, "application/json");
        }

        return request;
    }

    private static string Value(string parameter, Res resource, MatrixResources resources, string? user, bool own) => (parameter, resource) switch
    {
        ("id", Res.Hazard) or ("id", Res.Evidence) => resources.Hazard(user, own).Hazard.ToString(),
        ("evidenceId", Res.Evidence) => resources.Hazard(user, own).Evidence.ToString(),
        ("id", Res.Task) => resources.Task(user, own).ToString(),
        ("id", Res.Instance) => resources.Instance(user, own).ToString(),
        ("id", Res.Measure) => resources.MeasureId.ToString(),
        ("id", Res.Unknown) => Guid.NewGuid().ToString(),
        ("key", Res.Definition) => MatrixResources.DefinitionKey,
        ("code", Res.OrgUnit) => MatrixResources.OrgUnitCode,
        ("code", Res.Target) => resources.TargetCode,
        ("name", Res.Form) => MatrixResources.FormName,
        ("documentName", Res.OpenApi) => "v1",
        ("name", Res.Backup) => "workflowhub-no-such-backup.db",
        _ => throw new InvalidOperationException($"The matrix has no value for route parameter '{parameter}' of a {resource} row: give the row a resource."),
    };

    private static Expected Expect(Row row, string key, string? user, bool own)
    {
        if (user is null)
        {
            return row.Anonymous ? Expected.Pass : key.StartsWith("PAGE", StringComparison.Ordinal) ? Expected.LoginRedirect : Expected.Unauthorized;
        }

        var role = RoleOf[user];
        if (!row.Anonymous && !row.Allowed.Contains(role))
        {
            return Expected.Forbidden;
        }

        if (!own && row.OtherUnit is { } otherUnit && !otherUnit.Contains(role))
        {
            return row.Denial == HttpStatusCode.Forbidden ? Expected.Forbidden : Expected.NotFound;
        }

        return Expected.Pass;
    }

    private static bool Meets(Expected expected, Row row, string key, HttpResponseMessage response)
    {
        var status = (int)response.StatusCode;
        if (expected == Expected.Pass && row.Answers is { } answers)
        {
            return response.StatusCode == answers;
        }

        var toLogin = response.Headers.Location?.OriginalString.Contains("/account/login", StringComparison.OrdinalIgnoreCase) == true;
        return expected switch
        {
            Expected.Unauthorized => status == 401,
            Expected.LoginRedirect => status == 302 && toLogin,
            Expected.Forbidden => status == 403,
            Expected.NotFound => status == 404,
            // Passing authorization: reads of existing resources succeed; writes (sent an empty or invalid body so they
            // change nothing) and reads of unknown ids may be refused for their content, never for who sent them.
            _ => status < 500 && status is not (401 or 403) && !toLogin
                && (!(key.StartsWith("GET", StringComparison.Ordinal) || key.StartsWith("PAGE", StringComparison.Ordinal))
                    || row.Resource == Res.Unknown || row.MayBeMissing || status < 400),
        };
    }

    private static MultipartFormDataContent NotAnEvidenceFile()
    {
        var form = new MultipartFormDataContent();
        var file = new ByteArrayContent("not a spreadsheet, not an image"u8.ToArray());
        file.Headers.ContentType = new MediaTypeHeaderValue("text/plain");
        form.Add(file, "file", "probe.txt");
        return form;
    }

    private static string Shorten(string body) => body.Length > 300 ? body[..300] + "…" : body;

    private static Row Open(Res resource = Res.None) => new(AnyRole, resource, Anonymous: true);

    private enum Expected
    {
        Pass,
        Unauthorized,
        LoginRedirect,
        Forbidden,
        NotFound,
    }

    /// <param name="Allowed">The roles that pass the endpoint's access rule.</param>
    /// <param name="Resource">What fills the route's parameters.</param>
    /// <param name="OtherUnit">On an own/other resource: the roles that also pass on another unit's resource.</param>
    /// <param name="Denial">What the others get for another unit's resource: 404 (it is hidden) or 403.</param>
    /// <param name="Anonymous">Open to everyone, signed in or not.</param>
    /// <param name="MayBeMissing">A read that may answer 404 for the resource used (e.g. a draft nobody saved).</param>
    /// <param name="Answers">The exact status every permitted caller gets, when it is not a success.</param>
    private sealed record Row(
        string[] Allowed,
        Res Resource = Res.None,
        string[]? OtherUnit = null,
        HttpStatusCode Denial = HttpStatusCode.NotFound,
        bool Anonymous = false,
        bool MayBeMissing = false,
        HttpStatusCode? Answers = null);
}
