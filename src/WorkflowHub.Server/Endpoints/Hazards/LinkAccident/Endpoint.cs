using System.Globalization;
using Mediator;
using WorkflowHub.Campaign.Features.Hazards;
using WorkflowHub.Server.Infrastructure.Endpoints;

namespace WorkflowHub.Server.Endpoints.Hazards.LinkAccident;

/// <summary>
/// POST /api/hazards/{id}/accident: links the hazard to a production-safety accident (关联事故); the escalation rules
/// answer at once with the judicial referral (移交司法). Send the hazard's version you read; a second link is 409.
/// </summary>
public sealed class Endpoint : IEndpoint
{
    public void Map(IEndpointRouteBuilder app) =>
        app.MapPost("/api/hazards/{id:guid}/accident", HandleAsync)
            .WithTags("Hazards")
            .WithName("LinkHazardToAccident")
            .WithSummary("Link a hazard to an accident")
            .WithDescription("Records the accident (report number, day, short description) on the hazard's file and refers the responsible unit to the judicial authorities. A hazard is linked once; closed hazards may be linked.")
            .Produces<HazardView>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

    private static async Task<IResult> HandleAsync(Guid id, LinkAccidentBody body, ISender sender, CancellationToken cancellationToken) =>
        TypedResults.Ok(await sender.Send(
            new LinkHazardToAccident(id, body.AccidentReference ?? string.Empty, ParseDay(body.AccidentDate), body.Description ?? string.Empty, body.Version ?? 0),
            cancellationToken));

    // A day that is not yyyy-MM-dd reaches the validator as "no day", so the answer names the field like any other error.
    private static DateOnly ParseDay(string? text) =>
        DateOnly.TryParseExact(text?.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) ? day : default;
}

/// <param name="AccidentReference">The accident report number (at most 64 characters).</param>
/// <param name="AccidentDate">The day of the accident in the city, yyyy-MM-dd: not in the future, not before the hazard was found.</param>
/// <param name="Description">A short account of the accident (at most 1000 characters).</param>
/// <param name="Version">The hazard's version as read (GET /api/hazards/{id}).</param>
public sealed record LinkAccidentBody(string? AccidentReference, string? AccidentDate, string? Description, long? Version);
