using System.Net;
using AwesomeAssertions;
using Azure.Data.Tables;
using Microsoft.Extensions.Time.Testing;
using RefugeeHome.Testing;
using SendGrid;
using SendGrid.Helpers.Mail;

namespace RefugeeHome.Notifications.Tests;

public sealed class MailerTests(AzuriteFixture azurite) : IDisposable
{
    private static readonly CancellationToken None = CancellationToken.None;
    private static readonly EmailTemplates Templates = EmailTemplates.FromAssembly(typeof(MailerTests).Assembly, "Tests.Templates.");
    private static readonly EmailAddress Host = new("host@example.org");
    private static readonly TimeSpan ListedWithin = TimeSpan.FromMinutes(10);
    private readonly SendGridCapture _sendGrid = new();
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero));

    [Theory]
    [InlineData("nl", "Aanmelding ontvangen, Olena", "Uw aanmelding als gasthuishouden in Zaanstad is ontvangen.")]
    [InlineData("uk", "Реєстрацію отримано, Olena", "Вашу реєстрацію як приймаючої родини в Zaanstad отримано.")]
    [InlineData("ru", "Регистрация получена, Olena", "Ваша регистрация в качестве принимающей семьи в Zaanstad получена.")]
    [InlineData("EN", "Registration received, Olena", "Your registration as a host household in Zaanstad has been received.")]
    public async Task Sends_in_the_recipients_language(string language, string subject, string sentence)
    {
        var mailer = await MailerAsync();

        await mailer.SendOnceAsync($"welcome-{language}", Host, language, "registration-received", new { firstName = "Olena", municipality = "Zaanstad" }, None);

        var email = _sendGrid.Sent.Should().ContainSingle().Subject;
        email.GetProperty("subject").GetString().Should().Be(subject);
        email.GetProperty("content")[0].GetProperty("value").GetString().Should().Contain(sentence);
    }

    [Fact]
    public async Task Values_are_html_encoded_in_the_body()
    {
        var mailer = await MailerAsync();

        await mailer.SendOnceAsync("xss", Host, "en", "registration-received", new { firstName = "<img src=x onerror=alert(1)>", municipality = "A&B" }, None);

        var body = _sendGrid.Sent.Single().GetProperty("content")[0].GetProperty("value").GetString();
        body.Should().NotContain("<img").And.Contain("&lt;img").And.Contain("A&amp;B");
    }

    [Fact]
    public async Task A_value_with_a_line_break_cannot_reach_the_subject_and_nothing_is_sent()
    {
        var mailer = await MailerAsync();

        var send = () => mailer.SendOnceAsync("header-injection", Host, "en", "registration-received", new { firstName = "Olena\r\nBcc: all@example.org", municipality = "Delft" }, None);

        await send.Should().ThrowAsync<ArgumentException>().WithMessage("*line break*");
        _sendGrid.Sent.Should().BeEmpty();
    }

    [Fact]
    public async Task One_message_key_sends_one_email_however_often_and_however_concurrently_it_is_sent()
    {
        var mailer = await MailerAsync();
        var model = new { firstName = "Olena", municipality = "Delft" };

        var concurrent = await Task.WhenAll(Enumerable.Range(0, 4).Select(async _ =>
        {
            try
            {
                return await mailer.SendOnceAsync("journey-1/task-0", Host, "nl", "registration-received", model, None);
            }
            catch (EmailSendInProgressException)
            {
                return (SendOutcome?)null;
            }
        }));
        var retried = await mailer.SendOnceAsync("journey-1/task-0", Host, "nl", "registration-received", model, None);

        concurrent.Count(outcome => outcome == SendOutcome.Sent).Should().Be(1);
        retried.Should().Be(SendOutcome.AlreadySent);
        _sendGrid.Sent.Should().ContainSingle();
    }

    [Fact]
    public async Task A_refused_send_is_not_logged_as_sent_so_the_retry_sends_it()
    {
        var mailer = await MailerAsync();
        _sendGrid.Status = HttpStatusCode.BadRequest;

        var refused = () => Send(mailer, "journey-2/task-0");
        await refused.Should().ThrowAsync<InvalidOperationException>().WithMessage("*400*");
        _sendGrid.Status = HttpStatusCode.Accepted;
        var retried = await Send(mailer, "journey-2/task-0");

        retried.Should().Be(SendOutcome.Sent);
        _sendGrid.Sent.Should().ContainSingle();
        _sendGrid.ActivityQueries.Should().Be(0, "a refusal kept nothing, so nobody needs to ask SendGrid");
    }

    [Fact]
    public async Task After_an_error_on_SendGrids_side_the_email_is_sent_again_once_SendGrid_does_not_list_it()
    {
        var mailer = await MailerAsync();
        _sendGrid.Status = HttpStatusCode.ServiceUnavailable;

        var failed = () => Send(mailer, "journey-7/task-0");
        await failed.Should().ThrowAsync<InvalidOperationException>().WithMessage("*503*");
        _sendGrid.Status = HttpStatusCode.Accepted;
        var tooSoon = () => Send(mailer, "journey-7/task-0");
        await tooSoon.Should().ThrowAsync<EmailSendInProgressException>();
        _clock.Advance(ListedWithin);
        var retried = await Send(mailer, "journey-7/task-0");

        retried.Should().Be(SendOutcome.Sent);
        _sendGrid.Sent.Should().ContainSingle();
    }

    [Fact]
    public async Task A_claim_left_by_an_attempt_that_crashed_before_sending_is_taken_over_and_sent_once_SendGrid_had_time_to_list_it()
    {
        var (mailer, log, hash) = await ClaimLeftByACrashAsync("journey-3/task-0");

        var whileClaimed = () => Send(mailer, "journey-3/task-0");
        await whileClaimed.Should().ThrowAsync<EmailSendInProgressException>();
        _clock.Advance(SendGridOnce.ClaimLease);
        var beforeSendGridListsIt = () => Send(mailer, "journey-3/task-0");
        await beforeSendGridListsIt.Should().ThrowAsync<EmailSendInProgressException>().WithMessage("*does not list it yet*");
        _clock.Advance(ListedWithin - SendGridOnce.ClaimLease);
        var notListed = await Send(mailer, "journey-3/task-0");

        notListed.Should().Be(SendOutcome.Sent, "SendGrid does not list it, so the attempt that died never sent it");
        _sendGrid.Sent.Should().ContainSingle();
        var logged = (await log.GetEntityAsync<TableEntity>(hash[..2], hash, cancellationToken: None)).Value;
        logged.Keys.Should().BeEquivalentTo(["odata.etag", "PartitionKey", "RowKey", "Timestamp", "State", "ClaimedAt", "ClaimId", "UnsureSince", "DoneAt"]);
    }

    [Fact]
    public async Task A_crash_after_SendGrid_took_the_email_and_before_the_log_said_so_sends_no_second_copy()
    {
        var (mailer, _, hash) = await ClaimLeftByACrashAsync("journey-4/task-0");
        var accepted = new SendGridMessage { From = new EmailAddress("noreply@refugeehome.example"), Subject = "Aanmelding ontvangen", HtmlContent = "<p>Olena</p>" };
        accepted.AddTo(Host);
        accepted.AddCustomArg(SendGridOnce.MessageKeyArgument, hash);
        await SendGridClient().SendEmailAsync(accepted, None);

        _clock.Advance(SendGridOnce.ClaimLease);
        var afterTheCrash = await Send(mailer, "journey-4/task-0");
        var later = await Send(mailer, "journey-4/task-0");

        afterTheCrash.Should().Be(SendOutcome.AlreadySent, "SendGrid lists the email the attempt that died had handed over");
        later.Should().Be(SendOutcome.AlreadySent);
        _sendGrid.Sent.Should().ContainSingle();
        _sendGrid.ActivityQueries.Should().Be(1, "SendGrid is asked only by the attempt that took over an unsure claim");
    }

    [Fact]
    public async Task An_email_whose_answer_was_lost_is_not_sent_again_when_SendGrid_lists_it()
    {
        var mailer = await MailerAsync();
        _sendGrid.LoseNextAnswer = true;

        var lost = () => Send(mailer, "journey-5/task-0");
        await lost.Should().ThrowAsync<HttpRequestException>();
        var retried = await Send(mailer, "journey-5/task-0");

        retried.Should().Be(SendOutcome.AlreadySent, "the retry asks SendGrid at once instead of waiting out the lease");
        _sendGrid.Sent.Should().ContainSingle();
    }

    [Fact]
    public async Task Without_SendGrids_Email_Activity_API_an_email_whose_answer_was_lost_is_sent_again_rather_than_never()
    {
        var mailer = await MailerAsync();
        (_sendGrid.LoseNextAnswer, _sendGrid.ActivityStatus) = (true, HttpStatusCode.Forbidden);

        var lost = () => Send(mailer, "journey-6/task-0");
        await lost.Should().ThrowAsync<HttpRequestException>();
        var retried = await Send(mailer, "journey-6/task-0");

        retried.Should().Be(SendOutcome.Sent);
        _sendGrid.Sent.Should().HaveCount(2, "an account without the add-on cannot tell, and a second copy is better than none");
    }

    [Fact]
    public void A_message_missing_a_language_fails_when_the_templates_load()
    {
        var load = () => EmailTemplates.FromAssembly(typeof(MailerTests).Assembly, "Tests.Incomplete.");

        load.Should().Throw<InvalidOperationException>().WithMessage("*reminder.en, reminder.uk, reminder.ru*");
    }

    [Fact]
    public async Task A_language_that_is_not_offered_is_refused_by_name()
    {
        var mailer = await MailerAsync();

        var send = () => mailer.SendOnceAsync("de", Host, "de", "registration-received", new { firstName = "Olena", municipality = "Delft" }, None);

        await send.Should().ThrowAsync<ArgumentException>().WithMessage("*'de' is not offered*nl, en, uk, ru*");
    }

    public void Dispose() => _sendGrid.Dispose();

    // A mailer, and the claim an attempt wrote on the key before it died, as the email log keeps it.
    private async Task<(Mailer Mailer, TableClient Log, string Hash)> ClaimLeftByACrashAsync(string messageKey)
    {
        var tables = new TableServiceClient(azurite.ConnectionString);
        var (log, hash) = (tables.GetTableClient(SendGridOnce.LogTable), SendGridOnce.HashOf(messageKey));
        var mailer = await MailerAsync(tables);
        await log.AddEntityAsync(new TableEntity(hash[..2], hash) { ["State"] = "Claimed", ["ClaimedAt"] = _clock.GetUtcNow() }, None);
        return (mailer, log, hash);
    }

    private static Task<SendOutcome> Send(Mailer mailer, string messageKey) =>
        mailer.SendOnceAsync(messageKey, Host, "nl", "registration-received", new { firstName = "Olena", municipality = "Delft" }, None);

    private SendGridClient SendGridClient() => new(new HttpClient(_sendGrid), new SendGridClientOptions { ApiKey = "SG.test" });

    private async Task<Mailer> MailerAsync(TableServiceClient? tables = null)
    {
        var log = (tables ?? new TableServiceClient(azurite.ConnectionString)).GetTableClient(SendGridOnce.LogTable);
        var mailer = new Mailer(new SendGridOnce(log, SendGridClient(), ListedWithin, _clock), Templates, new EmailAddress("noreply@refugeehome.example", "RefugeeHome"));
        await mailer.CreateTableAsync(None);
        return mailer;
    }
}
