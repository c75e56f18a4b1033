using System.Xml;
using System.Xml.Linq;

namespace WorkflowHub.Engine.Parsing;

/// <summary>
/// Reads untrusted XML: no DTD (so no external entities and no entity expansion), no resolver, a size limit and a
/// depth limit. Anything else is reported as a <see cref="BpmnParseException"/> with a clear reason.
/// </summary>
internal static class SafeXmlLoader
{
    public static XDocument Load(string xml, BpmnParserOptions options)
    {
        if (xml.Length > options.MaxCharacters)
        {
            throw new BpmnParseException($"The document has {xml.Length} characters; the limit is {options.MaxCharacters}.");
        }

        var settings = new XmlReaderSettings
        {
            DtdProcessing = DtdProcessing.Prohibit,
            XmlResolver = null,
            MaxCharactersInDocument = options.MaxCharacters,
            MaxCharactersFromEntities = 0,
            IgnoreComments = true,
            IgnoreProcessingInstructions = true,
        };

        try
        {
            using var stringReader = new StringReader(xml);
            using var reader = XmlReader.Create(stringReader, settings);
            using var guarded = new DepthLimitingReader(reader, options.MaxDepth);
            return XDocument.Load(guarded, LoadOptions.None);
        }
        catch (XmlException ex) when (ex.Message.Contains("DTD", StringComparison.OrdinalIgnoreCase))
        {
            throw new BpmnParseException("The document declares a DTD; DTDs and entity declarations are not allowed.", ex);
        }
        catch (XmlException ex)
        {
            throw new BpmnParseException($"The document is not well-formed XML: {ex.Message}", ex);
        }
    }
}
