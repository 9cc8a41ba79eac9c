using RefugeeHome.Cases;

namespace RefugeeHome.Workflows;

/// <summary>
/// How a coordinator closes a stuck case from the console: with the answer a workflow already takes from a household's
/// own link (a host withdraws, a placement ends early), or for a waiting guest household the answer only the console
/// gives. It reaches the workflow as any link's answer does, so the workflow ends the case the way it always does.
/// </summary>
/// <param name="Purpose">The question the answer is to.</param>
/// <param name="Choice">The answer.</param>
/// <param name="Values">Its values.</param>
/// <param name="Round">The round the console's link joins, so the households' own links stay valid.</param>
public sealed record CaseClosing(string Purpose, string Choice, IReadOnlyDictionary<string, string> Values, string? Round)
{
    /// <summary>The question a waiting guest household's intake takes a close on.</summary>
    public const string GuestPurpose = "close";

    /// <summary>The stages in which a case of <paramref name="kind"/> takes a close.</summary>
    public static bool TakesClose(CaseKind kind, string stage) => kind switch
    {
        CaseKind.Guest => stage == "Waiting",
        CaseKind.Placement => stage is not ("Departure" or "Departed" or "Declined"),
        _ => true,
    };

    /// <summary>How a case of <paramref name="kind"/> is closed.</summary>
    public static CaseClosing Of(CaseKind kind) => kind switch
    {
        CaseKind.Host => new("withdraw", "withdraw", new Dictionary<string, string>(), null),
        CaseKind.Guest => new(GuestPurpose, "close", new Dictionary<string, string>(), null),
        _ => new("end-early", "end-now", new Dictionary<string, string> { ["reason"] = "other" }, "end-early"),
    };
}
