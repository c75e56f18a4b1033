using FluentValidation;
using FluentValidation.Results;

namespace WorkflowHub.Campaign.Hazards.Evidence;

/// <summary>An upload that is not acceptable evidence (wrong type, too large, empty): a 400 naming the file field.</summary>
public sealed class EvidenceRejectedException(string message)
    : ValidationException(message, [new ValidationFailure("file", message)]);
