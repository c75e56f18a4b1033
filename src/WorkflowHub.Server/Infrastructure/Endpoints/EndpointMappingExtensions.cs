namespace WorkflowHub.Server.Infrastructure.Endpoints;

public static class EndpointMappingExtensions
{
    /// <summary>Maps every <see cref="IEndpoint"/> in the server assembly, so adding an endpoint is adding a folder.</summary>
    public static IEndpointRouteBuilder MapEndpoints(this IEndpointRouteBuilder app)
    {
        var endpointTypes = typeof(IEndpoint).Assembly.GetTypes()
            .Where(type => type is { IsClass: true, IsAbstract: false } && typeof(IEndpoint).IsAssignableFrom(type))
            .OrderBy(type => type.FullName, StringComparer.Ordinal);
        foreach (var type in endpointTypes)
        {
            ((IEndpoint)Activator.CreateInstance(type)!).Map(app);
        }

        return app;
    }
}
