using RefugeeHome.Approvals;
using Microsoft.DurableTask;
using RefugeeHome.Statistics;
using RefugeeHome.Storage;

namespace RefugeeHome.Workflows.Orchestrators;

/// <summary>
/// One host household from registration to the end: screening, VOG, then cycles of being available, hosting and
/// choosing what next. Each cycle continues as new, so the history stays short however long a host takes part. The
/// host can withdraw at any point with the standing link from the first email.
/// </summary>
internal sealed class HostJourney(TaskOrchestrationContext context, WorkflowOptions options, HostJourneyInput input)
{
    private readonly Steps _steps = new(context, input.Generation);
    private readonly Inbox _inbox = new(context, input.Answered);
    private string HostId => input.HostId;
    private CaseIds Case => new(HostId);

    public static async Task<string> RunAsync(TaskOrchestrationContext context, HostJourneyInput? input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var options = await context.CallActivityAsync<WorkflowOptions>(ActivityNames.ReadSettings);
        return await new HostJourney(context, options, input).RunAsync();
    }

    private async Task<string> RunAsync() => input.Phase switch
    {
        HostPhase.New => await ScreenAsync(),
        HostPhase.VogApproved => await AvailableAsync(firstTime: true),
        HostPhase.Available => await AvailableAsync(firstTime: false),
        HostPhase.Paused => await PausedAsync(),
        _ => await ChooseNextAsync(),
    };

    private async Task<string> ScreenAsync()
    {
        // The stage is recorded before the welcome goes out, so the status page its link opens already knows the case.
        await Task.WhenAll(StageAsync("Registered", HostStage.Registered), _steps.StatusAsync("Screening", "screener"));
        await _steps.NotifyAllAsync(
            new Notice("host-registered", Audience.Host, Case) { Ask = new Ask("withdraw", "withdraw", ["withdraw"]) { Standing = true } },
            ScreeningRequest("screening-request"));
        var screening = await Waits.AnswerAsync(context, _inbox, ["screening", "withdraw"],
        [
            new(options.ReminderAfter, () => _steps.NotifyAsync(ScreeningRequest("screening-reminder"))),
            new(options.EscalateAfter, () => Escalate("screening", ScreeningRequest("screening-reminder"))),
        ], options.EscalateAfter);
        if (screening!.Purpose == "withdraw")
        {
            return await EndAsync("Withdrawn");
        }

        if (screening.Choice == "not-suitable")
        {
            await _steps.NotifyAsync(new Notice("host-not-suitable", Audience.Host, Case));
            return await EndAsync("NotSuitable");
        }

        await StageAsync("Screened", HostStage.Screened);
        var childSafety = screening.Values.TryGetValue("childSafety", out var value) && value == "yes";
        return await VogAsync(childSafety);
    }

    private Notice ScreeningRequest(string message) => new(message, Audience.Screener, Case)
    {
        Ask = new Ask("screening", "screening", ["suitable", "not-suitable"])
        {
            Fields = [new AskField("childSafety", ApprovalFieldKind.Select) { Options = ["yes", "no"], RequiredFor = ["suitable"] }],
        },
    };

    private async Task<string> VogAsync(bool childSafety)
    {
        var deadline = context.CurrentUtcDateTime + options.VogDeadline;
        for (var attempt = 1; ; attempt++)
        {
            var askedAt = context.CurrentUtcDateTime;
            var upload = new Ask("vog-upload", $"vog-upload-{attempt}", ["uploaded"]) { Page = "upload", ExpiresAt = deadline };
            var request = new Notice("vog-request", Audience.Host, Case)
            {
                Ask = upload,
                Facts = new Dictionary<string, string> { ["deadline"] = Day(deadline) },
            };
            await _steps.NotifyAsync(request);
            await _steps.StatusAsync("WaitingForVog", "host");
            var uploaded = await Waits.AnswerAsync(context, _inbox, ["vog-upload", "withdraw"],
                [new(options.VogReminderEvery, () => _steps.NotifyAsync(request with { Message = "vog-reminder" }))],
                options.VogReminderEvery, deadline, askedAt);
            if (uploaded is null)
            {
                await _steps.NotifyAllAsync(
                    new Notice("vog-lapsed", Audience.Host, Case),
                    new Notice("vog-lapsed-staff", Audience.Screener, Case));
                return await EndAsync("Lapsed");
            }

            if (uploaded.Purpose == "withdraw")
            {
                return await EndAsync("Withdrawn");
            }

            var check = new Notice("vog-check", Audience.Screener, Case)
            {
                Ask = new Ask("vog-check", $"vog-check-{attempt}", ["approve", "reject"])
                {
                    DocumentName = DocumentNames.ForUpload(HostId, uploaded.LinkId),
                    NoteFor = Audience.Host,
                },
            };
            await _steps.NotifyAsync(check);
            await _steps.StatusAsync("VogCheck", "screener");
            var verdict = await Waits.AnswerAsync(context, _inbox, ["vog-check", "withdraw"],
            [
                new(options.ReminderAfter, () => _steps.NotifyAsync(check with { Message = "vog-check-reminder" })),
                new(options.EscalateAfter, () => Escalate("vog-check", check with { Message = "vog-check-reminder" })),
            ], options.EscalateAfter);
            if (verdict!.Purpose == "withdraw")
            {
                return await EndAsync("Withdrawn");
            }

            if (verdict.Choice == "approve")
            {
                return Continue(input with { Phase = HostPhase.VogApproved, ChildSafetyScreened = childSafety });
            }

            await _steps.NotifyAsync(new Notice("vog-rejected", Audience.Host, Case) { NoteOfLink = verdict.LinkId });
        }
    }

