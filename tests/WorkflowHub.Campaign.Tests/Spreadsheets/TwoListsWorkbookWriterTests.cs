using WorkflowHub.Campaign.Spreadsheets.Export;

namespace WorkflowHub.Campaign.Tests.Spreadsheets;

public sealed class TwoListsWorkbookWriterTests
{
    private const string Campaign = "哈尔滨市安全生产专项整治三年行动";
    private static readonly DateOnly ExportDate = new(2021, 3, 15);
    private static readonly ListExportHeader Header = new(Campaign, "市安委会办公室", ExportDate);

    // Given out of order on purpose: sheets must follow the plan's numbers.
    private static readonly SpreadsheetArea[] Areas =
    [
        new(6, "fire-safety", "消防安全整治"),
        new(1, "study-safety-thought", "学习宣传贯彻习近平总书记关于安全生产重要论述专题"),
        new(3, "hazardous-chemicals", "危险化学品安全整治"),
        new(4, "coal-mines", "煤矿安全整治"),
    ];

    private static HazardListRow Hazard(string number, string area, string state, DateOnly? timeLimit, DateOnly? closedAt = null) => new(
        number, $"隐患{number}", "疏散通道堵塞", area, "道里区", "市消防救援支队", "某商场", "自查", "一般",
        new DateOnly(2020, 7, 1), timeLimit, state, false, closedAt);

    private static byte[] ExportHazards(IEnumerable<HazardListRow> rows)
    {
        using var stream = new MemoryStream();
        new TwoListsWorkbookWriter().WriteHazardList(stream, Header, Areas, rows);
        return stream.ToArray();
    }

    private static readonly HazardListRow[] HazardRows =
    [
        Hazard("XF-001", "fire-safety", "已销号", new DateOnly(2020, 9, 1), new DateOnly(2020, 8, 20)),
        Hazard("XF-002", "fire-safety", "整改中", new DateOnly(2021, 1, 31)), // overdue on 2021-03-15
        Hazard("XF-003", "fire-safety", "整改中", new DateOnly(2021, 6, 30)),
        Hazard("WH-001", "hazardous-chemicals", "待验收", new DateOnly(2021, 3, 14)), // overdue
        Hazard("WH-002", "hazardous-chemicals", "已销号", new DateOnly(2021, 3, 1)), // state alone closes it
    ];

    [Fact]
    public void Hazard_list_has_summary_first_then_one_sheet_per_area_in_plan_order()
    {
        using var xlsx = new XlsxInspector(ExportHazards(HazardRows));

        Assert.Equal(["汇总", "学习宣传贯彻习近平总书记关于安全生产重要论述专题", "危险化学品安全", "煤矿安全", "消防安全"], xlsx.SheetNames);
    }

    [Fact]
    public void Area_sheet_has_merged_title_subtitle_and_chinese_header_frozen_below()
    {
        using var xlsx = new XlsxInspector(ExportHazards(HazardRows));

        Assert.Equal($"{Campaign} 问题隐患清单（消防安全）", xlsx.Text("消防安全", "A1"));
        Assert.Equal("填报单位：市安委会办公室　　导出日期：2021-03-15", xlsx.Text("消防安全", "A2"));
        string[] expectedHeaders =
            ["序号", "编号", "隐患名称", "隐患描述", "区县(市)", "责任单位", "生产经营单位", "来源", "等级", "发现时间", "整改时限", "状态", "挂牌督办", "销号时间"];
        var headers = expectedHeaders.Select((_, i) => xlsx.Text("消防安全", $"{(char)('A' + i)}3")).ToArray();
        Assert.Equal(expectedHeaders, headers);
        Assert.True(xlsx.IsBold("消防安全", "A1"));
        Assert.True(xlsx.IsBold("消防安全", "C3"));
        Assert.Contains("A1:N1", xlsx.MergedRanges("消防安全"));
        Assert.Contains("A2:N2", xlsx.MergedRanges("消防安全"));
        var pane = xlsx.FrozenPane("消防安全");
        Assert.NotNull(pane);
        Assert.Equal("A4", pane.TopLeftCell?.Value);
        Assert.Equal(3D, pane.HorizontalSplit?.Value);
        Assert.Equal(14, xlsx.ColumnWidths("消防安全").Count);
        Assert.True(xlsx.ColumnWidths("消防安全")[3] > xlsx.ColumnWidths("消防安全")[0], "the description column is wider than 序号");
    }

    [Fact]
    public void Area_sheets_hold_their_rows_and_empty_areas_keep_their_header()
    {
        using var xlsx = new XlsxInspector(ExportHazards(HazardRows));

        Assert.Equal(3, xlsx.DataRowCount("消防安全"));
        Assert.Equal(2, xlsx.DataRowCount("危险化学品安全"));
        Assert.Equal(0, xlsx.DataRowCount("煤矿安全"));
        Assert.Equal("编号", xlsx.Text("煤矿安全", "B3"));
        Assert.Equal($"{Campaign} 问题隐患清单（煤矿安全）", xlsx.Text("煤矿安全", "A1"));

        Assert.Equal("1", xlsx.Text("消防安全", "A4"));
        Assert.Equal("XF-001", xlsx.Text("消防安全", "B4"));
        Assert.Equal("隐患XF-002", xlsx.Text("消防安全", "C5"));
        Assert.Equal("否", xlsx.Text("消防安全", "M4"));
    }

