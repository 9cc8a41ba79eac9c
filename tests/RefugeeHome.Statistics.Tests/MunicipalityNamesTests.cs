using AwesomeAssertions;
using RefugeeHome.Statistics.Municipalities;

namespace RefugeeHome.Statistics.Tests;

public sealed class MunicipalityNamesTests
{
    [Theory]
    [InlineData("'s-Hertogenbosch", "'s-Hertogenbosch")]
    [InlineData("s-Hertogenbosch", "'s-Hertogenbosch")]
    [InlineData("\u2019s-Hertogenbosch", "'s-Hertogenbosch")]
    [InlineData("Den Bosch", "'s-Hertogenbosch")]
    [InlineData("  den   BOSCH ", "'s-Hertogenbosch")]
    [InlineData("Den Haag", "'s-Gravenhage")]
    [InlineData("'s Gravenhage", "'s-Gravenhage")]
    [InlineData("amsterdam", "Amsterdam")]
    [InlineData("Zaandam", "Zaanstad")]
    [InlineData("Sudwest-Fryslan", "Súdwest-Fryslân")]
    [InlineData("Alphen a/d Rijn", "Alphen aan den Rijn")]
    [InlineData("  Nieuwe   Gemeente ", "Nieuwe Gemeente")]
    public void Variants_map_to_one_canonical_name_and_unknown_names_keep_their_cleaned_form(string written, string expected) =>
        MunicipalityNames.Default.Normalize(written).Should().Be(expected);

    [Fact]
    public void The_pilot_municipalities_and_the_twenty_largest_are_on_the_list() =>
        MunicipalityNames.Default.Canonical.Should().Contain([
            "Amsterdam", "Rotterdam", "Eindhoven", "Zaanstad", "'s-Gravenhage", "Utrecht", "Groningen", "Tilburg", "Almere", "Breda",
            "Nijmegen", "Apeldoorn", "Arnhem", "Haarlem", "Haarlemmermeer", "Amersfoort", "Enschede", "'s-Hertogenbosch", "Zwolle",
            "Zoetermeer", "Leiden", "Leeuwarden", "Maastricht", "Dordrecht", "Ede"]);

    [Fact]
    public void A_blank_name_is_refused()
    {
        var normalize = () => MunicipalityNames.Default.Normalize("   ");

        normalize.Should().Throw<ArgumentException>().WithMessage("*municipality name is required*");
    }
}
