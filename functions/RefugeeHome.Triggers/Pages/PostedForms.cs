using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http;

namespace RefugeeHome.Triggers.Pages;

/// <summary>Why a posted form was not taken.</summary>
public enum FormRefusal
{
    /// <summary>It lacks this site's anti-forgery token, or its token has expired: the page was open too long, or the form came from elsewhere.</summary>
    Expired,

    /// <summary>It cannot be read: too many fields, a field too long, a NUL character, or no form at all.</summary>
    Unreadable,

    /// <summary>It is larger than a form of this site may be.</summary>
    TooLarge,
}

/// <summary>A posted form, or why it was not taken.</summary>
/// <param name="Form">The form's fields, when it was taken.</param>
/// <param name="Refusal">Why it was not.</param>
public sealed record PostedFormRead(IFormCollection? Form, FormRefusal? Refusal);

/// <summary>
/// The one way a posted form is read: it must carry this site's anti-forgery token, and the limits of the form reader
/// (fields, field length, body size) hold before any work is done. A form over a limit, or with characters no form can
/// carry, is refused with a clear page in the visitor's language instead of an error.
/// </summary>
public sealed class PostedForms(IAntiforgery antiforgery, PageRenderer pages)
{
    /// <summary>Reads the form posted to <paramref name="context"/>.</summary>
    public async Task<PostedFormRead> ReadAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (!context.Request.HasFormContentType)
        {
            return new PostedFormRead(null, FormRefusal.Unreadable);
        }

        try
        {
            return await antiforgery.IsRequestValidAsync(context)
                ? new PostedFormRead(await context.Request.ReadFormAsync(context.RequestAborted), null)
                : new PostedFormRead(null, FormRefusal.Expired);
        }
        catch (Exception exception) when (RefusalOf(exception) is { } refusal)
        {
            return new PostedFormRead(null, refusal);
        }
    }

    /// <summary>The page that says why a form was refused, under <paramref name="title"/>.</summary>
    public Task<IResult> RefuseAsync(HttpContext context, PageText text, string title, FormRefusal refusal)
    {
        ArgumentNullException.ThrowIfNull(text);
        return pages.MessageAsync(context, text, title, StatusOf(refusal), text[refusal switch
        {
            FormRefusal.Expired => "formExpired",
            FormRefusal.TooLarge => "formTooLarge",
            _ => "formUnreadable",
        }]);
    }

    /// <summary>The HTTP status of <paramref name="refusal"/>.</summary>
    public static int StatusOf(FormRefusal refusal) => refusal == FormRefusal.TooLarge ? StatusCodes.Status413PayloadTooLarge : StatusCodes.Status400BadRequest;

    /// <summary>What a request body that could not be read means for the visitor; null for any other failure.</summary>
    public static FormRefusal? RefusalOf(Exception exception) => exception switch
    {
        BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge } => FormRefusal.TooLarge,
        BadHttpRequestException or InvalidDataException => FormRefusal.Unreadable,
        AntiforgeryValidationException { InnerException: { } inner } => RefusalOf(inner),
        _ => null,
    };
}
