using System.Text;
using System.Text.Json;
using AwesomeAssertions;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Http;
using RefugeeHome.Triggers.Staff;

namespace RefugeeHome.Functions.Tests;

public sealed class StaffSignInTests
{
    private static readonly IDataProtectionProvider Protection = new EphemeralDataProtectionProvider();

    [Fact]
    public void App_Service_passes_the_Entra_user_and_the_app_role_that_sees_most()
    {
        var signIn = new StaffSignIn(new StaffOptions { SignIn = StaffSignInMode.AppService }, Protection, TimeProvider.System);
        var context = WithPrincipal(("name", "Fatima El Amrani"), ("preferred_username", "fatima@refugeehome.example"), ("roles", "caseworker"), ("roles", "coordinator"));

        signIn.Identify(context).Should().Be(new StaffMember("Fatima El Amrani", "fatima@refugeehome.example", StaffRole.Coordinator));
    }

    [Fact]
    public void Without_an_app_role_or_a_readable_principal_nobody_is_signed_in()
    {
        var signIn = new StaffSignIn(new StaffOptions { SignIn = StaffSignInMode.AppService }, Protection, TimeProvider.System);
        var noRole = WithPrincipal(("name", "Guest"), ("preferred_username", "guest@example.org"), ("roles", "administrator"));
        var garbage = new DefaultHttpContext();
        garbage.Request.Headers["X-MS-CLIENT-PRINCIPAL"] = "not base64 at all!";

        signIn.Identify(noRole).Should().BeNull();
        signIn.Identify(garbage).Should().BeNull();
        signIn.Identify(new DefaultHttpContext()).Should().BeNull();
    }

    [Fact]
    public void The_development_sign_in_works_only_when_it_is_on_and_a_principal_header_is_not_trusted_then()
    {
        var development = new StaffSignIn(new StaffOptions { SignIn = StaffSignInMode.Development }, Protection, TimeProvider.System);
        var off = new StaffSignIn(new StaffOptions(), Protection, TimeProvider.System);
        var response = new DefaultHttpContext();
        var member = new StaffMember("Joris Visser", "screening@refugeehome.localhost", StaffRole.Screener);

        development.SignInForDevelopment(response, member);
        var cookie = response.Response.Headers.SetCookie.ToString();
        var next = WithPrincipal(("name", "Forged"), ("preferred_username", "forged@example.org"), ("roles", "coordinator"));
        next.Request.Headers.Cookie = cookie.Split(';')[0];

        cookie.Should().Contain("httponly").And.Contain("samesite=strict");
        development.Identify(next).Should().Be(member, "the development sign-in reads its own cookie, never the platform's header");
        off.Identify(next).Should().BeNull("without a sign-in setting nobody is staff");
        FluentActions.Invoking(() => off.SignInForDevelopment(new DefaultHttpContext(), member)).Should().Throw<InvalidOperationException>();
    }

    private static DefaultHttpContext WithPrincipal(params (string Type, string Value)[] claims)
    {
        var principal = JsonSerializer.Serialize(new
        {
            auth_typ = "aad",
            claims = claims.Select(claim => new { typ = claim.Type, val = claim.Value }),
            name_typ = "name",
            role_typ = "http://schemas.microsoft.com/ws/2008/06/identity/claims/role",
        });
        var context = new DefaultHttpContext();
        context.Request.Headers["X-MS-CLIENT-PRINCIPAL"] = Convert.ToBase64String(Encoding.UTF8.GetBytes(principal));
        return context;
    }
}
