using System.Globalization;
using RefugeeHome.Approvals;
using Microsoft.DurableTask;

namespace RefugeeHome.Workflows.Orchestrators;

/// <summary>
/// One placement, from the approved match to departure: introduction, move-in, first-week visit, reviews with
/// extensions, and departure. Host, guest or connector can end it early at any time with their standing link.
/// </summary>
internal sealed class Placement(TaskOrchestrationContext context, WorkflowOptions options, PlacementCase placement)
{
    /// <summary>The signal that tells host and guest household how their placement ended.</summary>
    public const string PlacementEnded = "placement-ended";

    /// <summary>Where the guest household went, in the guest household's <see cref="PlacementEnded"/> signal.</summary>
    public const string DestinationValue = "destination";

    private static readonly string[] Interpreters = ["none", "nl", "en", "uk", "ru"];
    private static readonly string[] DeclineReasons = ["no-click", "practical", "safety", "other"];
    private static readonly string[] EndReasons = ["mismatch", "incident", "own-housing", "other"];
    private static readonly string[] Destinations = ["another-host", "municipal-reception", "return", "own-housing"];
    private static readonly string[] ExtensionMonths = ["1", "3", "6"];
    private static readonly IReadOnlyDictionary<string, string> NoValues = new Dictionary<string, string>();

    private readonly Steps _steps = new(context);
    private readonly Inbox _inbox = new(context, null);
    private readonly Calendar _calendar = new(options);
    private CaseIds Case => placement.Ids;

    public static async Task<PlacementResult> RunAsync(TaskOrchestrationContext context, PlacementCase? placement)
    {
        ArgumentNullException.ThrowIfNull(placement);
        var options = await context.CallActivityAsync<WorkflowOptions>(ActivityNames.ReadSettings);
        return await new Placement(context, options, placement).RunAsync();
    }

    private async Task<PlacementResult> RunAsync()
    {
        var facts = await _steps.CallAsync<PlacementFacts>(ActivityNames.StartPlacement, placement);
        _steps.Signal(placement.HostId, new ApprovalAnswer("reserved", placement.PlacementId, NoValues, placement.PlacementId + "-reserved", context.CurrentUtcDateTime));
        await _steps.NotifyAllAsync(
            new Notice("match-made-host", Audience.Host, Case),
            new Notice("match-made-guest", Audience.Guest, Case));

        var scheduled = await ScheduleIntroductionAsync();
        if (scheduled.Purpose == "end-early")
        {
            return await DeclinedAsync(WithdrawnBeforeMoveIn(scheduled));
        }

        var introduction = DateOnly.ParseExact(scheduled.Values["date"], "yyyy-MM-dd", CultureInfo.InvariantCulture);
        var interpreter = scheduled.Values.GetValueOrDefault("interpreter", "none");
        await _steps.CallAsync(ActivityNames.UpdatePlacement, Update(("stage", "IntroductionScheduled"), ("introduction", Day(introduction)), ("interpreter", interpreter)));
        var told = Facts(("date", Day(introduction)), ("interpreter", interpreter));
        await _steps.NotifyAllAsync(
            new Notice("introduction-scheduled", Audience.Host, Case) { Facts = told },
            new Notice("introduction-scheduled", Audience.Guest, Case) { Facts = told });
        var outcome = await IntroductionOutcomeAsync(introduction, interpreter);
        if (outcome.Purpose == "end-early")
        {
            return await DeclinedAsync(WithdrawnBeforeMoveIn(outcome));
        }

        if (outcome.Choice != "agreed")
        {
            return await DeclinedAsync(outcome);
        }

        var moveIn = DateOnly.ParseExact(outcome.Values["moveIn"], "yyyy-MM-dd", CultureInfo.InvariantCulture);
        await _steps.CallAsync(ActivityNames.UpdatePlacement, Update(("stage", "Agreed"), ("moveIn", Day(moveIn))));
        await _steps.NotifyAllAsync(
            new Notice("move-in-agreed", Audience.Host, Case) { Facts = Facts(("moveIn", Day(moveIn))) },
            new Notice("move-in-agreed", Audience.Guest, Case) { Facts = Facts(("moveIn", Day(moveIn))) });
        await _steps.StatusAsync("MoveInAgreed", Activities.CaseStage.Date, placement.PlacementId);
        var moveInAt = _calendar.Start(moveIn, context.CurrentUtcDateTime);
        var early = await Waits.AnswerAsync(context, _inbox, ["end-early"], [], giveUpAt: moveInAt);
        if (early is not null)
        {
            return await DepartAsync(early);
        }

        await MoveInAsync(facts);
        return await DepartAsync(await HostingAsync(moveIn, moveInAt));
    }