    // Only the first time is announced: a host back after a declined introduction, a pause or a placement was told in that step's own email.
    private async Task<string> AvailableAsync(bool firstTime)
    {
        await _steps.CallAsync(ActivityNames.OfferHost, new HostOfferRequest(HostId, input.ChildSafetyScreened));
        await StageAsync("Available", HostStage.Available);
        if (firstTime)
        {
            await _steps.NotifyAsync(new Notice("host-available", Audience.Host, Case)
            {
                Facts = new Dictionary<string, string> { ["childSafety"] = input.ChildSafetyScreened ? "yes" : "" },
            });
        }

        while (true)
        {
            await _steps.StatusAsync("Available", null);
            var signal = await _inbox.NextAsync(context.CurrentUtcDateTime + options.AvailabilityCheckEvery);
            if (signal is null)
            {
                var check = new Notice("availability-check", Audience.Host, Case)
                {
                    Ask = new Ask("availability", "availability-" + _steps.NextKey(), ["still-available", "pause", "retire"]),
                };
                await _steps.NotifyAsync(check);
                await _steps.StatusAsync("Available", "host");
                signal = await Waits.AnswerAsync(context, _inbox, ["availability", "reserved", "withdraw"],
                    [new(options.AvailabilityReminderAfter, () => _steps.NotifyAsync(check with { Message = "availability-reminder" }))],
                    giveUpAt: context.CurrentUtcDateTime + (options.AvailabilityReminderAfter * 2));
                if (signal is null)
                {
                    await _steps.CloseQuestionAsync("availability");
                    return await PauseAsync("host-paused-no-answer");
                }
            }

            switch (signal.Purpose, signal.Choice)
            {
                case ("reserved", _):
                    return await HostAsync(signal.Choice);
                case ("withdraw", _):
                    return await LeaveMatchingThenEndAsync("Withdrawn");
                case ("availability", "pause"):
                    return await PauseAsync("host-paused");
                case ("availability", "retire"):
                    return await LeaveMatchingThenEndAsync("Retired");
            }
        }
    }

    private async Task<string> PauseAsync(string message)
    {
        if (!await _steps.CallAsync<bool>(ActivityNames.WithdrawOffer, HostId))
        {
            // A matcher reserved the host a moment before: the placement goes ahead and tells the journey.
            var reserved = await Waits.AnswerAsync(context, _inbox, ["reserved"], []);
            return await HostAsync(reserved!.Choice);
        }

        await _steps.NotifyAsync(new Notice(message, Audience.Host, Case) { Ask = ResumeAsk() });
        return Continue(HostPhase.Paused);
    }

    private Ask ResumeAsk() => new("resume", "resume-" + _steps.NextKey(), ["available", "retire"]) { Standing = true };

    private async Task<string> PausedAsync()
    {
        await StageAsync("Paused", HostStage.Paused);
        await _steps.StatusAsync("Paused", null);
        var signal = await Waits.AnswerAsync(context, _inbox, ["resume", "withdraw", "reserved"], []);
        return signal!.Purpose switch
        {
            "reserved" => await HostAsync(signal.Choice),
            "resume" when signal.Choice == "available" => Continue(HostPhase.Available),
            "resume" => await EndAsync("Retired"),
            _ => await EndAsync("Withdrawn"),
        };
    }

