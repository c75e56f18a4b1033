using System.Text.Json;
using Microsoft.Extensions.Options;

namespace WorkflowHub.Campaign.Workflows.Forms;

/// <summary>Reads form-js files from the forms folder of <see cref="WorkflowsOptions"/>.</summary>
public sealed class FormStore(IOptions<WorkflowsOptions> options)
{
    /// <summary>Form files are small; anything larger is not a form.</summary>
    public const int MaxFormBytes = 512 * 1024;

    /// <summary>The raw JSON of <paramref name="fileName"/> (e.g. <c>hazard-grading.form</c>), or null when there is no such form.</summary>
    public async Task<string?> ReadJsonAsync(string fileName, CancellationToken cancellationToken)
    {
        if (!FormKeys.IsSafeFileName(fileName))
        {
            return null;
        }

        var path = Path.Combine(options.Value.FormsPath, fileName);
        var file = new FileInfo(path);
        if (!file.Exists || file.Length > MaxFormBytes)
        {
            return null;
        }

        return await File.ReadAllTextAsync(path, cancellationToken);
    }

    /// <summary>The parsed form, or null when there is no such form.</summary>
    /// <exception cref="InvalidOperationException">The file is not a form-js document.</exception>
    public async Task<FormSchema?> LoadAsync(string fileName, CancellationToken cancellationToken)
    {
        var json = await ReadJsonAsync(fileName, cancellationToken);
        if (json is null)
        {
            return null;
        }

        try
        {
            using var document = JsonDocument.Parse(json);
            return FormSchema.Parse(document.RootElement);
        }
        catch (JsonException exception)
        {
            throw new InvalidOperationException($"The form '{fileName}' is not valid JSON: {exception.Message}", exception);
        }
    }
}
