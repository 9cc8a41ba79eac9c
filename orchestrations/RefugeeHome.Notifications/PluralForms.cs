namespace RefugeeHome.Notifications;

/// <summary>
/// Which plural form a language uses for a whole number, after the Unicode CLDR plural rules: Dutch and English say
/// "1 household, 2 households"; Ukrainian and Russian have one form for 1, 21, 31…, another for 2–4, 22–24…, and a
/// third for 0, 5–20, 25–30… ("1 домогосподарство, 2 домогосподарства, 5 домогосподарств").
/// </summary>
public static class PluralForms
{
    /// <summary>The form <paramref name="language"/> uses for <paramref name="count"/>: <c>one</c>, <c>few</c>, <c>many</c> or <c>other</c>.</summary>
    public static string Of(string language, int count)
    {
        var (lastDigit, lastTwo) = (Math.Abs(count) % 10, Math.Abs(count) % 100);
        return language switch
        {
            "uk" or "ru" when lastDigit == 1 && lastTwo != 11 => "one",
            "uk" or "ru" when lastDigit is >= 2 and <= 4 && lastTwo is < 12 or > 14 => "few",
            "uk" or "ru" => "many",
            _ => count == 1 ? "one" : "other",
        };
    }
}