    // Matched from the matcher's approval, hosting from the move-in: the ministry counts the guests the same way.
    private async Task<string> HostAsync(string placementId)
    {
        await StageAsync("Matched", HostStage.Matched);
        await _steps.StatusAsync("Matched", null, placementId);
        var withdrawn = false;
        while (true)
        {
            var signal = await Waits.AnswerAsync(context, _inbox, ["moved-in", Placement.PlacementEnded, "withdraw"], []);
            if (signal!.Purpose == "moved-in")
            {
                await StageAsync("Hosting", HostStage.Hosting);
                await _steps.StatusAsync("Hosting", null, placementId);
                continue;
            }

            if (signal.Purpose == "withdraw")
            {
                // The placement ends first, with the municipality told; the journey ends once it has.
                withdrawn = true;
                _steps.Signal(placementId, new ApprovalAnswer("end-early", "end-now",
                    new Dictionary<string, string> { ["reason"] = "host-withdrew" }, "host-withdrew-" + signal.LinkId, context.CurrentUtcDateTime));
                continue;
            }

            if (withdrawn)
            {
                return await EndAsync("Withdrawn");
            }

            return signal.Choice == "declined" ? Continue(HostPhase.Available) : Continue(HostPhase.AfterPlacement);
        }
    }

    private async Task<string> ChooseNextAsync()
    {
        await StageAsync("PlacementEnded", HostStage.Screened);
        var question = new Notice("host-next", Audience.Host, Case) { Ask = new Ask("host-next", "host-next-" + _steps.NextKey(), ["available", "pause", "retire"]) };
        await _steps.NotifyAsync(question);
        await _steps.StatusAsync("ChoosingNext", "host");
        var choice = await Waits.AnswerAsync(context, _inbox, ["host-next", "withdraw"],
            [new(options.ReminderAfter, () => _steps.NotifyAsync(question with { Message = "host-next-reminder" }))],
            giveUpAt: context.CurrentUtcDateTime + options.EscalateAfter);
        switch (choice?.Purpose, choice?.Choice)
        {
            case ("host-next", "available"):
                return Continue(HostPhase.Available);
            case ("host-next", "retire"):
                return await EndAsync("Retired");
            case ("withdraw", _):
                return await EndAsync("Withdrawn");
            default:
                await _steps.CloseQuestionAsync("host-next");
                await _steps.NotifyAsync(new Notice("host-paused", Audience.Host, Case) { Ask = ResumeAsk() });
                return Continue(HostPhase.Paused);
        }
    }

    private string Continue(HostPhase phase) => Continue(input with { Phase = phase });

    // Every next execution carries the answers taken so far and counts one generation more, so its keys are new.
    private string Continue(HostJourneyInput next)
    {
        context.ContinueAsNew(next with { Generation = input.Generation + 1, Answered = _inbox.Seen });
        return next.Phase.ToString();
    }

    private async Task<string> LeaveMatchingThenEndAsync(string outcome)
    {
        if (!await _steps.CallAsync<bool>(ActivityNames.WithdrawOffer, HostId))
        {
            var reserved = await Waits.AnswerAsync(context, _inbox, ["reserved"], []);
            return await HostAsync(reserved!.Choice);
        }

        return await EndAsync(outcome);
    }

    // Every way out of matching has taken the offer out of the pool before it ends here.
    private async Task<string> EndAsync(string outcome)
    {
        await Task.WhenAll(StageAsync(outcome, HostStage.Ended), _steps.CloseAllQuestionsAsync());
        if (outcome is "Withdrawn" or "Retired")
        {
            await _steps.NotifyAsync(new Notice("host-" + outcome.ToLowerInvariant(), Audience.Host, Case));
        }

        await _steps.StatusAsync(outcome, null, ended: true);
        await _steps.RetainThenForgetAsync(_inbox, ActivityNames.ForgetHost, HostId, options.RetainAfterEnd);
        return outcome;
    }

    private Task StageAsync(string status, HostStage stage) =>
        _steps.CallAsync(ActivityNames.SetHostStage, new HostStageChange(HostId, status, stage));

    // The person asked is reminded again with every escalation, which also keeps their link valid while the wait lasts.
    private Task Escalate(string step, Notice reminder) => _steps.NotifyAllAsync(reminder, new Notice("escalation", Audience.Supervisor, Case)
    {
        Facts = new Dictionary<string, string> { ["step"] = step },
    });

    private static string Day(DateTime moment) => DateOnly.FromDateTime(moment).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
}
