using FluentValidation;
using Mediator;
using WorkflowHub.Campaign.Infrastructure.Pipeline;
using WorkflowHub.Campaign.Workflows.Forms;

namespace WorkflowHub.Campaign.Features.Tasks;

/// <summary>A form-js form by file name (<c>hazard-grading.form</c>; the <c>.form</c> suffix may be left off), as JSON text.</summary>
[AllowAnyAuthenticatedUser]
public sealed record GetForm(string Name) : IQuery<string>
{
    public string FileName => Name.EndsWith(".form", StringComparison.Ordinal) ? Name : Name + ".form";
}

public sealed class GetFormValidator : AbstractValidator<GetForm>
{
    public GetFormValidator() =>
        RuleFor(q => q.FileName).Must(FormKeys.IsSafeFileName).WithName(nameof(GetForm.Name)).WithMessage("A form name is a plain file name such as hazard-grading.form.");
}

public sealed class GetFormHandler(FormStore forms) : IQueryHandler<GetForm, string>
{
    public async ValueTask<string> Handle(GetForm query, CancellationToken cancellationToken) =>
        await forms.ReadJsonAsync(query.FileName, cancellationToken) ?? throw NotFoundException.For("Form", query.FileName);
}
