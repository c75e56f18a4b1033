using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using WorkflowHub.Campaign.Accounts;
using WorkflowHub.Campaign.Features.Rules;
using WorkflowHub.Rules.Catalogue;
using WorkflowHub.Rules.Policy;
using WorkflowHub.Server.Infrastructure.Web;
using WorkflowHub.Server.Resources;

namespace WorkflowHub.Server.Pages.Rules;

/// <summary>
/// The rules catalogue (what each rule decides, its tags and the thresholds it reads) and the thresholds in force.
/// Admins edit the thresholds: the whole policy is sent to <see cref="UpdatePolicy"/>, which validates it and stores a new
/// version; a refused value is shown at its field. Every version is listed with who saved it, when, and what changed.
/// </summary>
[Authorize(Roles = AuditRoles.Names)]
public sealed class IndexModel(ISender sender, IStringLocalizer<SharedResource> localizer) : PageModel
{
    private const string PolicyFieldPrefix = "policy.";

    public RuleCatalogueView Catalogue { get; private set; } = new(string.Empty, []);

    public PolicyVersionView? Current { get; private set; }

    public IReadOnlyList<PolicyVersionView> Versions { get; private set; } = [];

    /// <summary>For each version (by number), the keys that differ from the version before it.</summary>
    public IReadOnlyDictionary<int, IReadOnlyList<string>> ChangedKeys { get; private set; } = new Dictionary<int, IReadOnlyList<string>>();

    public IReadOnlyList<PolicyKeyDefinition> Keys => RuleCatalogue.PolicyKeys;

    /// <summary>The form field of a threshold (named by its dotted key, which model binding would split).</summary>
    public const string FieldPrefix = "threshold:";

    /// <summary>The values in the form: as typed after a refused save, else those in force.</summary>
    public Dictionary<string, string?> Values { get; } = new(StringComparer.Ordinal);

    [BindProperty]
    public string? Comment { get; set; }

    /// <summary>After a save: the version created, or 0 when nothing changed.</summary>
    [BindProperty(SupportsGet = true)]
    public int? Saved { get; set; }

    public Dictionary<string, string> FieldErrors { get; } = new(StringComparer.Ordinal);

    public bool MayEdit => User.IsInRole(Roles.Admin);

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        foreach (var (key, value) in Flatten(Current!.Policy))
        {
            Values[key] = value.ToString(CultureInfo.InvariantCulture);
        }
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!MayEdit)
        {
            return Forbid();
        }

        var document = new JsonObject();
        foreach (var key in Keys)
        {
            var text = Request.Form[FieldPrefix + key.Path].ToString().Trim();
            Values[key.Path] = text;
            if (string.IsNullOrEmpty(text))
            {
                FieldErrors[key.Path] = localizer["Rules.Error.Required"];
            }
            else if (!decimal.TryParse(text, NumberStyles.Number, CultureInfo.InvariantCulture, out var value))
            {
                FieldErrors[key.Path] = localizer["Rules.Error.NotNumber"];
            }
            else
            {
                var (section, name) = Split(key.Path);
                var sectionObject = document[section] as JsonObject ?? new JsonObject();
                document[section] = sectionObject;
                sectionObject[name] = value;
            }
        }

        if (FieldErrors.Count == 0)
        {
            try
            {
                var result = await sender.Send(new UpdatePolicy(JsonSerializer.SerializeToElement(document), Comment), cancellationToken);
                return RedirectToPage("Index", new { saved = result.Created ? result.Current.Number : 0 });
            }
            catch (ValidationException refused)
            {
                foreach (var error in refused.Errors)
                {
                    var field = error.PropertyName.StartsWith(PolicyFieldPrefix, StringComparison.Ordinal)
                        ? error.PropertyName[PolicyFieldPrefix.Length..]
                        : error.PropertyName;
                    FieldErrors[Keys.Any(k => k.Path == field) ? field : string.Empty] = Explain(field, error.ErrorMessage);
                }
            }
        }

        await LoadAsync(cancellationToken);
        return Page();
    }

    /// <summary>The value in force for <paramref name="key"/>.</summary>
    public decimal? CurrentValue(string key) =>
        Current is null ? null : Flatten(Current.Policy).TryGetValue(key, out var value) ? value : null;

    public PolicyKeyDefinition? Key(string path) => Keys.FirstOrDefault(k => k.Path == path);

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        Catalogue = await sender.Send(new ListRules(), cancellationToken);
        Current = await sender.Send(new GetPolicy(), cancellationToken);
        Versions = await sender.Send(new ListPolicyVersions(), cancellationToken);
        var changes = new Dictionary<int, IReadOnlyList<string>>();
        // Newest first: each version is compared with the one after it in the list.
        for (var index = 0; index < Versions.Count; index++)
        {
            var values = Flatten(Versions[index].Policy);
            var before = index + 1 < Versions.Count ? Flatten(Versions[index + 1].Policy) : null;
            changes[Versions[index].Number] = before is null
                ? []
                : values.Where(pair => !before.TryGetValue(pair.Key, out var old) || old != pair.Value).Select(pair => pair.Key).ToList();
        }

        ChangedKeys = changes;
    }

    /// <summary>The server's reason in the page's language, by what the key measures (it names the field in English).</summary>
    private string Explain(string field, string message)
    {
        if (Key(field) is not { } key)
        {
            return message;
        }

        // A ladder threshold below the rung before it: "x must be ≥ y".
        var other = Keys.FirstOrDefault(k => k.Path != key.Path && message.EndsWith(k.Path, StringComparison.Ordinal));
        if (other is not null)
        {
            return string.Format(CultureInfo.CurrentCulture, localizer["Rules.Error.Order"], UiCultures.Pick(other.DescriptionChinese, other.DescriptionEnglish));
        }

        return message.EndsWith("is missing", StringComparison.Ordinal)
            ? localizer["Rules.Error.Required"]
            : localizer["Rules.Error." + key.Kind];
    }

    private static (string Section, string Name) Split(string path)
    {
        var dot = path.IndexOf('.', StringComparison.Ordinal);
        return (path[..dot], path[(dot + 1)..]);
    }

    /// <summary>A policy document as dotted key → value ("generalHazard.reminderAfterDaysOverdue" → 1).</summary>
    public static Dictionary<string, decimal> Flatten(JsonElement policy)
    {
        var values = new Dictionary<string, decimal>(StringComparer.Ordinal);
        if (policy.ValueKind != JsonValueKind.Object)
        {
            return values;
        }

        foreach (var section in policy.EnumerateObject().Where(s => s.Value.ValueKind == JsonValueKind.Object))
        {
            foreach (var property in section.Value.EnumerateObject().Where(p => p.Value.ValueKind == JsonValueKind.Number))
            {
                values[$"{section.Name}.{property.Name}"] = property.Value.GetDecimal();
            }
        }

        return values;
    }
}
