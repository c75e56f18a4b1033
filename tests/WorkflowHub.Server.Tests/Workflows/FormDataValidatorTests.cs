using System.Text.Json;
using WorkflowHub.Campaign.Workflows.Forms;

namespace WorkflowHub.Server.Tests.Workflows;

public sealed class FormDataValidatorTests
{
    private static readonly FormSchema Form = Parse("""
        {
          "components": [
            { "type": "radio", "key": "grade", "label": "隐患等级", "values": [ { "label": "一般", "value": "general" }, { "label": "重大", "value": "major" } ], "validate": { "required": true } },
            { "type": "textarea", "key": "reason", "validate": { "required": true, "minLength": 5, "maxLength": 10 } },
            { "type": "number", "key": "year", "validate": { "min": 2020, "max": 2022 } },
            { "type": "textfield", "key": "phone", "validate": { "pattern": "^[0-9]{11}$" } },
            { "type": "group", "components": [ { "type": "select", "key": "unit", "values": [ { "label": "消防", "value": "fire" } ] } ] },
            { "type": "datetime", "key": "due", "subtype": "date" },
            { "type": "text", "text": "说明文字" }
          ]
        }
        """);

    private static FormSchema Parse(string json)
    {
        using var document = JsonDocument.Parse(json);
        return FormSchema.Parse(document.RootElement);
    }

    private static List<string> InvalidFields(Dictionary<string, object?> data) =>
        FormDataValidator.Validate(Form, data).Select(e => e.Field).ToList();

    [Fact]
    public void Valid_data_passes()
    {
        Assert.Empty(InvalidFields(new() { ["grade"] = "major", ["reason"] = "通道堵塞严重", ["year"] = 2021L, ["phone"] = "13800000000", ["unit"] = "fire", ["due"] = "2021-06-30" }));
    }

    [Fact]
    public void Required_fields_may_not_be_missing_or_empty()
    {
        Assert.Equal(["grade", "reason"], InvalidFields(new() { ["reason"] = "" }));
    }

    [Fact]
    public void Each_rule_names_its_field()
    {
        Assert.Equal(["grade"], InvalidFields(new() { ["grade"] = "catastrophic", ["reason"] = "通道堵塞严重" }));
        Assert.Equal(["reason"], InvalidFields(new() { ["grade"] = "major", ["reason"] = "短" }));
        Assert.Equal(["reason"], InvalidFields(new() { ["grade"] = "major", ["reason"] = new string('长', 11) }));
        Assert.Equal(["year"], InvalidFields(new() { ["grade"] = "major", ["reason"] = "通道堵塞严重", ["year"] = 2019L }));
        Assert.Equal(["year"], InvalidFields(new() { ["grade"] = "major", ["reason"] = "通道堵塞严重", ["year"] = 2022.5 }));
        Assert.Equal(["year"], InvalidFields(new() { ["grade"] = "major", ["reason"] = "通道堵塞严重", ["year"] = "2021" }));
        Assert.Equal(["phone"], InvalidFields(new() { ["grade"] = "major", ["reason"] = "通道堵塞严重", ["phone"] = "12345" }));
        Assert.Equal(["unit"], InvalidFields(new() { ["grade"] = "major", ["reason"] = "通道堵塞严重", ["unit"] = "police" }));
        Assert.Equal(["due"], InvalidFields(new() { ["grade"] = "major", ["reason"] = "通道堵塞严重", ["due"] = "30/06/2021" }));
    }

    [Fact]
    public void Every_campaign_form_parses_and_has_fields()
    {
        var folder = Path.Combine(AppContext.BaseDirectory, "workflows", "forms");
        var files = Directory.GetFiles(folder, "*.form");

        Assert.NotEmpty(files);
        Assert.All(files, file =>
        {
            using var document = JsonDocument.Parse(File.ReadAllText(file));
            Assert.NotEmpty(FormSchema.Parse(document.RootElement).Fields);
        });
    }

    [Theory]
    [InlineData("camunda-forms:deployment:hazard-grading.form", "hazard-grading.form")]
    [InlineData("camunda-forms:deployment:../secrets.form", null)]
    [InlineData("embedded:app:forms/x.html", null)]
    [InlineData(null, null)]
    public void Only_deployment_form_keys_with_plain_names_name_a_form(string? formKey, string? fileName) =>
        Assert.Equal(fileName, FormKeys.FormFileName(formKey));
}
