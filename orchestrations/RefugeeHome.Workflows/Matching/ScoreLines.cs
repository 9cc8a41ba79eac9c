using System.Globalization;
using RefugeeHome.Cases;
using RefugeeHome.Matching;
using RefugeeHome.Notifications;

namespace RefugeeHome.Workflows.Matching;

/// <summary>
/// Puts a proposal into the staff's words: one line about the offer, then one per score factor with its contribution,
/// its weight and its reason. Texts are labels of the templates (<c>factor.*</c>, <c>reason.*</c>, <c>value.*</c>), so
/// a Dutch matcher reads Dutch. Never an address.
/// </summary>
internal sealed class ScoreLines(EmailTemplates templates, string language)
{
    public IReadOnlyList<string> For(HostOffer offer, double score, IReadOnlyList<ScoreFactor> factors)
    {
        var lines = new List<string>(factors.Count + 1)
        {
            string.Format(CultureInfo.InvariantCulture, Label("offer"), CaseNumbers.Of(offer.HostId), offer.Municipality, offer.Capacity,
                string.Join(", ", offer.Languages.Order(StringComparer.Ordinal).Select(Value)), score.ToString("0.#", CultureInfo.InvariantCulture)),
        };
        lines.AddRange(factors.Select(Line));
        return lines;
    }

    private string Line(ScoreFactor factor)
    {
        var values = factor.Values.Select(Value).ToArray();
        var reason = Label($"reason.{factor.Factor}.{factor.Reason}").Replace("{values}", string.Join(", ", values), StringComparison.Ordinal);
        return string.Create(CultureInfo.InvariantCulture,
            $"{Label("factor." + factor.Factor)}: +{factor.Contribution:0.#} / {factor.Weight:0.#} — {string.Format(CultureInfo.InvariantCulture, reason, values)}");
    }

    // Codes (languages, living spaces) have a label; names of places and numbers are shown as they are.
    private string Value(string value) => templates.Label(MatchingRounds.Message, language, "value." + value) ?? value;

    private string Label(string key) =>
        templates.Label(MatchingRounds.Message, language, key) ?? throw new InvalidOperationException($"The label '{key}' is missing in '{language}'.");
}
