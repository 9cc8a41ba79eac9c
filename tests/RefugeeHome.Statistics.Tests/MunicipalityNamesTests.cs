using AwesomeAssertions;
using RefugeeHome.Matching.Municipalities;

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

    [Fact]
    public void Every_listed_municipality_has_a_province_and_lies_within_the_Netherlands()
    {
        var names = MunicipalityNames.Default;

        foreach (var municipality in names.Canonical)
        {
            names.ProvinceOf(municipality).Should().NotBeNullOrWhiteSpace(municipality);
            names.PositionOf(municipality).Should().NotBeNull(municipality);
            var (latitude, longitude) = names.PositionOf(municipality)!.Value;
            latitude.Should().BeInRange(50.75, 53.5, municipality);
            longitude.Should().BeInRange(3.35, 7.23, municipality);
        }
    }

    [Fact]
    public void Any_spelling_finds_the_position_and_an_unlisted_municipality_has_none()
    {
        MunicipalityNames.Default.PositionOf("Den Bosch").Should().Be(MunicipalityNames.Default.PositionOf("'s-Hertogenbosch"));
        MunicipalityNames.Default.PositionOf("Utreht").Should().BeNull();
    }

    [Fact]
    public void The_list_holds_every_municipality_of_2026_and_only_those()
    {
        var names = MunicipalityNames.Default;

        names.Canonical.Should().HaveCount(342);
        names.IsListed("Voorne aan Zee").Should().BeTrue("it was formed in 2023");
        names.IsListed("Hengelo").Should().BeTrue("the municipality in Overijssel is meant");
        names.ProvinceOf("Vijfheerenlanden").Should().Be("Utrecht", "it has belonged to Utrecht since 2019");
        names.IsListed("Hellevoetsluis").Should().BeFalse("it merged into Voorne aan Zee");
        names.IsListed("Utreht").Should().BeFalse();
        names.IsListed("  ").Should().BeFalse();
    }
}
