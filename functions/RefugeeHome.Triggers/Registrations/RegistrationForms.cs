using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Http;
using RefugeeHome.Matching;
using RefugeeHome.Registrations;
using RefugeeHome.Triggers.Pages;

namespace RefugeeHome.Triggers.Registrations;

/// <summary>
/// The HTML registration forms and reading them back. Field names are those of the JSON API, so one set of
/// validation messages serves both. Every form carries a fresh submission id: posting it twice registers once.
/// </summary>
internal static class RegistrationForms
{
    public const int MemberRows = 8;

    public static string HostForm(Func<string, string> text, string language, string antiforgeryName, string antiforgeryToken, IFormCollection? previous)
    {
        var form = Begin(antiforgeryName, antiforgeryToken, language, previous);
        foreach (var field in new[] { "firstName", "lastName", "email", "phone", "street", "houseNumber", "postcode", "municipality" })
        {
            form.Append(Input(text, field, field == "email" ? "email" : "text", previous));
        }

        form.Append(Input(text, "capacity", "number", previous))
            .Append(Input(text, "availableFrom", "date", previous))
            .Append(Input(text, "availableUntil", "date", previous))
            .Append(Check(text, "acceptsChildren", previous, defaultOn: true))
            .Append(Multi(text, "acceptedPets", Enum.GetNames<PetKind>(), previous))
            .Append(Check(text, "stepFree", previous))
            .Append(Multi(text, "languages", ["nl", "en", "uk", "ru", "other"], previous))
            .Append(Select(text, "accommodation", Enum.GetNames<Accommodation>(), previous))
            .Append(Check(text, "smokeFree", previous))
            .Append(Multi(text, "acceptedHouseholds", Enum.GetNames<HouseholdKind>(), previous))
            .Append(Check(text, "welcomesFamilies", previous));
        return End(form, text);
    }

    public static string GuestForm(Func<string, string> text, string language, string antiforgeryName, string antiforgeryToken, IFormCollection? previous)
    {
        var form = Begin(antiforgeryName, antiforgeryToken, language, previous)
            .Append(Input(text, "caseworkerEmail", "email", previous))
            .Append(Input(text, "municipality", "text", previous))
            .Append(Check(text, "eligibilityRecorded", previous))
            .Append(Input(text, "contactEmail", "email", previous))
            .Append(Select(text, "householdLanguage", ["nl", "en", "uk", "ru"], previous, askFirst: true))
            .Append(Input(text, "preferredMunicipality", "text", previous))
            .Append(Multi(text, "languages", ["nl", "en", "uk", "ru", "other"], previous, legend: "spokenInHousehold"))
            .Append(Multi(text, "pets", Enum.GetNames<PetKind>(), previous))
            .Append(Check(text, "needsStepFree", previous))
            .Append(Check(text, "smokers", previous))
            .Append(Check(text, "womenAndChildrenOnly", previous))
            .Append(Select(text, "wishedAccommodation", Enum.GetNames<Accommodation>(), previous));
        form.Append(CultureInfo.InvariantCulture, $"<fieldset><legend>{HtmlPage.Encode(text("members"))}</legend><table><tr><th>#</th><th>{HtmlPage.Encode(text("age"))}</th><th>{HtmlPage.Encode(text("custody"))}</th><th>{HtmlPage.Encode(text("custodian"))}</th></tr>");
        for (var row = 0; row < MemberRows; row++)
        {
            var age = previous?[$"members[{row}].age"].ToString() ?? "";
            var custodian = previous?[$"members[{row}].custodian"].ToString() ?? "";
            form.Append(CultureInfo.InvariantCulture,
                $"<tr><td>{row + 1}</td><td><input type=\"number\" min=\"0\" max=\"120\" name=\"members[{row}].age\" value=\"{HtmlPage.Encode(age)}\" aria-label=\"{HtmlPage.Encode(text("age"))} {row + 1}\"></td>");
            form.Append(CultureInfo.InvariantCulture, $"<td><select name=\"members[{row}].custody\" aria-label=\"{HtmlPage.Encode(text("custody"))} {row + 1}\">");
            foreach (var custody in Enum.GetNames<Custody>())
            {
                var selected = previous?[$"members[{row}].custody"].ToString() == custody ? " selected" : "";
                form.Append(CultureInfo.InvariantCulture, $"<option value=\"{custody}\"{selected}>{HtmlPage.Encode(text("option." + custody))}</option>");
            }

            form.Append(CultureInfo.InvariantCulture,
                $"</select></td><td><input type=\"number\" min=\"1\" max=\"{MemberRows}\" name=\"members[{row}].custodian\" value=\"{HtmlPage.Encode(custodian)}\" aria-label=\"{HtmlPage.Encode(text("custodian"))} {row + 1}\"></td></tr>");
        }

        form.Append("</table></fieldset>");
        return End(form, text);
    }

