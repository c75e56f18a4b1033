using WorkflowHub.Engine.EntityFrameworkCore.Model;

namespace WorkflowHub.Engine.EntityFrameworkCore.Store;

/// <summary>One (kind, value) range of the offers index: the open offers to one user or one group.</summary>
public sealed record OfferRange(CandidateKind Kind, string Value);
