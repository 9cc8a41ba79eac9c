using System.Globalization;

namespace RefugeeHome.Approvals;

/// <summary>Checks posted field values against a link's fields and brings them into invariant form.</summary>
internal static class FieldValidation
{
    public static (IReadOnlyDictionary<string, string> Values, IReadOnlyList<FieldProblem> Problems) Check(
        IReadOnlyList<ApprovalField> fields, string choice, IReadOnlyDictionary<string, string> posted)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        var problems = new List<FieldProblem>();
        foreach (var field in fields)
        {
            var raw = posted.TryGetValue(field.Name, out var value) ? value.Trim() : "";
            if (raw.Length == 0)
            {
                if (field.RequiredFor.Contains(choice, StringComparer.Ordinal))
                {
                    problems.Add(new FieldProblem(field, FieldProblemKind.Required));
                }

                continue;
            }

            var (normal, problem) = Normalize(field, raw);
            if (problem is { } kind)
            {
                problems.Add(new FieldProblem(field, kind));
            }
            else
            {
                values[field.Name] = normal;
            }
        }

        return (values, problems);
    }

    private static (string Normal, FieldProblemKind? Problem) Normalize(ApprovalField field, string raw)
    {
        switch (field.Kind)
        {
            case ApprovalFieldKind.Date:
                if (!DateOnly.TryParseExact(raw, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
                {
                    return (raw, FieldProblemKind.Invalid);
                }

                return date < field.Earliest ? (raw, FieldProblemKind.TooEarly) : (date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), null);
            case ApprovalFieldKind.Number:
                // A comma is the Dutch decimal separator; both are read as one.
                if (!decimal.TryParse(raw.Replace(',', '.'), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var number))
                {
                    return (raw, FieldProblemKind.Invalid);
                }

                return number > field.Maximum ? (raw, FieldProblemKind.AboveMaximum) : (number.ToString(CultureInfo.InvariantCulture), null);
            default:
                return field.Options.Any(option => option.Value == raw) ? (raw, null) : (raw, FieldProblemKind.Invalid);
        }
    }
}