    // Before move-in an early end comes only from a host who withdraws: the introduction counts as declined by the host.
    private static ApprovalAnswer WithdrawnBeforeMoveIn(ApprovalAnswer ending) =>
        ending with { Choice = "host-declined", Values = new Dictionary<string, string> { ["reason"] = ending.Values.GetValueOrDefault("reason", "other") } };

    private async Task<ApprovalAnswer> ScheduleIntroductionAsync()
    {
        var schedule = new Notice("introduction-schedule", Audience.Connector, Case)
        {
            Ask = new Ask("introduction", "introduction", ["scheduled"])
            {
                Fields =
                [
                    new AskField("date", ApprovalFieldKind.Date) { RequiredFor = ["scheduled"], Earliest = Today },
                    new AskField("interpreter", ApprovalFieldKind.Select) { Options = Interpreters },
                ],
            },
        };
        await _steps.NotifyAsync(schedule);
        await _steps.StatusAsync("Introduction", "connector", placement.PlacementId);
        var scheduled = await Waits.AnswerAsync(context, _inbox, ["introduction", "end-early"],
        [
            new(options.ReminderAfter, () => _steps.NotifyAsync(schedule with { Message = "introduction-schedule-reminder" })),
            new(options.EscalateAfter, () => Escalate("introduction", schedule with { Message = "introduction-schedule-reminder" })),
        ], options.EscalateAfter);
        return scheduled!;
    }

    private async Task<ApprovalAnswer> IntroductionOutcomeAsync(DateOnly introduction, string interpreter)
    {
        var record = new Notice("introduction-outcome", Audience.Connector, Case)
        {
            Facts = Facts(("date", Day(introduction)), ("interpreter", interpreter)),
            Ask = new Ask("outcome", "outcome", ["agreed", "host-declined", "guest-declined"])
            {
                Fields =
                [
                    new AskField("moveIn", ApprovalFieldKind.Date) { RequiredFor = ["agreed"], Earliest = introduction },
                    new AskField("reason", ApprovalFieldKind.Select) { Options = DeclineReasons, RequiredFor = ["host-declined", "guest-declined"] },
                ],
            },
        };
        // Nobody can agree to a move-in before they have met: the outcome is asked from the day of the introduction.
        var introductionDay = _calendar.Start(introduction, context.CurrentUtcDateTime);
        if (introductionDay > context.CurrentUtcDateTime)
        {
            await _steps.StatusAsync("IntroductionScheduled", null, placement.PlacementId);
            if (await Waits.AnswerAsync(context, _inbox, ["end-early"], [], giveUpAt: introductionDay) is { } withdrawn)
            {
                return withdrawn;
            }
        }

        await _steps.NotifyAsync(record);
        await _steps.StatusAsync("IntroductionOutcome", "connector", placement.PlacementId);
        var outcome = await Waits.AnswerAsync(context, _inbox, ["outcome", "end-early"],
        [
            new(options.OutcomeReminderAfterIntroduction, () => _steps.NotifyAsync(record with { Message = "introduction-outcome-reminder" })),
            new(options.EscalateAfter, () => Escalate("introduction-outcome", record with { Message = "introduction-outcome-reminder" })),
        ], options.EscalateAfter);
        return outcome!;
    }

    private async Task<PlacementResult> DeclinedAsync(ApprovalAnswer outcome)
    {
        var reason = outcome.Values.GetValueOrDefault("reason", "other");
        await _steps.CallAsync(ActivityNames.DeclinePlacement, new PlacementEnd(placement, outcome.Choice, null));
        var told = Facts(("by", outcome.Choice), ("reason", reason));
        await _steps.NotifyAllAsync(
            new Notice("introduction-declined", Audience.Host, Case) { Facts = told },
            new Notice("introduction-declined", Audience.Guest, Case) { Facts = told });
        var result = new PlacementResult("declined", null);
        TellHouseholds(result);
        await _steps.StatusAsync("Declined", null, placement.PlacementId, ended: true);
        return result;
    }

