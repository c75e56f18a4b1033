namespace WorkflowHub.Campaign.Spreadsheets.Import;

/// <summary>
/// Reads an enterprise's hazard list (XLSX first sheet, or CSV in UTF-8 or GB18030) and validates every row.
/// It never imports: the caller stores <see cref="ImportResult.ValidRows"/> only when there are no errors,
/// or when the user chose to import the valid rows.
/// </summary>
public sealed class HazardImportReader(IImportLookups lookups, TimeProvider timeProvider, ImportLimits? limits = null)
{
    private const int ProgressEvery = 100;
    private readonly ImportLimits _limits = limits ?? ImportLimits.Default;

    public async Task<ImportResult> ReadAsync(Stream content, IProgress<int>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(content);
        var bytes = await ReadBoundedAsync(content, cancellationToken);
        if (bytes is null)
        {
            var megabytes = _limits.MaxFileBytes / (1024.0 * 1024.0);
            return ImportResult.Rejected(FileError(ImportErrorCode.FileTooLarge,
                $"文件超过 {megabytes:0.#} MB 的上限", $"the file is larger than the {megabytes:0.#} MB limit"));
        }

        var (kind, text, reasonZh, reasonEn) = ImportFileFormat.Detect(bytes);
        IEnumerable<SourceRow> rows = kind switch
        {
            ImportFileKind.Xlsx => XlsxTableReader.Read(new MemoryStream(bytes, writable: false)),
            ImportFileKind.Csv => CsvTableReader.Read(text!),
            _ => [],
        };
        if (kind == ImportFileKind.Unsupported)
        {
            return ImportResult.Rejected(FileError(ImportErrorCode.UnsupportedFormat, reasonZh, reasonEn));
        }

        try
        {
            return Validate(rows, progress, cancellationToken);
        }
        catch (Exception ex) when (ex is InvalidDataException or InvalidOperationException or System.Xml.XmlException)
        {
            // A damaged workbook that still looked like one; say so rather than fail the request.
            return ImportResult.Rejected(FileError(ImportErrorCode.UnsupportedFormat,
                "无法读取 Excel 工作簿，文件可能已损坏", "the Excel workbook cannot be read, the file may be damaged"));
        }
    }

    private ImportResult Validate(IEnumerable<SourceRow> rows, IProgress<int>? progress, CancellationToken cancellationToken)
    {
        var today = DateOnly.FromDateTime(timeProvider.GetLocalNow().DateTime);
        HazardRowValidator? validator = null;
        var valid = new List<HazardImportRow>();
        var errors = new List<ImportRowError>();
        var total = 0;

        foreach (var row in rows)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (validator is null)
            {
                if (row.RowNumber > _limits.MaxHeaderSearchRows)
                {
                    break;
                }
                var map = HeaderRowLocator.TryMap(row);
                if (map is not null)
                {
                    var missing = HazardImportColumns.Required.Where(c => !map.ContainsKey(c)).ToList();
                    if (missing.Count > 0)
                    {
                        return ImportResult.Rejected(FileError(ImportErrorCode.MissingColumn,
                            $"第{row.RowNumber}行表头缺少必填列：{string.Join("、", missing.Select(HazardImportColumns.HeaderZh))}",
                            $"the header in row {row.RowNumber} lacks required columns: {string.Join(", ", missing.Select(HazardImportColumns.NameEn))}"));
                    }
                    validator = new HazardRowValidator(map, lookups, today);
                }
                continue;
            }

            if (row.IsEmpty)
            {
                continue;
            }
            if (++total > _limits.MaxRows)
            {
                return ImportResult.Rejected(FileError(ImportErrorCode.TooManyRows,
                    $"数据超过 {_limits.MaxRows} 行的上限，请拆分文件", $"more than {_limits.MaxRows} data rows, split the file"), total);
            }
            if (validator.Validate(row, errors) is { } hazard)
            {
                valid.Add(hazard);
            }
            if (total % ProgressEvery == 0)
            {
                progress?.Report(total);
            }
        }

        if (validator is null)
        {
            return ImportResult.Rejected(FileError(ImportErrorCode.HeaderNotFound,
                $"前{_limits.MaxHeaderSearchRows}行中未找到表头（需要 隐患名称、专项领域、区县(市)、发现时间 等列）",
                $"no header row in the first {_limits.MaxHeaderSearchRows} rows (expected columns title, area, district, found at)"));
        }
        progress?.Report(total);
        return new ImportResult(valid, errors, total);
    }

    /// <summary>The whole upload, or null as soon as it passes the size limit (so a huge upload is never held in memory).</summary>
    private async Task<byte[]?> ReadBoundedAsync(Stream content, CancellationToken cancellationToken)
    {
        if (content.CanSeek && content.Length - content.Position > _limits.MaxFileBytes)
        {
            return null;
        }
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await content.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > _limits.MaxFileBytes)
            {
                return null;
            }
            buffer.Write(chunk, 0, read);
        }
        return buffer.ToArray();
    }

    private static ImportRowError FileError(ImportErrorCode code, string messageZh, string messageEn) =>
        new(null, null, code, messageZh, messageEn);
}
