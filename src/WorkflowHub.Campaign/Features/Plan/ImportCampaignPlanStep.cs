using System.Security.Cryptography;
using System.Text;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using WorkflowHub.Campaign.Domain;
using WorkflowHub.Campaign.Infrastructure.Persistence;
using WorkflowHub.Campaign.Infrastructure.Startup;
using WorkflowHub.Campaign.Plan;

namespace WorkflowHub.Campaign.Features.Plan;

/// <summary>
/// Loads <c>workflows/campaign-plan.json</c> at start-up and imports it; a broken plan stops start-up. A file whose
/// SHA-256 equals the one the last import stored was imported as it is, so a restart skips it (the import is the
/// largest step of a restart otherwise: parse, validate, load every plan row and compare).
/// </summary>
public sealed partial class ImportCampaignPlanStep(
    ISender sender,
    CampaignDbContext db,
    IOptions<PlanOptions> options,
    ILogger<ImportCampaignPlanStep> logger) : IStartupStep
{
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var path = Path.GetFullPath(options.Value.PlanPath, AppContext.BaseDirectory);
        byte[] content;
        try
        {
            content = await File.ReadAllBytesAsync(path, cancellationToken);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            throw new StartupAbortedException($"The campaign plan {path} cannot be read: {exception.Message}", exception);
        }

        var sha256 = Convert.ToHexStringLower(SHA256.HashData(content));
        var stored = await db.CampaignProfiles.AsNoTracking()
            .Where(p => p.Id == CampaignProfile.SingletonId)
            .Select(p => p.PlanSha256)
            .FirstOrDefaultAsync(cancellationToken);
        if (string.Equals(stored, sha256, StringComparison.Ordinal))
        {
            LogUnchanged(logger, path, sha256);
            return;
        }

        CampaignPlan plan;
        try
        {
            plan = CampaignPlanLoader.Parse(Decode(content), path);
        }
        catch (CampaignPlanException exception)
        {
            throw new StartupAbortedException($"The campaign plan {path} is invalid: {exception.Message}", exception);
        }

        PlanImportResult result;
        try
        {
            result = await sender.Send(new ImportCampaignPlan(plan, sha256), cancellationToken);
        }
        catch (ValidationException exception)
        {
            var reasons = string.Join("; ", exception.Errors.Select(e => $"{e.PropertyName}: {e.ErrorMessage}"));
            throw new StartupAbortedException($"The campaign plan {path} is invalid: {reasons}", exception);
        }

        LogImported(logger, path, result.Added, result.Updated, result.Removed, sha256);
    }

    /// <summary>As <see cref="File.ReadAllText(string)"/> reads it: UTF-8 unless a byte order mark says otherwise.</summary>
    private static string Decode(byte[] content)
    {
        using var reader = new StreamReader(new MemoryStream(content), Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        return reader.ReadToEnd();
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Campaign plan {Path} unchanged since its last import (sha256 {Sha256}): import skipped")]
    private static partial void LogUnchanged(ILogger logger, string path, string sha256);

    [LoggerMessage(Level = LogLevel.Information, Message = "Campaign plan {Path} imported: {Added} added, {Updated} updated, {Removed} removed (sha256 {Sha256})")]
    private static partial void LogImported(ILogger logger, string path, int added, int updated, int removed, string sha256);
}