    private async Task MoveInAsync(PlacementFacts facts)
    {
        await _steps.CallAsync(ActivityNames.MoveIn, placement);
        _steps.Signal(placement.HostId, new ApprovalAnswer("moved-in", placement.PlacementId, NoValues, placement.PlacementId + "-moved-in", context.CurrentUtcDateTime));
        // Host, guests and connector each get a link of their own; one round keeps all three open until the placement ends.
        var endEarly = new Ask("end-early", "end-early", ["end-now"])
        {
            Standing = true,
            Round = "end-early",
            Fields = [new AskField("reason", ApprovalFieldKind.Select) { Options = EndReasons, RequiredFor = ["end-now"] }],
        };
        var cap = facts.ContributionCap.ToString("0.##", CultureInfo.InvariantCulture);
        await _steps.NotifyAllAsync(
            new Notice("moved-in-guest", Audience.Guest, Case) { Ask = endEarly with { IssueKey = "end-early-guest" } },
            new Notice("moved-in-host", Audience.Host, Case) { Ask = endEarly with { IssueKey = "end-early-host" } },
            new Notice("moved-in-staff", Audience.Connector, Case) { Ask = endEarly with { IssueKey = "end-early-connector" } },
            new Notice("contribution-request", Audience.Host, Case)
            {
                Facts = Facts(("cap", cap)),
                Ask = new Ask("contribution", "contribution", ["record", "none"])
                {
                    Standing = true,
                    Fields = [new AskField("amount", ApprovalFieldKind.Number) { RequiredFor = ["record"], Maximum = facts.ContributionCap }],
                },
            },
            VisitTask("visit-task"));
    }

    private Notice VisitTask(string message) => new(message, Audience.Supporter, Case)
    {
        Ask = new Ask("visit", "visit", ["ok", "concerns", "urgent"]),
    };

    private async Task<ApprovalAnswer> HostingAsync(DateOnly moveIn, DateTime start)
    {
        var state = new HostingState(
            start + options.PlacementLength, _calendar.DateAfter(moveIn, options.PlacementLength), start + options.VisitDueAfter);
        while (true)
        {
            await _steps.StatusAsync("Hosting", state.WaitingFor, placement.PlacementId);
            var deadline = state.NextDeadline(options);
            var signal = await _inbox.NextAsync(deadline);
            if (signal is null)
            {
                if (deadline >= state.End)
                {
                    return new ApprovalAnswer("end-early", "end-now", new Dictionary<string, string> { ["reason"] = "end-date" }, "", context.CurrentUtcDateTime);
                }

                await OnDeadlineAsync(state, deadline);
                continue;
            }

            if (signal.Purpose == "end-early")
            {
                return signal;
            }

            await OnSignalAsync(state, signal);
        }
    }

    // The deadline that came is the moment to judge by: the engine's timers may fire a moment early.
    private async Task OnDeadlineAsync(HostingState state, DateTime now)
    {
        if (!state.VisitReported && !state.VisitReminded && now >= state.VisitDue)
        {
            state.VisitReminded = true;
            await _steps.NotifyAsync(VisitTask("visit-reminder"));
        }
        else if (!state.VisitReported && now >= state.VisitDue + options.ReminderAfter)
        {
            state.VisitDue += options.EscalateAfter;
            await Escalate("visit", VisitTask("visit-reminder"));
        }
        else if (!state.ReviewAsked && now >= state.End - options.ReviewLead)
        {
            state.ReviewAsked = true;
            await _steps.NotifyAllAsync(ReviewQuestion(Audience.Host, state), ReviewQuestion(Audience.Guest, state));
        }
        else if (state.ReviewAsked && !state.ReviewReminded && now >= state.End - (options.ReviewLead / 2))
        {
            state.ReviewReminded = true;
            var reminders = new List<Notice>();
            if (state.HostExtends is null)
            {
                reminders.Add(ReviewQuestion(Audience.Host, state) with { Message = "review-reminder" });
            }

            if (state.GuestExtends is null)
            {
                reminders.Add(ReviewQuestion(Audience.Guest, state) with { Message = "review-reminder" });
            }

            await _steps.NotifyAllAsync([.. reminders]);
        }
    }

