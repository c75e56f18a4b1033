using System.IO.Compression;
using System.Text;

namespace WorkflowHub.Campaign.Spreadsheets.Import;

internal enum ImportFileKind
{
    Xlsx,
    Csv,
    Unsupported,
}

/// <summary>
/// Decides by content, never by file name, what an upload is: an XLSX workbook (a zip holding xl/workbook.xml) or text.
/// Text is decoded by its BOM, else as UTF-8 when the bytes are valid UTF-8, else as GB18030 (what Chinese Excel saves as "CSV").
/// </summary>
internal static class ImportFileFormat
{
    private static readonly byte[] ZipSignature = [0x50, 0x4B, 0x03, 0x04];
    private static readonly byte[] OleSignature = [0xD0, 0xCF, 0x11, 0xE0];

    static ImportFileFormat() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    public static (ImportFileKind Kind, string? Text, string ReasonZh, string ReasonEn) Detect(byte[] bytes)
    {
        if (bytes.Length == 0)
        {
            return (ImportFileKind.Unsupported, null, "文件为空", "the file is empty");
        }
        if (bytes.AsSpan().StartsWith(ZipSignature))
        {
            return IsXlsx(bytes)
                ? (ImportFileKind.Xlsx, null, string.Empty, string.Empty)
                : (ImportFileKind.Unsupported, null, "压缩文件不是 Excel 工作簿(.xlsx)", "the zip file is not an Excel workbook (.xlsx)");
        }
        if (bytes.AsSpan().StartsWith(OleSignature))
        {
            return (ImportFileKind.Unsupported, null, "不支持旧版 Excel(.xls)文件，请另存为 .xlsx", "old Excel (.xls) files are not supported, save as .xlsx");
        }
        var text = DecodeText(bytes);
        return text is null
            ? (ImportFileKind.Unsupported, null, "文件既不是 Excel 工作簿(.xlsx)也不是 CSV 文本", "the file is neither an Excel workbook (.xlsx) nor CSV text")
            : (ImportFileKind.Csv, text, string.Empty, string.Empty);
    }

    private static bool IsXlsx(byte[] bytes)
    {
        try
        {
            using var zip = new ZipArchive(new MemoryStream(bytes, writable: false), ZipArchiveMode.Read);
            return zip.GetEntry("xl/workbook.xml") is not null;
        }
        catch (InvalidDataException)
        {
            return false;
        }
    }

    /// <summary>The decoded text, or null when the bytes are not text in any encoding we accept.</summary>
    internal static string? DecodeText(byte[] bytes)
    {
        var span = bytes.AsSpan();
        string? text;
        if (span.StartsWith((byte[])[0xEF, 0xBB, 0xBF]))
        {
            text = TryDecode(new UTF8Encoding(false, throwOnInvalidBytes: true), bytes, 3);
        }
        else if (span.StartsWith((byte[])[0xFF, 0xFE]))
        {
            text = TryDecode(new UnicodeEncoding(bigEndian: false, byteOrderMark: false, throwOnInvalidBytes: true), bytes, 2);
        }
        else if (span.StartsWith((byte[])[0xFE, 0xFF]))
        {
            text = TryDecode(new UnicodeEncoding(bigEndian: true, byteOrderMark: false, throwOnInvalidBytes: true), bytes, 2);
        }
        else
        {
            text = TryDecode(new UTF8Encoding(false, throwOnInvalidBytes: true), bytes, 0)
                ?? TryDecode(Encoding.GetEncoding("GB18030", EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback), bytes, 0);
        }
        return text is not null && LooksLikeText(text) ? text : null;
    }

    private static string? TryDecode(Encoding encoding, byte[] bytes, int offset)
    {
        try
        {
            return encoding.GetString(bytes, offset, bytes.Length - offset);
        }
        catch (DecoderFallbackException)
        {
            return null;
        }
    }

    // Binary files decode "successfully" far too often; control characters other than tab and line breaks give them away.
    private static bool LooksLikeText(string text) =>
        !text.Any(c => c < ' ' && c is not ('\t' or '\r' or '\n' or '\f'));
}
