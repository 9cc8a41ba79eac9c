namespace RefugeeHome.Workflows;

/// <summary>Names of the workflows, as both hosts register them.</summary>
public static class OrchestratorNames
{
    /// <summary>One host household from registration to the end.</summary>
    public const string HostJourney = "HostJourney";

    /// <summary>One guest household from registration to departure.</summary>
    public const string GuestIntake = "GuestIntake";

    /// <summary>One placement from the approved match to departure.</summary>
    public const string Placement = "Placement";

    /// <summary>One round of matching: proposals for every waiting household and the matcher's overview.</summary>
    public const string MatchingRound = "MatchingRound";

    /// <summary>Telling a registered host household that someone registered it again.</summary>
    public const string RegisteredAgain = "RegisteredAgain";
}