    private Notice ReviewQuestion(Audience audience, HostingState state) => new("review-question", audience, Case)
    {
        Facts = Facts(("end", Day(state.EndDate))),
        Ask = new Ask(audience == Audience.Host ? "review-host" : "review-guest", $"review-{state.Review}-{audience}", ["extend", "end"])
        {
            Fields = audience == Audience.Host
                ? [new AskField("months", ApprovalFieldKind.Select) { Options = ExtensionMonths, RequiredFor = ["extend"] }]
                : [],
        },
    };

    private async Task OnSignalAsync(HostingState state, ApprovalAnswer signal)
    {
        switch (signal.Purpose)
        {
            case "visit":
                state.VisitReported = true;
                await _steps.CallAsync(ActivityNames.UpdatePlacement, Update(("visit", signal.Choice)));
                if (signal.Choice == "urgent")
                {
                    await _steps.NotifyAsync(new Notice("visit-urgent", Audience.Supervisor, Case) { NoteOfLink = signal.LinkId });
                }
                else if (signal.Choice == "concerns")
                {
                    await _steps.NotifyAsync(new Notice("visit-concerns", Audience.Connector, Case) { NoteOfLink = signal.LinkId });
                }

                break;
            case "contribution":
                var amount = signal.Choice == "record" ? signal.Values["amount"] : "0";
                await _steps.CallAsync(ActivityNames.UpdatePlacement, Update(("contribution", amount)));
                await _steps.NotifyAllAsync(
                    new Notice("contribution-recorded", Audience.Host, Case) { Facts = Facts(("amount", amount)) },
                    new Notice("contribution-recorded", Audience.Guest, Case) { Facts = Facts(("amount", amount)) });
                break;
            case "review-host" when state.ReviewAsked:
                state.HostExtends = signal.Choice == "extend";
                state.Months = int.Parse(signal.Values.GetValueOrDefault("months", "0"), CultureInfo.InvariantCulture);
                await DecideReviewAsync(state);
                break;
            case "review-guest" when state.ReviewAsked:
                state.GuestExtends = signal.Choice == "extend";
                await DecideReviewAsync(state);
                break;
        }
    }

    private async Task DecideReviewAsync(HostingState state)
    {
        if (state.ReviewDecided)
        {
            return;
        }

        if (state.HostExtends == false || state.GuestExtends == false)
        {
            state.ReviewDecided = true;
            var told = Facts(("end", Day(state.EndDate)));
            await _steps.NotifyAllAsync(
                new Notice("review-ends", Audience.Host, Case) { Facts = told },
                new Notice("review-ends", Audience.Guest, Case) { Facts = told },
                new Notice("review-ends-staff", Audience.Connector, Case) { Facts = told });
            return;
        }

        if (state.HostExtends == true && state.GuestExtends == true)
        {
            var endDate = state.EndDate.AddMonths(state.Months);
            state.Extend(state.End + _calendar.Between(state.EndDate, endDate), endDate);
            await _steps.CallAsync(ActivityNames.UpdatePlacement, Update(("end", Day(state.EndDate)), ("extensions", state.Extensions.ToString(CultureInfo.InvariantCulture))));
            var told = Facts(("end", Day(state.EndDate)));
            await _steps.NotifyAllAsync(
                new Notice("extended", Audience.Host, Case) { Facts = told },
                new Notice("extended", Audience.Guest, Case) { Facts = told },
                new Notice("extended", Audience.Connector, Case) { Facts = told });
        }
    }

