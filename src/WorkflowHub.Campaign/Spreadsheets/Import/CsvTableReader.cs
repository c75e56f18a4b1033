using System.Text;

namespace WorkflowHub.Campaign.Spreadsheets.Import;

/// <summary>
/// Splits CSV text into rows (RFC 4180: quoted fields may hold separators, doubled quotes and line breaks).
/// The separator is a comma, or a tab when the first line has more tabs (Excel's "Unicode text" export).
/// </summary>
internal static class CsvTableReader
{
    public static IEnumerable<SourceRow> Read(string text)
    {
        var separator = DetectSeparator(text);
        var cells = new List<object?>();
        var field = new StringBuilder();
        var inQuotes = false;
        var rowNumber = 1;
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (inQuotes)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"')
                {
                    field.Append('"');
                    i += 2;
                    continue;
                }
                if (c == '"')
                {
                    inQuotes = false;
                }
                else
                {
                    field.Append(c);
                }
                i++;
                continue;
            }

            if (c == '"' && field.Length == 0)
            {
                inQuotes = true;
            }
            else if (c == separator)
            {
                cells.Add(field.ToString());
                field.Clear();
            }
            else if (c is '\r' or '\n')
            {
                cells.Add(field.ToString());
                field.Clear();
                yield return new SourceRow(rowNumber++, cells);
                cells = [];
                if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
                {
                    i++;
                }
            }
            else
            {
                field.Append(c);
            }
            i++;
        }

        if (field.Length > 0 || cells.Count > 0)
        {
            cells.Add(field.ToString());
            yield return new SourceRow(rowNumber, cells);
        }
    }

    private static char DetectSeparator(string text)
    {
        var end = text.IndexOfAny(['\r', '\n']);
        var firstLine = end < 0 ? text : text[..end];
        return firstLine.Count(c => c == '\t') > firstLine.Count(c => c == ',') ? '\t' : ',';
    }
}
