namespace WorkflowHub.Server.Infrastructure.Endpoints;

/// <summary>
/// One HTTP endpoint, in its own folder under <c>Endpoints/</c>. It maps its route and sends one Mediator request;
/// the request's handler (in WorkflowHub.Campaign) does the work. Found and mapped by <see cref="EndpointMappingExtensions.MapEndpoints"/>.
/// </summary>
public interface IEndpoint
{
    void Map(IEndpointRouteBuilder app);
}