    private async Task<PlacementResult> DepartAsync(ApprovalAnswer ending)
    {
        var reason = ending.Values.GetValueOrDefault("reason", "other");
        // Nothing asked during the stay takes an answer any more: the end links, the visit, the contribution, a review.
        await _steps.CloseAllQuestionsAsync();
        await _steps.CallAsync(ActivityNames.UpdatePlacement, Update(("stage", "Departing"), ("endReason", reason)));
        if (ending.LinkId.Length > 0)
        {
            var told = Facts(("reason", reason));
            await _steps.NotifyAllAsync(
                new Notice("ended-early", Audience.Host, Case) { Facts = told },
                new Notice("ended-early", Audience.Guest, Case) { Facts = told });
        }

        var question = new Notice("departure", Audience.Connector, Case)
        {
            Facts = Facts(("reason", reason)),
            Ask = new Ask("departure", "departure", Destinations),
        };
        await _steps.NotifyAsync(question);
        await _steps.StatusAsync("Departure", "connector", placement.PlacementId);
        var departure = await Waits.AnswerAsync(context, _inbox, ["departure"],
        [
            new(options.ReminderAfter, () => _steps.NotifyAsync(question with { Message = "departure-reminder" })),
            new(options.EscalateAfter, () => Escalate("departure", question with { Message = "departure-reminder" })),
        ], options.EscalateAfter);
        var destination = departure!.Choice;
        await _steps.CallAsync(ActivityNames.EndPlacement, new PlacementEnd(placement, "departed", destination));
        var where = Facts(("destination", destination), ("reason", reason), ("rematch", destination == "another-host" ? "yes" : ""));
        await _steps.NotifyAllAsync(
            new Notice("departure-municipality", Audience.Caseworker, Case) { Facts = where },
            new Notice("departure-guest", Audience.Guest, Case) { Facts = where });
        var result = new PlacementResult("departed", destination);
        TellHouseholds(result);
        await _steps.StatusAsync("Departed", null, placement.PlacementId, ended: true);
        return result;
    }

    // The host's journey and the guest household's intake each wait for the end of the placement to go on.
    private void TellHouseholds(PlacementResult result)
    {
        var ended = new ApprovalAnswer(PlacementEnded, result.Outcome, NoValues, placement.PlacementId + "-ended", context.CurrentUtcDateTime);
        _steps.Signal(placement.HostId, ended);
        _steps.Signal(placement.GuestId, result.Destination is { } destination
            ? ended with { Values = new Dictionary<string, string> { [DestinationValue] = destination } }
            : ended);
    }

    // The person asked is reminded again with every escalation, which also keeps their link valid while the wait lasts.
    private Task Escalate(string step, Notice reminder) =>
        _steps.NotifyAllAsync(reminder, new Notice("escalation", Audience.Supervisor, Case) { Facts = Facts(("step", step)) });

    private PlacementUpdate Update(params (string Key, string Value)[] values) => new(placement.PlacementId, Facts(values));

    private static Dictionary<string, string> Facts(params (string Key, string Value)[] values) =>
        values.ToDictionary(pair => pair.Key, pair => pair.Value, StringComparer.Ordinal);

    private DateOnly Today => DateOnly.FromDateTime(context.CurrentUtcDateTime);

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Day(DateTime moment) => Day(DateOnly.FromDateTime(moment));

    private sealed class HostingState(DateTime end, DateOnly endDate, DateTime visitDue)
    {
        /// <summary>When the placement ends.</summary>
        public DateTime End { get; private set; } = end;

        /// <summary>The date it ends on, as host and guests are told.</summary>
        public DateOnly EndDate { get; private set; } = endDate;

        public DateTime VisitDue { get; set; } = visitDue;

        public bool VisitReported { get; set; }

        public bool VisitReminded { get; set; }

        public int Review { get; private set; } = 1;

        public int Extensions => Review - 1;

        public bool ReviewAsked { get; set; }

        public bool ReviewReminded { get; set; }

        public bool ReviewDecided { get; set; }

        public bool? HostExtends { get; set; }

        public bool? GuestExtends { get; set; }

        public int Months { get; set; }

        public string? WaitingFor => !VisitReported ? "supporter" : ReviewAsked && !ReviewDecided ? "review" : null;

        public DateTime NextDeadline(WorkflowOptions options)
        {
            var candidates = new List<DateTime> { End };
            if (!VisitReported)
            {
                candidates.Add(VisitReminded ? VisitDue + options.ReminderAfter : VisitDue);
            }

            if (!ReviewAsked)
            {
                candidates.Add(End - options.ReviewLead);
            }
            else if (!ReviewReminded && !ReviewDecided)
            {
                candidates.Add(End - (options.ReviewLead / 2));
            }

            return candidates.Min();
        }

        public void Extend(DateTime newEnd, DateOnly newEndDate)
        {
            End = newEnd;
            EndDate = newEndDate;
            Review++;
            ReviewAsked = false;
            ReviewReminded = false;
            ReviewDecided = false;
            HostExtends = null;
            GuestExtends = null;
        }
    }
}
