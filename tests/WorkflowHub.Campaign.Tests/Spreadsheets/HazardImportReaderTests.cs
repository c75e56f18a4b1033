using System.IO.Compression;
using System.Text;
using MiniExcelLibs;
using WorkflowHub.Campaign.Spreadsheets.Export;
using WorkflowHub.Campaign.Spreadsheets.Import;

namespace WorkflowHub.Campaign.Tests.Spreadsheets;

public sealed class HazardImportReaderTests
{
    private static readonly ImportLookups Lookups = ImportLookups.FromPlan(
        [new SpreadsheetArea(6, "fire-safety", "消防安全整治"), new SpreadsheetArea(3, "hazardous-chemicals", "危险化学品安全整治")],
        [new LookupEntry("district-daoli", "道里区"), new LookupEntry("district-nangang", "南岗区"), new LookupEntry("district-yilan", "依兰县")]);

    // "Today" for every test: 2021-03-15.
    private static readonly ManualTimeProvider Clock = new(new DateTimeOffset(2021, 3, 15, 10, 0, 0, TimeSpan.Zero));

    static HazardImportReaderTests() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    private static Task<ImportResult> ReadAsync(byte[] bytes, ImportLimits? limits = null, IProgress<int>? progress = null) =>
        new HazardImportReader(Lookups, Clock, limits).ReadAsync(new MemoryStream(bytes), progress);

    private static readonly string[] ChineseHeader = ["隐患名称", "隐患描述", "专项领域", "区县(市)", "生产经营单位", "来源", "发现时间", "位置"];

    private static byte[] Xlsx(params object?[][] rows)
    {
        var width = rows.Max(r => r.Length);
        var table = rows.Select(r => Enumerable.Range(0, width).ToDictionary(
            i => ((char)('A' + i)).ToString(), i => i < r.Length ? r[i] : null)).ToList();
        using var stream = new MemoryStream();
        stream.SaveAs(table, printHeader: false, excelType: ExcelType.XLSX);
        return stream.ToArray();
    }

    [Fact]
    public async Task Xlsx_with_a_title_row_reports_each_bad_row_and_keeps_the_good_ones()
    {
        var bytes = Xlsx(
            ["哈尔滨某商贸有限公司安全隐患自查清单"],
            ChineseHeader,
            ["疏散通道堵塞", "一楼东侧疏散通道堆放货物", "消防安全整治", "道里区", "某商场", "自查", new DateTime(2020, 7, 1), "一楼"],
            ["储罐区未设防火堤", null, "hazardous-chemicals", "district-nangang", "某化工厂", "执法检查", "2020年8月3日", null],
            ["灭火器过期", null, "消防安全整治", "道里", "某商场", "自查", "2020/7/1", null],
            [null, "缺名称", "消防安全整治", "道里区", "某商场", "自查", "2020-07-01", null],
            ["消防栓无水", null, "消防安全整治", "道里区", "某商场", "自查", "2020-13-45", null],
            ["电线私拉乱接", null, "消防安全整治", "道里区", "某商场", "自查", "2021-04-01", null],
            [],
            ["安全出口上锁", null, "消防安全", "依兰县", "某酒店", "四不两直", 44013d, "三楼"],
            ["违规动火", null, "交通", "南岗区", "某工地", "巡查", "2020-07-02", null]);

        var result = await ReadAsync(bytes);

        Assert.Equal(8, result.TotalRows);
        Assert.False(result.IsRejected);
        Assert.Equal([3, 4, 10], result.ValidRows.Select(r => r.RowNumber));
        Assert.Equal(
            [(5, ImportErrorCode.UnknownDistrict), (6, ImportErrorCode.Required), (7, ImportErrorCode.InvalidDate),
             (8, ImportErrorCode.FutureDate), (11, ImportErrorCode.UnknownArea), (11, ImportErrorCode.UnknownSource)],
            result.Errors.Select(e => (e.RowNumber!.Value, e.Code)).OrderBy(e => e.Item1).ThenBy(e => e.Code.ToString()));

        var district = result.Errors.Single(e => e.RowNumber == 5);
        Assert.Equal("第5行 区县(市): 未知的区县 \"道里\"", district.MessageZh);
        Assert.Equal("row 5 district: unknown district \"道里\"", district.MessageEn);
        Assert.Equal("区县(市)", district.ColumnZh);
        Assert.Equal("第6行 隐患名称: 不能为空", result.Errors.Single(e => e.RowNumber == 6).MessageZh);

        var first = result.ValidRows[0];
        Assert.Equal(new HazardImportRow(3, "疏散通道堵塞", "一楼东侧疏散通道堆放货物", "fire-safety", "district-daoli", "某商场",
            HazardImportSource.SelfInspection, new DateOnly(2020, 7, 1), "一楼"), first);
        Assert.Equal(("hazardous-chemicals", "district-nangang", HazardImportSource.Inspection, new DateOnly(2020, 8, 3)),
            (result.ValidRows[1].AreaCode, result.ValidRows[1].DistrictCode, result.ValidRows[1].Source, result.ValidRows[1].FoundAt));
        Assert.Equal((HazardImportSource.UnannouncedInspection, new DateOnly(2020, 7, 1), "fire-safety"),
            (result.ValidRows[2].Source, result.ValidRows[2].FoundAt, result.ValidRows[2].AreaCode));
    }

