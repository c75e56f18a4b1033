using WorkflowHub.Campaign;
using WorkflowHub.Server.Infrastructure.Audit;
using WorkflowHub.Server.Infrastructure.Auth;
using WorkflowHub.Server.Infrastructure.Endpoints;
using WorkflowHub.Server.Infrastructure.Hosting;
using WorkflowHub.Server.Infrastructure.Mediation;
using WorkflowHub.Server.Infrastructure.Web;

var builder = WebApplication.CreateBuilder(DatabaseCommands.HostArguments(args));

builder.Services.AddCampaignModule(builder.Configuration);
builder.Services.AddServerMediator();
builder.Services.AddServerAuth(builder.Configuration);
builder.Services.AddServerApi(builder.Configuration);
builder.Services.AddServerWeb();
builder.Services.AddServerAudit();

var app = builder.Build();
app.StartStartupPreparations(args);
app.UseServerPipeline();
app.MapEndpoints();
app.UseServerWeb();

return await app.RunWorkflowHubAsync(args);

/// <summary>Visible to the tests' WebApplicationFactory.</summary>
public partial class Program;
