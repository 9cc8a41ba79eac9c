namespace RefugeeHome.Workflows;

/// <summary>Names of the activities the workflows call, as both hosts register them.</summary>
public static class ActivityNames
{
    /// <summary>Reads the workflows' settings, so that an orchestrator gets its durations from history.</summary>
    public const string ReadSettings = "ReadWorkflowSettings";

    /// <summary>Runs one round of matching.</summary>
    public const string RunMatchingRound = "RunMatchingRound";

    /// <summary>Sends a notice once per message key.</summary>
    public const string Notify = "Notify";

    /// <summary>Closes the open links of a question the workflow stopped asking.</summary>
    public const string CloseQuestion = "CloseQuestion";

    /// <summary>Closes every question of a workflow that has ended.</summary>
    public const string CloseAllQuestions = "CloseAllQuestions";

    /// <summary>Records the stage a case entered in the console's index and the case's timeline.</summary>
    public const string RecordCaseStage = "RecordCaseStage";

    /// <summary>Records a host household's stage.</summary>
    public const string SetHostStage = "SetHostStage";

    /// <summary>Puts a host household's offer in the matching pool.</summary>
    public const string OfferHost = "OfferHost";

    /// <summary>Takes a host household's offer out of the matching pool.</summary>
    public const string WithdrawOffer = "WithdrawOffer";

    /// <summary>Deletes a host household's personal data after retention.</summary>
    public const string ForgetHost = "ForgetHost";

    /// <summary>Records a guest household's stage.</summary>
    public const string SetGuestStage = "SetGuestStage";

    /// <summary>Reads what the guest intake needs to know of a guest household.</summary>
    public const string ReadGuest = "ReadGuest";

    /// <summary>Deletes a guest household's personal data after retention.</summary>
    public const string ForgetGuest = "ForgetGuest";

    /// <summary>Records a new placement.</summary>
    public const string StartPlacement = "StartPlacement";

    /// <summary>Starts a placement's workflow, once for its id.</summary>
    public const string BeginPlacement = "BeginPlacement";

    /// <summary>Records a placement's progress.</summary>
    public const string UpdatePlacement = "UpdatePlacement";

    /// <summary>Records a declined introduction and frees both households.</summary>
    public const string DeclinePlacement = "DeclinePlacement";

    /// <summary>Records a move-in.</summary>
    public const string MoveIn = "MoveIn";

    /// <summary>Records a departure and frees both households.</summary>
    public const string EndPlacement = "EndPlacement";

    /// <summary>Applies the correction staff made to a household's registration.</summary>
    public const string CorrectRegistration = "CorrectRegistration";
}