    public static HostRegistration ReadHost(IFormCollection form, Func<string, string> text, List<FieldError> errors) =>
        new(form["submissionId"].ToString(), form["language"].ToString(), form["firstName"].ToString(), form["lastName"].ToString(),
            form["email"].ToString(), form["phone"].ToString(), form["street"].ToString(), form["houseNumber"].ToString(), form["postcode"].ToString(),
            form["municipality"].ToString(), Number(form, "capacity", text, errors) ?? 0, Date(form, "availableFrom", text, errors) ?? DateOnly.MinValue,
            Date(form, "availableUntil", text, errors))
        {
            AcceptsChildren = IsOn(form, "acceptsChildren"),
            AcceptedPets = Enums<PetKind>(form, "acceptedPets"),
            StepFree = IsOn(form, "stepFree"),
            Languages = form["languages"].Select(value => value ?? "").ToList(),
            Accommodation = Enum.TryParse<Accommodation>(form["accommodation"].ToString(), out var accommodation) ? accommodation : Accommodation.PrivateRoom,
            SmokeFree = IsOn(form, "smokeFree"),
            AcceptedHouseholds = Enums<HouseholdKind>(form, "acceptedHouseholds"),
            WelcomesFamilies = IsOn(form, "welcomesFamilies"),
        };

    public static GuestRegistration ReadGuest(IFormCollection form, Func<string, string> text, List<FieldError> errors)
    {
        var members = new List<HouseholdMember>();
        for (var row = 0; row < MemberRows; row++)
        {
            if (Number(form, $"members[{row}].age", text, errors) is not { } age)
            {
                continue;
            }

            var custodian = Number(form, $"members[{row}].custodian", text, errors);
            members.Add(new HouseholdMember(age,
                Enum.TryParse<Custody>(form[$"members[{row}].custody"].ToString(), out var custody) ? custody : Custody.NotRecorded,
                custodian is { } number ? number - 1 : null));
        }

        return new GuestRegistration(form["submissionId"].ToString(), form["language"].ToString(), form["caseworkerEmail"].ToString(),
            form["municipality"].ToString(), IsOn(form, "eligibilityRecorded"), members)
        {
            ContactEmail = NullIfBlank(form["contactEmail"].ToString()),
            HouseholdLanguage = form["householdLanguage"].ToString(),
            PreferredMunicipality = NullIfBlank(form["preferredMunicipality"].ToString()),
            Languages = form["languages"].Select(value => value ?? "").ToList(),
            Pets = Enums<PetKind>(form, "pets"),
            NeedsStepFree = IsOn(form, "needsStepFree"),
            Smokers = IsOn(form, "smokers"),
            WomenAndChildrenOnly = IsOn(form, "womenAndChildrenOnly"),
            WishedAccommodation = Enum.TryParse<Accommodation>(form["wishedAccommodation"].ToString(), out var wished) ? wished : Accommodation.PrivateRoom,
        };
    }