    [Fact]
    public async Task Today_is_allowed_tomorrow_is_not()
    {
        var bytes = Xlsx(ChineseHeader,
            ["今天发现", null, "消防安全整治", "道里区", null, null, "2021-03-15", null],
            ["明天发现", null, "消防安全整治", "道里区", null, null, "2021-03-16", null]);

        var result = await ReadAsync(bytes);

        Assert.Equal(2, Assert.Single(result.ValidRows).RowNumber);
        var error = Assert.Single(result.Errors);
        Assert.Equal((3, ImportErrorCode.FutureDate), (error.RowNumber!.Value, error.Code));
        Assert.Contains("晚于今天 2021-03-15", error.MessageZh);
    }

    private const string CsvText =
        "隐患名称,隐患描述,专项领域,区县（市）,生产经营单位,来源,发现时间\r\n" +
        "疏散通道堵塞,\"货物堆放,占用通道\r\n需清理\",消防安全整治,道里区,哈尔滨某商场,自查,2020/7/1\r\n" +
        "储罐泄漏,,危险化学品安全整治,松北区,某化工厂,举报,2020-07-05\r\n";

    [Fact]
    public async Task Csv_in_utf8_with_bom_and_quoted_line_breaks_is_read()
    {
        var bytes = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(CsvText)).ToArray();

