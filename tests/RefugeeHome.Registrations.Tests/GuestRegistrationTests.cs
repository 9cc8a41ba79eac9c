using AwesomeAssertions;

namespace RefugeeHome.Registrations.Tests;

public sealed class GuestRegistrationTests
{
    private static GuestRegistration Household(string language, params HouseholdMember[] members) =>
        new(Guid.NewGuid().ToString(), language, "casework@zaanstad.example", "Zaanstad", true, members) { HouseholdLanguage = "uk", ContactName = "Oksana Melnyk", PrivacyInformed = true };

    [Fact]
    public void A_family_with_a_parent_in_the_household_may_wait_for_a_match()
    {
        var family = Household("uk", new HouseholdMember(38), new HouseholdMember(40), new HouseholdMember(9, Custody.ParentInHousehold, 0));

        GuestRegistrationValidation.Validate(family).Should().BeEmpty();
        family.MayBeMatched.Should().BeTrue();
    }

    [Theory]
    [InlineData("a minor on their own", new[] { 16 }, Custody.NoneInHousehold, null, new[] { 0 })]
    [InlineData("a minor with an adult sibling who is not their guardian", new[] { 19, 15 }, Custody.NoneInHousehold, null, new[] { 1 })]
    [InlineData("two minors whose custody is with nobody here", new[] { 22, 12, 10 }, Custody.NoneInHousehold, null, new[] { 1, 2 })]
    public void A_minor_without_a_parent_or_guardian_in_the_household_is_never_put_into_matching(
        string situation, int[] ages, Custody minorsCustody, int? custodian, int[] expectedUnaccompanied)
    {
        var members = ages.Select(age => age < 18 ? new HouseholdMember(age, minorsCustody, custodian) : new HouseholdMember(age)).ToArray();
        var household = Household("nl", members);

        GuestRegistrationValidation.Validate(household).Should().BeEmpty(situation + " is a fact to record, not an error");
        household.UnaccompaniedMinors.Should().Equal(expectedUnaccompanied, situation);
        household.MayBeMatched.Should().BeFalse(situation);
    }

    [Theory]
    [InlineData("nl", "Vraag en vul in wie het gezag heeft over dit kind.")]
    [InlineData("uk", "Запитайте та вкажіть, хто має опіку над цією дитиною.")]
    [InlineData("ru", "Спросите и укажите, кто имеет опеку над этим ребёнком.")]
    public void Custody_must_be_recorded_for_every_child(string language, string message)
    {
        var household = Household(language, new HouseholdMember(35), new HouseholdMember(4));

        GuestRegistrationValidation.Validate(household).Should().ContainSingle().Which.Message.Should().Be(message);
    }

    [Fact]
    public void A_parent_or_guardian_must_be_an_adult_of_the_household()
    {
        var household = Household("en", new HouseholdMember(35), new HouseholdMember(14), new HouseholdMember(6, Custody.GuardianInHousehold, 1), new HouseholdMember(14, Custody.ParentInHousehold, 0));

        var errors = GuestRegistrationValidation.Validate(household);

        errors.Should().ContainSingle(error => error.Message == "Choose an adult of this household as parent or guardian.");
        household.UnaccompaniedMinors.Should().Contain(2, "a 14-year-old cannot be the guardian");
    }

    [Fact]
    public void An_empty_household_and_a_header_breaking_caseworker_address_are_refused()
    {
        var household = Household("en") with { CaseworkerEmail = "casework@zaanstad.example\r\nBcc: x@example.org" };

        GuestRegistrationValidation.Validate(household).Select(error => error.Message).Should().BeEquivalentTo(
            ["Add the members of the household.", "'Email address' must not contain a line break, a control character or an invisible mark that reverses text."]);
    }

    [Fact]
    public void A_municipality_or_a_wished_municipality_not_on_the_list_is_refused_and_a_known_spelling_is_not()
    {
        var misspelt = Household("nl", new HouseholdMember(38)) with { Municipality = "Zaanstadt", PreferredMunicipality = "Utreht" };
        var known = Household("nl", new HouseholdMember(38)) with { Municipality = "zaanstad", PreferredMunicipality = "Den Bosch" };

        GuestRegistrationValidation.Validate(misspelt).Select(error => (error.Field, error.Message)).Should().BeEquivalentTo([
            ("Municipality", "'Zaanstadt' is geen Nederlandse gemeente. Kies een gemeente uit de lijst, zoals 's-Gravenhage of Súdwest-Fryslân."),
            ("PreferredMunicipality", "'Utreht' is geen Nederlandse gemeente. Kies een gemeente uit de lijst, zoals 's-Gravenhage of Súdwest-Fryslân."),
        ]);
        GuestRegistrationValidation.Validate(known).Should().BeEmpty();
    }

    [Theory]
    [InlineData("nl", "Vertel het huishouden in zijn eigen taal")]
    [InlineData("uk", "Поясніть домогосподарству його мовою")]
    public void A_household_not_told_how_its_data_is_handled_is_not_registered(string language, string message)
    {
        var untold = Household(language, new HouseholdMember(38)) with { PrivacyInformed = false };

        GuestRegistrationValidation.Validate(untold).Should().ContainSingle()
            .Which.Should().Match<FieldError>(error => error.Field == nameof(GuestRegistration.PrivacyInformed) && error.Message.StartsWith(message, StringComparison.Ordinal));
    }

    [Fact]
    public void A_household_larger_than_any_household_and_a_list_naming_a_language_twice_are_refused()
    {
        var crowd = Household("en", Enumerable.Range(0, 10_000).Select(_ => new HouseholdMember(30)).ToArray()) with { Languages = ["uk", "uk"] };

        GuestRegistrationValidation.Validate(crowd).Select(error => error.Field).Should().BeEquivalentTo(["Members", "Languages"]);
    }
}
