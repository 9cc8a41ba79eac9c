using System.Text.Json;
using System.Text.Json.Serialization;
using AwesomeAssertions;

namespace RefugeeHome.Registrations.Tests;

/// <summary>A JSON body missing fields, with nulls where lists belong or with numbers outside an enum is listed as fields to correct, never an exception.</summary>
public sealed class IncompleteBodyTests
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    [Theory]
    [InlineData("{}", "Language")]
    [InlineData("""{"language": null}""", "Language")]
    [InlineData("""{"language": "en", "languages": null}""", "Languages")]
    [InlineData("""{"language": "en", "languages": [null]}""", "Languages")]
    [InlineData("""{"language": "en", "acceptedPets": null}""", "AcceptedPets")]
    [InlineData("""{"language": "en", "acceptedHouseholds": [7]}""", "AcceptedHouseholds[0]")]
    [InlineData("""{"language": "en", "accommodation": 99}""", "Accommodation")]
    public void A_host_body_with_gaps_lists_the_field(string body, string field) =>
        HostRegistrationValidation.Validate(JsonSerializer.Deserialize<HostRegistration>(body, Json)!, Registrations.Today)
            .Select(error => error.Field).Should().Contain(field);

    [Theory]
    [InlineData("{}", "HouseholdLanguage")]
    [InlineData("""{"language": "nl", "members": null}""", "Members")]
    [InlineData("""{"language": "nl", "members": [null]}""", "Members[0]")]
    [InlineData("""{"language": "nl", "members": [{"age": 8, "custody": 42, "custodianIndex": 1}, null]}""", "Members[0].Custody")]
    [InlineData("""{"language": "nl", "members": [{"age": 40, "custody": 42}]}""", "Members[0].Custody")]
    [InlineData("""{"language": "nl", "pets": null}""", "Pets")]
    [InlineData("""{"language": "nl", "wishedAccommodation": -1}""", "WishedAccommodation")]
    public void A_guest_body_with_gaps_lists_the_field(string body, string field) =>
        GuestRegistrationValidation.Validate(JsonSerializer.Deserialize<GuestRegistration>(body, Json)!)
            .Select(error => error.Field).Should().Contain(field);
}