        await AssertCsvRead(bytes);
    }

    [Fact]
    public async Task Csv_in_gb18030_is_detected_and_read()
    {
        var bytes = Encoding.GetEncoding("GB18030").GetBytes(CsvText);
        Assert.Throws<DecoderFallbackException>(() => new UTF8Encoding(false, true).GetString(bytes));

        await AssertCsvRead(bytes);
    }

    private static async Task AssertCsvRead(byte[] bytes)
    {
        var result = await ReadAsync(bytes);

        Assert.Equal(2, result.TotalRows);
        var row = Assert.Single(result.ValidRows);
        Assert.Equal("货物堆放,占用通道\r\n需清理", row.Description);
        Assert.Equal(("哈尔滨某商场", "district-daoli", new DateOnly(2020, 7, 1)), (row.Enterprise, row.DistrictCode, row.FoundAt));
        var error = Assert.Single(result.Errors);
        Assert.Equal("第3行 区县(市): 未知的区县 \"松北区\"", error.MessageZh);
    }

    [Fact]
    public async Task English_headers_are_accepted_and_a_missing_source_means_self_inspection()
    {
        var bytes = Encoding.UTF8.GetBytes("Title,Area,District,Found at,Location\nBlocked exit,fire-safety,道里区,2020-07-01,Hall\n");

        var result = await ReadAsync(bytes);

        var row = Assert.Single(result.ValidRows);
        Assert.Empty(result.Errors);
        Assert.Equal(("Blocked exit", HazardImportSource.SelfInspection, "Hall"), (row.Title, row.Source, row.Location));
    }

    [Fact]
    public async Task A_header_without_a_required_column_refuses_the_file()
    {
        var result = await ReadAsync(Encoding.UTF8.GetBytes("隐患名称,专项领域,发现时间\n甲,消防安全整治,2020-07-01\n"));

        var error = Assert.Single(result.Errors);
        Assert.True(result.IsRejected);
        Assert.Equal(ImportErrorCode.MissingColumn, error.Code);
        Assert.Contains("区县(市)", error.MessageZh);
        Assert.Empty(result.ValidRows);
    }

    [Fact]
    public async Task Prose_renamed_to_a_spreadsheet_is_refused_for_lacking_a_header()
    {
        var result = await ReadAsync(Encoding.UTF8.GetBytes("会议纪要\n今天讨论了安全生产工作，下周继续。\n"));

        Assert.True(result.IsRejected);
        Assert.Equal(ImportErrorCode.HeaderNotFound, Assert.Single(result.Errors).Code);
    }

    [Fact]
    public async Task Binary_garbage_is_refused_by_content()
    {
        var garbage = new byte[4096];
        new Random(42).NextBytes(garbage);

        var result = await ReadAsync(garbage);

        Assert.True(result.IsRejected);
        Assert.Equal(ImportErrorCode.UnsupportedFormat, Assert.Single(result.Errors).Code);
    }

    [Fact]
    public async Task A_zip_that_is_not_a_workbook_is_refused()
    {
        using var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            using var entry = new StreamWriter(zip.CreateEntry("word/document.xml").Open());
            entry.Write("<document/>");
        }

        var result = await ReadAsync(stream.ToArray());

        var error = Assert.Single(result.Errors);
        Assert.Equal(ImportErrorCode.UnsupportedFormat, error.Code);
        Assert.Contains(".xlsx", error.MessageEn);
    }

    [Fact]
    public async Task An_oversize_file_is_refused_before_it_is_read()
    {
        var bytes = Encoding.UTF8.GetBytes(CsvText + new string('#', 2048));

        var result = await ReadAsync(bytes, new ImportLimits(MaxFileBytes: 1024));

        Assert.True(result.IsRejected);
        var error = Assert.Single(result.Errors);
        Assert.Equal(ImportErrorCode.FileTooLarge, error.Code);
        Assert.Null(error.RowNumber);
    }

    [Fact]
    public async Task An_oversize_upload_that_cannot_seek_is_refused_while_streaming()
    {
        var bytes = Encoding.UTF8.GetBytes(CsvText + new string('#', 200_000));

        var result = await new HazardImportReader(Lookups, Clock, new ImportLimits(MaxFileBytes: 100_000))
            .ReadAsync(new ForwardOnlyReadStream(bytes));

        Assert.Equal(ImportErrorCode.FileTooLarge, Assert.Single(result.Errors).Code);
    }

    [Fact]
    public async Task Excel_unicode_text_export_utf16_tab_separated_is_read()
    {
        var text = "隐患名称\t专项领域\t区县(市)\t发现时间\r\n疏散通道堵塞\t消防安全整治\t道里区\t2020/7/1\r\n";
        var bytes = Encoding.Unicode.GetPreamble().Concat(Encoding.Unicode.GetBytes(text)).ToArray();

        var result = await ReadAsync(bytes);

        Assert.Empty(result.Errors);
        Assert.Equal("疏散通道堵塞", Assert.Single(result.ValidRows).Title);
    }

    [Fact]
    public async Task A_damaged_workbook_is_refused_with_a_message()
    {
        using var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            using var entry = new StreamWriter(zip.CreateEntry("xl/workbook.xml").Open());
            entry.Write("<workbook");
        }

        var result = await ReadAsync(stream.ToArray());

        Assert.True(result.IsRejected);
        Assert.Equal(ImportErrorCode.UnsupportedFormat, Assert.Single(result.Errors).Code);
    }

    private sealed class ForwardOnlyReadStream(byte[] bytes) : Stream
    {
        private readonly MemoryStream _inner = new(bytes);
        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override int Read(byte[] buffer, int offset, int count) => _inner.Read(buffer, offset, count);
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }

    private static byte[] CsvWithRows(int count)
    {
        var text = new StringBuilder("隐患名称,专项领域,区县(市),发现时间\n");
        for (var i = 1; i <= count; i++)
        {
            text.Append($"隐患{i},消防安全整治,道里区,2020-07-01\n");
        }
        return Encoding.UTF8.GetBytes(text.ToString());
    }

    [Fact]
    public async Task Too_many_rows_refuse_the_whole_file()
    {
        var result = await ReadAsync(CsvWithRows(6), new ImportLimits(MaxRows: 5));

        Assert.True(result.IsRejected);
        Assert.Equal(ImportErrorCode.TooManyRows, Assert.Single(result.Errors).Code);
        Assert.Empty(result.ValidRows);
    }

    [Fact]
    public async Task Exactly_the_row_limit_is_accepted_and_progress_counts_rows_read()
    {
        var reported = new List<int>();
        var result = await ReadAsync(CsvWithRows(250), new ImportLimits(MaxRows: 250), new RecordingProgress(reported));

        Assert.Equal(250, result.ValidRows.Count);
        Assert.False(result.HasErrors);
        Assert.Equal([100, 200, 250], reported);
    }

    private sealed class RecordingProgress(List<int> reported) : IProgress<int>
    {
        public void Report(int value) => reported.Add(value);
    }
}
