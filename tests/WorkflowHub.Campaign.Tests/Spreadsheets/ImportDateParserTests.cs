using WorkflowHub.Campaign.Spreadsheets.Import;

namespace WorkflowHub.Campaign.Tests.Spreadsheets;

public sealed class ImportDateParserTests
{
    [Theory]
    [InlineData("2020/7/1")]
    [InlineData("2020-07-01")]
    [InlineData("2020.7.1")]
    [InlineData("2020年7月1日")]
    [InlineData("20200701")]
    [InlineData("2020-07-01 09:30")]
    [InlineData(" 2020/07/01 ")]
    [InlineData("44013")]
    public void Text_dates_in_the_usual_forms_are_read(string text)
    {
        Assert.True(ImportDateParser.TryParse(text, out var date));
        Assert.Equal(new DateOnly(2020, 7, 1), date);
    }

    [Fact]
    public void Excel_serials_and_date_cells_are_read()
    {
        Assert.True(ImportDateParser.TryParse(44013d, out var fromSerial));
        Assert.Equal(new DateOnly(2020, 7, 1), fromSerial);
        Assert.True(ImportDateParser.TryParse(new DateTime(2020, 7, 1, 8, 0, 0), out var fromCell));
        Assert.Equal(new DateOnly(2020, 7, 1), fromCell);
    }

    [Theory]
    [InlineData("2020-13-01")]
    [InlineData("七月一日")]
    [InlineData("2020/2/30")]
    [InlineData("-5")]
    [InlineData("")]
    public void Nonsense_is_not_a_date(string text) => Assert.False(ImportDateParser.TryParse(text, out _));
}