    private static StringBuilder Begin(string antiforgeryName, string antiforgeryToken, string language, IFormCollection? previous)
    {
        var submission = previous?["submissionId"].ToString() is { Length: > 0 } kept ? kept : Guid.NewGuid().ToString();
        return new StringBuilder("<form method=\"post\">")
            .Append(CultureInfo.InvariantCulture, $"<input type=\"hidden\" name=\"{HtmlPage.Encode(antiforgeryName)}\" value=\"{HtmlPage.Encode(antiforgeryToken)}\">")
            .Append(CultureInfo.InvariantCulture, $"<input type=\"hidden\" name=\"submissionId\" value=\"{HtmlPage.Encode(submission)}\">")
            .Append(CultureInfo.InvariantCulture, $"<input type=\"hidden\" name=\"language\" value=\"{HtmlPage.Encode(language)}\">");
    }

    private static string End(StringBuilder form, Func<string, string> text) =>
        form.Append(CultureInfo.InvariantCulture, $"<p><button type=\"submit\">{HtmlPage.Encode(text("submit"))}</button></p></form>").ToString();

    private static string Input(Func<string, string> text, string name, string type, IFormCollection? previous) =>
        $"<p><label for=\"{name}\">{HtmlPage.Encode(text(name))}</label><br><input type=\"{type}\" id=\"{name}\" name=\"{name}\" value=\"{HtmlPage.Encode(previous?[name].ToString())}\"></p>";

    private static string Check(Func<string, string> text, string name, IFormCollection? previous, bool defaultOn = false) =>
        $"<p><label><input type=\"checkbox\" name=\"{name}\" value=\"true\"{((previous is null ? defaultOn : IsOn(previous, name)) ? " checked" : "")}> {HtmlPage.Encode(text(name))}</label></p>";

    private static string Multi(Func<string, string> text, string name, IEnumerable<string> values, IFormCollection? previous, string? legend = null) =>
        $"<fieldset><legend>{HtmlPage.Encode(text(legend ?? name))}</legend>" + string.Concat(values.Select(value =>
            $"<label><input type=\"checkbox\" name=\"{name}\" value=\"{value}\"{(previous?[name].Contains(value) == true ? " checked" : "")}> {HtmlPage.Encode(text("option." + value))}</label> ")) + "</fieldset>";

    // A select that asks first offers no answer of its own, so nobody's choice is made for them by leaving it alone.
    private static string Select(Func<string, string> text, string name, IEnumerable<string> values, IFormCollection? previous, bool askFirst = false) =>
        $"<p><label for=\"{name}\">{HtmlPage.Encode(text(name))}</label><br><select id=\"{name}\" name=\"{name}\">" +
        (askFirst ? $"<option value=\"\">{HtmlPage.Encode(text("choose"))}</option>" : "") + string.Concat(values.Select(value =>
            $"<option value=\"{value}\"{(previous?[name].ToString() == value ? " selected" : "")}>{HtmlPage.Encode(text("option." + value))}</option>")) + "</select></p>";

    private static bool IsOn(IFormCollection form, string name) => form[name].Any(value => value is "true" or "on");

    private static List<T> Enums<T>(IFormCollection form, string name)
        where T : struct, Enum =>
        form[name].Select(value => Enum.TryParse<T>(value, out var parsed) ? parsed : (T?)null).OfType<T>().ToList();

    private static int? Number(IFormCollection form, string name, Func<string, string> text, List<FieldError> errors)
    {
        var raw = form[name].ToString().Trim();
        if (raw.Length == 0)
        {
            return null;
        }

        if (int.TryParse(raw, NumberStyles.Integer, CultureInfo.InvariantCulture, out var number))
        {
            return number;
        }

        errors.Add(new FieldError(name, string.Format(CultureInfo.InvariantCulture, text("notNumber"), raw)));
        return null;
    }

    private static DateOnly? Date(IFormCollection form, string name, Func<string, string> text, List<FieldError> errors)
    {
        var raw = form[name].ToString().Trim();
        if (raw.Length == 0)
        {
            return null;
        }

        if (DateOnly.TryParseExact(raw, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return date;
        }

        errors.Add(new FieldError(name, string.Format(CultureInfo.InvariantCulture, text("notDate"), raw)));
        return null;
    }

    private static string? NullIfBlank(string value) => string.IsNullOrWhiteSpace(value) ? null : value;
}
