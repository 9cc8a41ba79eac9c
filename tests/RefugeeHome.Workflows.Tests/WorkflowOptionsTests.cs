using System.ComponentModel.DataAnnotations;
using AwesomeAssertions;

namespace RefugeeHome.Workflows.Tests;

/// <summary>A setting that would stall or break a workflow later is refused when the host starts, with its name.</summary>
public sealed class WorkflowOptionsTests
{
    [Fact]
    public void The_defaults_and_the_sample_settings_of_a_quick_demo_are_valid()
    {
        Problems(new WorkflowOptions()).Should().BeEmpty();
        Problems(new WorkflowOptions
        {
            CalendarDay = TimeSpan.FromSeconds(2), PlacementLength = TimeSpan.FromSeconds(182), ReviewLead = TimeSpan.FromSeconds(28),
            ReminderAfter = TimeSpan.FromMinutes(5), EscalateAfter = TimeSpan.FromMinutes(10),
        }).Should().BeEmpty();
    }

    [Theory]
    [MemberData(nameof(Misconfigurations))]
    public void A_setting_that_would_break_a_workflow_is_refused_by_name(string setting, Action<WorkflowOptions> misconfigure)
    {
        var options = new WorkflowOptions();
        misconfigure(options);

        Problems(options).Should().Contain(problem => problem.MemberNames.Contains(setting), string.Join("; ", Problems(options).Select(problem => problem.ErrorMessage)));
    }

    public static TheoryData<string, Action<WorkflowOptions>> Misconfigurations() => new()
    {
        // A tenth of a second per day with the default 91 days would put a placement's end 78 million days ahead.
        { nameof(WorkflowOptions.CalendarDay), options => options.CalendarDay = TimeSpan.FromSeconds(0.1) },
        { nameof(WorkflowOptions.CalendarDay), options => options.CalendarDay = TimeSpan.Zero },
        { nameof(WorkflowOptions.ReminderAfter), options => options.ReminderAfter = TimeSpan.FromDays(-1) },
        { nameof(WorkflowOptions.EscalateAfter), options => options.EscalateAfter = options.ReminderAfter },
        { nameof(WorkflowOptions.ReviewLead), options => options.ReviewLead = options.PlacementLength },
        { nameof(WorkflowOptions.MatchingSchedule), options => options.MatchingSchedule = "every morning" },
        { nameof(WorkflowOptions.TimeZone), options => options.TimeZone = "Europe/Atlantis" },
        { nameof(WorkflowOptions.ScreenerEmail), options => options.ScreenerEmail = "screening team" },
        { nameof(WorkflowOptions.StaffLanguage), options => options.StaffLanguage = "de" },
        { nameof(WorkflowOptions.ProposalCount), options => options.ProposalCount = 0 },
    };

    // The check the options get when the host starts: every attribute, then the rules across settings.
    private static List<ValidationResult> Problems(WorkflowOptions options)
    {
        var problems = new List<ValidationResult>();
        Validator.TryValidateObject(options, new ValidationContext(options), problems, validateAllProperties: true);
        return problems;
    }
}
