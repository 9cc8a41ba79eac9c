using AwesomeAssertions;

namespace RefugeeHome.Registrations.Tests;

public sealed class TypedTextTests
{
    [Theory]
    [InlineData("BSN 123456782, let op", true)]
    [InlineData("bsn: 123.456.782", true)]
    [InlineData("1112 22 333", true)]
    [InlineData("123456789", false)]
    [InlineData("bel 0612345678", false)]
    [InlineData("factuur 2026-12-06", false)]
    [InlineData("", false)]
    public void A_citizen_service_number_is_found_however_it_is_written_and_other_numbers_are_not(string note, bool holds) =>
        TypedText.HoldsCitizenServiceNumber(note).Should().Be(holds);

    [Theory]
    [InlineData("regel één\nregel twee", true, true)]
    [InlineData("regel één\nregel twee", false, false)]
    [InlineData("tab\there", true, true)]
    [InlineData("bell\u0007", true, false)]
    [InlineData("\u202Eesrever", true, false)]
    public void Line_breaks_are_allowed_only_in_text_of_several_lines_and_control_marks_never(string value, bool multiline, bool clean) =>
        TypedText.IsClean(value, multiline).Should().Be(clean);
}