    [Fact]
    public void Dates_are_real_dates_shown_as_yyyy_MM_dd_and_missing_dates_stay_empty()
    {
        using var xlsx = new XlsxInspector(ExportHazards(HazardRows));

        Assert.Equal("yyyy-mm-dd", xlsx.FormatCode("消防安全", "J4"));
        Assert.Equal(new DateTime(2020, 7, 1), DateTime.FromOADate(xlsx.Number("消防安全", "J4")));
        Assert.Equal(new DateTime(2020, 8, 20), DateTime.FromOADate(xlsx.Number("消防安全", "N4")));
        Assert.Null(xlsx.Cell("消防安全", "N5")!.CellValue);
    }

    [Fact]
    public void Summary_counts_total_closed_open_and_overdue_per_area_with_a_total_row()
    {
        using var xlsx = new XlsxInspector(ExportHazards(HazardRows));

        Assert.Equal($"{Campaign} 问题隐患清单（汇总）", xlsx.Text("汇总", "A1"));
        Assert.Equal(["序号", "专项领域", "隐患总数", "已销号", "未销号", "逾期未整改"],
            new[] { "A3", "B3", "C3", "D3", "E3", "F3" }.Select(r => xlsx.Text("汇总", r)).ToArray());
        // Rows 4..7 are the areas in plan order (1, 3, 4, 6), row 8 the total.
        Assert.Equal("学习宣传贯彻习近平总书记关于安全生产重要论述专题", xlsx.Text("汇总", "B4"));
        Assert.Equal(["危险化学品安全整治", "2", "1", "1", "1"], Row(xlsx, 5));
        Assert.Equal(["煤矿安全整治", "0", "0", "0", "0"], Row(xlsx, 6));
        Assert.Equal(["消防安全整治", "3", "1", "2", "1"], Row(xlsx, 7));
        Assert.Equal("合计", xlsx.Text("汇总", "A8"));
        Assert.Equal(["5", "2", "3", "2"], Row(xlsx, 8).Skip(1).ToArray());
        Assert.Equal(5, xlsx.DataRowCount("汇总"));

        static string[] Row(XlsxInspector x, int row) =>
            new[] { "B", "C", "D", "E", "F" }.Select(c => x.Text("汇总", $"{c}{row}")).ToArray();
    }

    [Fact]
    public void Measure_list_uses_the_same_layout_with_its_own_columns_and_labels()
    {
        MeasureListRow[] rows =
        [
            new("ZD-001", "建立消防安全隐患排查整治制度", "每季度排查一次", "fire-safety", "市消防救援支队", new DateOnly(2020, 12, 31), "已完成", new DateOnly(2020, 11, 30)),
            new("ZD-002", "完善危化品运输监管机制", "联合执法", "hazardous-chemicals", "市交通运输局", new DateOnly(2021, 2, 28), "推进中", null),
            new("ZD-003", "建立宣讲制度", null, "study-safety-thought", "市委宣传部", null, "推进中", null),
        ];
        using var stream = new MemoryStream();
        new TwoListsWorkbookWriter().WriteMeasureList(stream, Header, Areas, rows);
        using var xlsx = new XlsxInspector(stream.ToArray());

        Assert.Equal(5, xlsx.SheetNames.Count);
        Assert.Equal($"{Campaign} 制度措施清单（危险化学品安全）", xlsx.Text("危险化学品安全", "A1"));
        Assert.Equal(["序号", "编号", "制度措施名称", "主要内容", "责任单位", "完成时限", "状态", "完成时间"],
            "ABCDEFGH".Select(c => xlsx.Text("消防安全", $"{c}3")).ToArray());
        Assert.Contains("A1:H1", xlsx.MergedRanges("消防安全"));
        Assert.Equal("yyyy-mm-dd", xlsx.FormatCode("消防安全", "F4"));
        Assert.Equal(["措施总数", "已完成", "未完成", "逾期未完成"], "CDEF".Select(c => xlsx.Text("汇总", $"{c}3")).ToArray());
        Assert.Equal(["3", "1", "2", "1"], "CDEF".Select(c => xlsx.Text("汇总", $"{c}8")).ToArray());
        Assert.Equal(1, xlsx.DataRowCount("学习宣传贯彻习近平总书记关于安全生产重要论述专题"));
    }

    [Fact]
    public void Both_workbooks_are_valid_open_xml()
    {
        using var hazards = new XlsxInspector(ExportHazards(HazardRows));
        using var stream = new MemoryStream();
        new TwoListsWorkbookWriter().WriteMeasureList(stream, Header, Areas,
            [new MeasureListRow("ZD-1", "制度", "内容", "coal-mines", "市应急管理局", new DateOnly(2021, 1, 1), "推进中", null)]);
        using var measures = new XlsxInspector(stream.ToArray());

        Assert.Empty(hazards.SchemaErrors());
        Assert.Empty(measures.SchemaErrors());
    }

    [Fact]
    public void Rows_of_an_area_not_in_the_list_are_refused_rather_than_dropped()
    {
        var stray = Hazard("X-1", "no-such-area", "整改中", null);

        var error = Assert.Throws<ArgumentException>(() => ExportHazards([stray]));
        Assert.Contains("no-such-area", error.Message);
    }

    [Fact]
    public void Writes_to_a_stream_that_cannot_seek()
    {
        using var inner = new MemoryStream();
        using var forwardOnly = new ForwardOnlyStream(inner);
        new TwoListsWorkbookWriter().WriteHazardList(forwardOnly, Header, Areas, HazardRows);
        using var xlsx = new XlsxInspector(inner.ToArray());
        Assert.Equal(5, xlsx.SheetNames.Count);
    }

    private sealed class ForwardOnlyStream(Stream inner) : Stream
    {
        public override bool CanRead => false;
        public override bool CanSeek => false;
        public override bool CanWrite => true;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
        public override void Flush() => inner.Flush();
        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => inner.Write(buffer, offset, count);
    }
}
