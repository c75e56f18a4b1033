namespace WorkflowHub.Campaign.Workflows;

/// <summary>Configuration section <c>Workflows</c>: the folder of the .bpmn files deployed at start-up and of their forms.</summary>
public sealed class WorkflowsOptions
{
    public const string SectionName = "Workflows";
    public const string DefaultPath = "workflows";

    /// <summary>The folder; a relative path is resolved against the application's folder, where the build copies <c>workflows/</c>.</summary>
    public string Path { get; set; } = DefaultPath;

    /// <summary>Deploy every <c>*.bpmn</c> of the folder at start-up (a new version only where the XML changed).</summary>
    public bool DeployAtStartup { get; set; } = true;

    public string FullPath => System.IO.Path.GetFullPath(Path, AppContext.BaseDirectory);

    /// <summary>form-js files referenced by <c>camunda:formKey="camunda-forms:deployment:NAME.form"</c>.</summary>
    public string FormsPath => System.IO.Path.Combine(FullPath, "forms");
}
