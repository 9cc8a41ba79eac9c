using AwesomeAssertions;

namespace RefugeeHome.Registrations.Tests;

public sealed class HostRegistrationValidationTests
{
    [Fact]
    public void A_complete_registration_has_nothing_to_correct() =>
        HostRegistrationValidation.Validate(Registrations.Valid(), Registrations.Today).Should().BeEmpty();

    [Theory]
    [InlineData("nl", "Voornaam", "E-mailadres", "Nederlandse postcode", "regeleinde", "Beschikbaar tot")]
    [InlineData("en", "First name", "Email address", "Dutch postcode", "line break", "Available until")]
    [InlineData("uk", "Ім'я", "Електронна пошта", "поштовим індексом", "розрив рядка", "Доступно до")]
    [InlineData("ru", "Имя", "Электронная почта", "почтовым индексом", "перенос строки", "Доступно до")]
    public void Every_bad_field_is_listed_with_a_message_in_the_registrants_language(
        string language, string firstName, string email, string postcode, string lineBreak, string until)
    {
        var registration = Registrations.Valid(language) with
        {
            FirstName = "",
            Email = "anna-at-example.org",
            Postcode = "10116",
            LastName = "de Vries\r\nBcc: everyone@example.org",
            Capacity = 0,
            AvailableUntil = Registrations.Today,
        };

        var errors = HostRegistrationValidation.Validate(registration, Registrations.Today);

        errors.Select(error => error.Field).Should().BeEquivalentTo(["FirstName", "Email", "Postcode", "LastName", "Capacity", "AvailableUntil"]);
        errors.Single(error => error.Field == "FirstName").Message.Should().Contain(firstName);
        errors.Single(error => error.Field == "Email").Message.Should().Contain(email);
        errors.Single(error => error.Field == "Postcode").Message.Should().Contain(postcode);
        errors.Single(error => error.Field == "LastName").Message.Should().Contain(lineBreak);
        errors.Single(error => error.Field == "AvailableUntil").Message.Should().Contain(until);
    }

    [Fact]
    public void A_language_that_is_not_offered_is_reported_in_English()
    {
        var errors = HostRegistrationValidation.Validate(Registrations.Valid() with { Language = "de" }, Registrations.Today);

        errors.Should().ContainSingle().Which.Message.Should().Be("'Language': choose Dutch, English, Ukrainian or Russian.");
    }

    [Theory]
    [InlineData("06-12345678")]
    [InlineData("+31 6 12345678")]
    [InlineData("+380 50 123 4567")]
    public void Dutch_and_international_phone_numbers_are_accepted(string phone) =>
        HostRegistrationValidation.Validate(Registrations.Valid() with { Phone = phone }, Registrations.Today).Should().BeEmpty();

    [Theory]
    [InlineData("nl", "'Utreht' is geen Nederlandse gemeente")]
    [InlineData("en", "'Utreht' is not a Dutch municipality")]
    [InlineData("uk", "'Utreht' — не нідерландська громада")]
    [InlineData("ru", "'Utreht' — не нидерландский муниципалитет")]
    public void A_municipality_that_is_not_on_the_list_is_refused_in_the_registrants_language(string language, string message)
    {
        var errors = HostRegistrationValidation.Validate(Registrations.Valid(language) with { Municipality = "Utreht" }, Registrations.Today);

        errors.Should().ContainSingle().Which.Should().Match<FieldError>(error => error.Field == "Municipality" && error.Message.StartsWith(message, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("Den Haag")]
    [InlineData("súdwest-fryslân")]
    [InlineData("Voorne aan Zee")]
    [InlineData("Bergen (L.)")]
    public void Any_known_spelling_of_a_listed_municipality_is_accepted(string municipality) =>
        HostRegistrationValidation.Validate(Registrations.Valid() with { Municipality = municipality }, Registrations.Today).Should().BeEmpty();

    [Theory]
    [InlineData("en", "Read the privacy notice")]
    [InlineData("ru", "Прочитайте уведомление о конфиденциальности")]
    public void A_registration_without_consent_to_the_privacy_notice_is_refused(string language, string message) =>
        HostRegistrationValidation.Validate(Registrations.Valid(language) with { PrivacyConsent = false }, Registrations.Today).Should().ContainSingle()
            .Which.Should().Match<FieldError>(error => error.Field == nameof(HostRegistration.PrivacyConsent) && error.Message.StartsWith(message, StringComparison.Ordinal));

    [Theory]
    [InlineData("FirstName", "Anke\u202Eevil")]
    [InlineData("FirstName", "\u200B\u200B")]
    [InlineData("LastName", "de\u0000Vries")]
    [InlineData("LastName", "de\u001BVries")]
    [InlineData("Street", "Kerkstraat\u2066")]
    [InlineData("Email", "foo bar@x.org")]
    [InlineData("Email", "<script>alert(1)</script>@x.org")]
    [InlineData("Email", "anke@localhost")]
    public void A_value_that_would_mislead_staff_or_that_no_mail_service_delivers_to_is_refused(string field, string value)
    {
        var registration = Registrations.Valid("en");
        var changed = field switch
        {
            "FirstName" => registration with { FirstName = value },
            "LastName" => registration with { LastName = value },
            "Street" => registration with { Street = value },
            _ => registration with { Email = value },
        };

        HostRegistrationValidation.Validate(changed, Registrations.Today).Should().ContainSingle().Which.Field.Should().Be(field);
    }

    [Theory]
    [InlineData("Olena Коваленко-Шевчук")]
    [InlineData("Zoë d'Ancona")]
    [InlineData("علی رضا")]
    public void Names_in_any_script_with_accents_and_apostrophes_are_accepted(string name) =>
        HostRegistrationValidation.Validate(Registrations.Valid("en") with { FirstName = name }, Registrations.Today).Should().BeEmpty();

    [Fact]
    public void A_list_of_ten_thousand_languages_is_refused_before_it_reaches_storage() =>
        HostRegistrationValidation.Validate(Registrations.Valid("en") with { Languages = Enumerable.Repeat("nl", 10_000).ToList() }, Registrations.Today)
            .Should().ContainSingle().Which.Field.Should().Be("Languages");
}
