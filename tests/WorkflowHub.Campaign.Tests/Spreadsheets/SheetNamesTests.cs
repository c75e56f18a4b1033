using WorkflowHub.Campaign.Spreadsheets.Export;

namespace WorkflowHub.Campaign.Tests.Spreadsheets;

public sealed class SheetNamesTests
{
    [Fact]
    public void Forbidden_characters_are_replaced_and_long_names_cut_to_31()
    {
        var names = new SheetNames();

        Assert.Equal("消防_安全_整治_", names.Reserve("消防[安全]整治?"));
        var longName = names.Reserve(new string('长', 40));
        Assert.Equal(31, longName.Length);
    }

    [Fact]
    public void Duplicate_names_get_a_numbered_suffix_within_31_characters()
    {
        var names = new SheetNames();
        var wanted = new string('甲', 31);

        var first = names.Reserve(wanted);
        var second = names.Reserve(wanted);
        var third = names.Reserve("汇总");
        var fourth = names.Reserve("汇总");

        Assert.Equal(wanted, first);
        Assert.Equal(new string('甲', 28) + "(2)", second);
        Assert.Equal("汇总", third);
        Assert.Equal("汇总(2)", fourth);
    }

    [Theory]
    [InlineData("消防安全整治", "消防安全")]
    [InlineData("学习宣传贯彻习近平总书记关于安全生产重要论述专题", "学习宣传贯彻习近平总书记关于安全生产重要论述专题")]
    public void Area_short_name_drops_the_trailing_rectification_word(string nameZh, string expected) =>
        Assert.Equal(expected, new SpreadsheetArea(1, "a", nameZh).DisplayShortNameZh);

    [Fact]
    public void Area_short_name_from_the_plan_wins() =>
        Assert.Equal("消防", new SpreadsheetArea(6, "fire-safety", "消防安全整治", "消防").DisplayShortNameZh);
}
